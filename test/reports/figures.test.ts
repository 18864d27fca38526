import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.ts';
import * as figures from '../../src/reports/figures.repository.ts';
import { progressTable, setTargets } from '../../src/reports/progress.service.ts';
import { createTestDatabase, describeEachEngine, ENGINES } from '../../src/test-support/engines.ts';
import { buildIndicator, buildReportSetup } from '../../src/test-support/report-factories.ts';

const AT = '2021-07-01T00:00:00.000Z';

describeEachEngine('year figures and the progress table', (db) => {
  it('keeps each unit’s year in step with its values and targets, decimals exact', async () => {
    const s = await buildReportSetup(db());
    const { fund, members } = s.indicators;
    const peak = await buildIndicator(db(), s.ctx.secretary, { aggregation: 'max' });
    const mean = await buildIndicator(db(), s.ctx.secretary, { aggregation: 'average' });
    const write = (unitId: number, quarter: number, values: [number, number | null][]) =>
      figures.writeQuarterValues(
        db(),
        { unitId, year: 2021, quarter, reportId: s.report.id },
        new Map(values),
        AT,
      );
    await write(s.unit.id, 1, [
      [fund.id, 0.1],
      [members.id, 40],
      [peak.id, 7],
      [mean.id, 2],
    ]);
    await write(s.unit.id, 2, [
      [fund.id, 0.2],
      [members.id, 45],
      [peak.id, 5],
      [mean.id, 4],
    ]);
    await write(s.other.id, 1, [
      [fund.id, 12.5],
      [peak.id, 9],
    ]);
    await setTargets(db(), s.ctx.secretary, {
      year: 2021,
      items: [
        { unitId: s.unit.id, indicatorId: fund.id, value: 0.6 },
        { unitId: s.unit.id, indicatorId: members.id, value: 50 },
        { unitId: s.other.id, indicatorId: fund.id, value: 50 },
        { unitId: s.other.id, indicatorId: members.id, value: 20 },
      ],
    });

    const year = await figures.yearFigures(db(), 2021);
    expect(year).toEqual([
      {
        unitId: s.unit.id,
        figures: [
          [fund.id, 0.1, 0.2, null, null, 0.6],
          [members.id, 40, 45, null, null, 50],
          [peak.id, 7, 5, null, null, null],
          [mean.id, 2, 4, null, null, null],
        ],
      },
      {
        unitId: s.other.id,
        figures: [
          [fund.id, 12.5, null, null, null, 50],
          [members.id, null, null, null, null, 20],
          [peak.id, 9, null, null, null, null],
        ],
      },
    ]);

    const table = await progressTable(db(), 2021, {
      unitIds: [s.unit.id, s.other.id],
      asOf: '2021-06-30',
    });
    expect(table.rows.map((r) => [r.unitId, r.indicatorId, r.actual, r.status])).toEqual([
      [s.unit.id, fund.id, 0.3, 'on_track'], // 0.1 + 0.2, shown to two decimals
      [s.unit.id, members.id, 45, 'behind'], // latest quarter vs the full target
      [s.unit.id, peak.id, 7, 'no_target'],
      [s.unit.id, mean.id, 3, 'no_target'],
      [s.other.id, fund.id, 12.5, 'behind'], // a quarter of the target by mid-year
      [s.other.id, members.id, null, 'no_data'],
      [s.other.id, peak.id, 9, 'no_target'],
    ]);
    const total = (id: number) => table.totals.find((t) => t.indicatorId === id)!;
    expect(total(fund.id)).toMatchObject({ quarters: [12.6, 0.2, null, null], actual: 12.8 });
    expect(total(fund.id).target).toBeCloseTo(50.6);
    expect(total(members.id)).toMatchObject({ actual: 45, target: 70 });
    expect(total(peak.id)).toMatchObject({ quarters: [9, 5, null, null], actual: 9 });
    expect(total(mean.id)).toMatchObject({ actual: 3 });

    // One indicator only, and one unit only.
    const one = await progressTable(db(), 2021, { indicatorId: members.id, asOf: '2021-06-30' });
    expect(one.rows.map((r) => [r.unitId, r.indicatorId])).toEqual([
      [s.unit.id, members.id],
      [s.other.id, members.id],
    ]);
    expect(one.totals.map((t) => t.indicatorId)).toEqual([members.id]);
    const mine = await progressTable(db(), 2021, { unitIds: [s.other.id], asOf: '2021-06-30' });
    expect(new Set(mine.rows.map((r) => r.unitId))).toEqual(new Set([s.other.id]));

    // Clearing values and targets clears the derived year; nothing left removes the row.
    await write(s.other.id, 1, [
      [fund.id, null],
      [peak.id, null],
    ]);
    await setTargets(db(), s.ctx.secretary, {
      year: 2021,
      items: [{ unitId: s.other.id, indicatorId: fund.id, value: null }],
    });
    expect((await figures.yearFigures(db(), 2021)).find((u) => u.unitId === s.other.id)).toEqual({
      unitId: s.other.id,
      figures: [[members.id, null, null, null, null, 20]],
    });
    await setTargets(db(), s.ctx.secretary, {
      year: 2021,
      items: [{ unitId: s.other.id, indicatorId: members.id, value: null }],
    });
    expect((await figures.yearFigures(db(), 2021)).map((u) => u.unitId)).toEqual([s.unit.id]);
  });

  it('dates the table at the end of the last quarter with data', async () => {
    const s = await buildReportSetup(db());
    await figures.writeQuarterValues(
      db(),
      { unitId: s.unit.id, year: 2020, quarter: 3, reportId: s.report.id },
      new Map([[s.indicators.fund.id, 5]]),
      AT,
    );
    const table = await progressTable(db(), 2020);
    expect(table.asOf).toBe('2020-09-30');
    expect(table.fraction).toBeCloseTo(274 / 366);
  });
});

// The move from one row per unit and indicator (0104) to one packed row per unit and year
// (0105) must carry every figure over, and undoing it must bring the old table back.
for (const engine of ENGINES) {
  it(`[${engine}] migration 0105 packs the figures already stored, and undoes cleanly`, async () => {
    const handle = await createTestDatabase(engine);
    const db = handle.db;
    try {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: () => Promise.resolve(migrations) },
      });
      const down = await migrator.migrateTo('2026-11-29-0104-reports-year-figures');
      expect(down.error).toBeUndefined();
      expect(down.results?.map((r) => [r.migrationName, r.direction])).toContainEqual([
        '2026-12-01-0105-reports-unit-year-figures',
        'Down',
      ]);
      const now = AT;
      const unit = await db
        .insertInto('units')
        .values({
          parent_id: null,
          kind: 'party_committee',
          name: 'Thị ủy',
          name_folded: 'thi uy',
          short_name: null,
          sort_order: 0,
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const indicator = (code: string) =>
        db
          .insertInto('indicators')
          .values({
            code,
            name: code,
            measure: 'người',
            aggregation: 'sum',
            higher_is_better: 1,
            allow_negative: 0,
            sort_order: 0,
            active: 1,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const a = await indicator('A');
      const b = await indicator('B');
      // Rows as the 0104 table held them (the repository of that time kept it in step).
      await sql`INSERT INTO indicator_year_figures (year, unit_id, indicator_id, q1, q2, q3, q4, target)
        VALUES (2019, ${unit.id}, ${b.id}, 1.5, NULL, NULL, NULL, 10),
               (2019, ${unit.id}, ${a.id}, 2, 3, NULL, NULL, NULL),
               (2020, ${unit.id}, ${a.id}, NULL, NULL, NULL, NULL, 7)`.execute(db);

      const up = await migrator.migrateToLatest();
      expect(up.error).toBeUndefined();
      expect(await figures.yearFigures(db, 2019)).toEqual([
        {
          unitId: unit.id,
          figures: [
            [a.id, 2, 3, null, null, null],
            [b.id, 1.5, null, null, null, 10],
          ],
        },
      ]);
      expect(await figures.yearFigures(db, 2020)).toEqual([
        { unitId: unit.id, figures: [[a.id, null, null, null, null, 7]] },
      ]);
    } finally {
      await handle.close();
    }
  });
}
