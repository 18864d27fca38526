import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.ts';
import { writeTargets } from '../../src/reports/figures.repository.ts';
import { ENGINES, createTestDatabase } from '../../src/test-support/engines.ts';
import {
  buildQuarterValues,
  buildQuarters,
  buildReportSetup,
} from '../../src/test-support/report-factories.ts';

// Migration 0106 makes the packed year figures the official ones: a database packed by 0105
// (every value, drafts included, no date) must come out with only the values of sent reports
// (submitted or accepted), targets kept, and each unit's year dated at the end of the last
// quarter it sent. Undoing it drops the date and keeps the rows.
for (const engine of ENGINES) {
  it(`[${engine}] migration 0106 keeps only sent values in the packed figures and dates them`, async () => {
    const handle = await createTestDatabase(engine);
    const db = handle.db;
    try {
      const s = await buildReportSetup(db, { year: 2019, number: 1 });
      const q = await buildQuarters(db, s);
      const { fund, members } = s.indicators;
      const unit = s.unit.id;
      const other = s.other.id;
      await buildQuarterValues(
        db,
        q[1]![unit]!,
        [
          [fund.id, 10],
          [members.id, 5],
        ],
        'accepted',
      );
      await buildQuarterValues(db, q[2]![unit]!, [[fund.id, 20.5]], 'submitted');
      await buildQuarterValues(db, q[3]![unit]!, [[fund.id, 1000]], 'draft');
      await buildQuarterValues(db, q[4]![unit]!, [[members.id, 99]], 'returned');
      await buildQuarterValues(db, q[1]![other]!, [[fund.id, 7]], 'awaiting_approval');
      await writeTargets(
        db,
        2019,
        [
          { unitId: unit, indicatorId: fund.id, value: 100 },
          { unitId: other, indicatorId: fund.id, value: 50 },
        ],
        '2019-01-05T00:00:00.000Z',
      );

      const migrator = new Migrator({
        db,
        provider: { getMigrations: () => Promise.resolve(migrations) },
      });
      const down = await migrator.migrateTo('2026-12-01-0105-reports-unit-year-figures');
      expect(down.error).toBeUndefined();
      expect(down.results?.map((r) => [r.migrationName, r.direction])).toContainEqual([
        '2026-12-02-0106-reports-official-figures',
        'Down',
      ]);
      // The figures as 0105's repository packed them: every stored value, whatever the state.
      await sql`DELETE FROM indicator_unit_years`.execute(db);
      const before = [
        [
          unit,
          [
            [fund.id, 10, 20.5, 1000, null, 100],
            [members.id, 5, null, null, 99, null],
          ],
        ],
        [other, [[fund.id, 7, null, null, null, 50]]],
      ] as const;
      for (const [unitId, figures] of before) {
        await sql`INSERT INTO indicator_unit_years (year, unit_id, figures)
          VALUES (2019, ${unitId}, ${JSON.stringify(figures)})`.execute(db);
      }

      const up = await migrator.migrateTo('2026-12-02-0106-reports-official-figures');
      expect(up.error).toBeUndefined();
      const packed = async () =>
        (
          await sql<{ unit_id: number; as_of: string | null; figures: string }>`
            SELECT unit_id, as_of, figures FROM indicator_unit_years WHERE year = 2019
            ORDER BY unit_id`.execute(db)
        ).rows.map((r) => ({
          unitId: Number(r.unit_id),
          asOf: r.as_of,
          figures: JSON.parse(r.figures) as unknown,
        }));
      expect(await packed()).toEqual([
        {
          unitId: unit,
          asOf: '2019-06-30', // Q2 sent; the Q3 draft and the returned Q4 count for nothing
          figures: [
            [fund.id, 10, 20.5, null, null, 100],
            [members.id, 5, null, null, null, null],
          ],
        },
        { unitId: other, asOf: null, figures: [[fund.id, null, null, null, null, 50]] },
      ]);

      // Undone: the rows stay, without the date.
      const undo = await migrator.migrateTo('2026-12-01-0105-reports-unit-year-figures');
      expect(undo.error).toBeUndefined();
      const columns = await sql<{ figures: string }>`SELECT * FROM indicator_unit_years`.execute(
        db,
      );
      expect(columns.rows).toHaveLength(2);
      expect(Object.keys(columns.rows[0]!)).not.toContain('as_of');
      const latest = await migrator.migrateToLatest();
      expect(latest.error).toBeUndefined();
    } finally {
      await handle.close();
    }
  });
}
