import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.ts';
import * as figures from '../../src/reports/figures.repository.ts';
import { rowsOf } from '../../src/reports/progress-table.ts';
import { progressTable, setTargets } from '../../src/reports/progress.service.ts';
import { createTestDatabase, describeEachEngine, ENGINES } from '../../src/test-support/engines.ts';
import { buildUnit, uniq } from '../../src/test-support/factories.ts';
import {
  buildIndicator,
  buildQuarters,
  buildQuarterValues,
  buildReportSetup,
  setReportState,
} from '../../src/test-support/report-factories.ts';

const AT = '2021-07-01T00:00:00.000Z';

describeEachEngine('year figures and the progress table', (db) => {
  it('keeps each unit’s year in step with its sent values and targets, decimals exact', async () => {
    const s = await buildReportSetup(db(), { year: 2021, number: 1 });
    const q = await buildQuarters(db(), s);
    const { fund, members } = s.indicators;
    const peak = await buildIndicator(db(), s.ctx.secretary, { aggregation: 'max' });
    const mean = await buildIndicator(db(), s.ctx.secretary, { aggregation: 'average' });
    await buildQuarterValues(db(), q[1]![s.unit.id]!, [
      [fund.id, 0.1],
      [members.id, 40],
      [peak.id, 7],
      [mean.id, 2],
    ]);
    await buildQuarterValues(db(), q[2]![s.unit.id]!, [
      [fund.id, 0.2],
      [members.id, 45],
      [peak.id, 5],
      [mean.id, 4],
    ]);
    await buildQuarterValues(db(), q[1]![s.other.id]!, [
      [fund.id, 12.5],
      [peak.id, 9],
    ]);
    await buildQuarterValues(db(), q[2]![s.other.id]!, [], 'submitted');
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
        asOf: '2021-06-30',
        figures: [
          [fund.id, 0.1, 0.2, null, null, 0.6],
          [members.id, 40, 45, null, null, 50],
          [peak.id, 7, 5, null, null, null],
          [mean.id, 2, 4, null, null, null],
        ],
      },
      {
        unitId: s.other.id,
        asOf: '2021-06-30', // it sent Quý II, with no figures in it
        figures: [
          [fund.id, 12.5, null, null, null, 50],
          [members.id, null, null, null, null, 20],
          [peak.id, 9, null, null, null, null],
        ],
      },
    ]);

    const table = await progressTable(db(), 2021, { unitIds: [s.unit.id, s.other.id] });
    expect(table.asOf).toBe('2021-06-30');
    const rows = rowsOf(table.rows);
    expect(rows.map((r) => [r.unitId, r.indicatorId, r.actual, r.status])).toEqual([
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
    const one = await progressTable(db(), 2021, { indicatorId: members.id });
    expect(one.rows.unitId.slice(-2)).toEqual([s.unit.id, s.other.id]);
    expect(one.indicators.map((i) => i.id)).toEqual([members.id]);
    expect(one.totals.map((t) => t.indicatorId)).toEqual([members.id]);
    const mine = await progressTable(db(), 2021, { unitIds: [s.other.id] });
    expect(new Set(mine.rows.unitId)).toEqual(new Set([s.other.id]));

    // Clearing values and targets clears the derived year.
    await setReportState(db(), q[1]![s.other.id]!.id, 'returned');
    await setTargets(db(), s.ctx.secretary, {
      year: 2021,
      items: [{ unitId: s.other.id, indicatorId: fund.id, value: null }],
    });
    expect((await figures.yearFigures(db(), 2021)).find((u) => u.unitId === s.other.id)).toEqual({
      unitId: s.other.id,
      asOf: '2021-06-30',
      figures: [[members.id, null, null, null, null, 20]],
    });
  });

  it('counts no draft: 2500000 saved and not sent moves no official figure', async () => {
    const s = await buildReportSetup(db(), { year: 2022, number: 1 });
    const q = await buildQuarters(db(), s);
    const { fund } = s.indicators;
    await setTargets(db(), s.ctx.secretary, {
      year: 2022,
      items: [{ unitId: s.unit.id, indicatorId: fund.id, value: 400 }],
    });
    await buildQuarterValues(db(), q[1]![s.unit.id]!, [[fund.id, 100]]);
    await buildQuarterValues(db(), q[2]![s.unit.id]!, [[fund.id, 100]]);
    await buildQuarterValues(db(), q[3]![s.unit.id]!, [[fund.id, 2_500_000]], 'draft');
    const official = async () => {
      const t = await progressTable(db(), 2022, { unitIds: [s.unit.id] });
      return { row: rowsOf(t.rows)[0], total: t.totals[0], asOf: t.asOf, units: t.units };
    };
    const before = await official();
    expect(before.row).toMatchObject({ quarters: [100, 100, null, null], actual: 200 });
    expect(before.row?.percent).toBe(50);
    expect(before.total).toMatchObject({ actual: 200, percent: 50, status: 'on_track' });
    expect(before.asOf).toBe('2022-06-30');
    expect(before.units[0]).toMatchObject({ asOf: '2022-06-30' });

    // The unit's writers see what it would make, apart and dated as the draft.
    const withDraft = await progressTable(db(), 2022, {
      unitIds: [s.unit.id],
      draftUnitIds: [s.unit.id],
    });
    expect(withDraft.drafts.units).toEqual([{ id: s.unit.id, asOf: '2022-09-30' }]);
    expect(rowsOf(withDraft.drafts.rows)[0]).toMatchObject({ actual: 2_500_200 });
    expect(withDraft.totals[0]).toMatchObject({ actual: 200 });

    // Waiting for the head's approval is not sent either; approved, it counts; returned, not.
    await setReportState(db(), q[3]![s.unit.id]!.id, 'awaiting_approval');
    expect((await official()).row).toMatchObject({ actual: 200 });
    await setReportState(db(), q[3]![s.unit.id]!.id, 'submitted');
    expect((await official()).row).toMatchObject({ actual: 2_500_200 });
    expect((await official()).asOf).toBe('2022-09-30');
    await setReportState(db(), q[3]![s.unit.id]!.id, 'returned');
    expect((await official()).row).toMatchObject({ actual: 200 });
    expect((await official()).asOf).toBe('2022-06-30');
  });

  it('dates each unit at the last quarter it sent; the total at the date most units reached', async () => {
    const s = await buildReportSetup(db(), { year: 2023, number: 1 });
    const third = await buildUnit(db(), {
      parentId: s.convener.id,
      kind: 'mass_organization',
      name: `Hội thứ ba ${uniq()}`,
    });
    // The periods' units are set when they open: the third unit must exist first.
    const q = await buildQuarters(db(), s);
    const { fund } = s.indicators;
    await setTargets(db(), s.ctx.secretary, {
      year: 2023,
      items: [s.unit.id, s.other.id, third.id].map((unitId) => ({
        unitId,
        indicatorId: fund.id,
        value: 400,
      })),
    });
    for (const quarter of [1, 2, 3, 4])
      await buildQuarterValues(db(), q[quarter]![s.unit.id]!, [[fund.id, 100]]);
    for (const quarter of [1, 2, 3])
      await buildQuarterValues(db(), q[quarter]![s.other.id]!, [[fund.id, 100]]);
    const units = [s.unit.id, s.other.id, third.id];
    const table = await progressTable(db(), 2023, { unitIds: units });
    const rows = rowsOf(table.rows);
    const row = (unitId: number) => rows.find((r) => r.unitId === unitId)!;
    // The unit that sent Quý IV is judged at the year end, the one at Quý III at 30/09.
    expect(table.units).toEqual([
      { id: s.unit.id, name: s.unit.name, asOf: '2023-12-31', covered: true },
      { id: s.other.id, name: s.other.name, asOf: '2023-09-30', covered: true },
      { id: third.id, name: third.name, asOf: null, covered: false },
    ]);
    expect(row(s.unit.id)).toMatchObject({ actual: 400, expected: 400, status: 'on_track' });
    expect(row(s.unit.id).forecast).toBe(400);
    expect(row(s.other.id)).toMatchObject({ actual: 300, status: 'on_track' });
    expect(row(s.other.id).expected).toBeCloseTo(299.2, 1); // 273 of 365 days
    expect(row(s.other.id).forecast).toBeCloseTo(401, 0);
    expect(row(third.id)).toMatchObject({ actual: null, status: 'no_data' });
    // The bloc: at 30/09, the two units that reached it, counting nothing of Quý IV.
    expect(table.asOf).toBe('2023-09-30');
    expect(table.coverage).toEqual({ covered: 2, units: 3 });
    expect(table.totals[0]).toMatchObject({
      quarters: [200, 200, 200, null],
      actual: 600,
      target: 800,
      status: 'on_track',
    });

    // Asked for 30/09 (an export of Quý III): nothing after it, for any unit.
    const q3 = await progressTable(db(), 2023, { unitIds: units, asOf: '2023-09-30' });
    expect(rowsOf(q3.rows).find((r) => r.unitId === s.unit.id)).toMatchObject({
      quarters: [100, 100, 100, null],
      actual: 300,
    });
    expect(q3.units[0]).toMatchObject({ asOf: '2023-09-30' });
    expect(q3.totals[0]).toMatchObject({ actual: 600 });
    // A date inside a quarter counts the quarters ended by then.
    const mid = await progressTable(db(), 2023, { unitIds: units, asOf: '2023-08-15' });
    expect(mid.asOf).toBe('2023-06-30');
    expect(mid.totals[0]).toMatchObject({ quarters: [200, 200, null, null], actual: 400 });
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

      const up = await migrator.migrateTo('2026-12-01-0105-reports-unit-year-figures');
      expect(up.error).toBeUndefined();
      const packed = async (year: number) =>
        (
          await db
            .selectFrom('indicator_unit_years')
            .select(['unit_id', 'figures'])
            .where('year', '=', year)
            .execute()
        ).map((r) => ({ unitId: r.unit_id, figures: JSON.parse(r.figures) as unknown }));
      expect(await packed(2019)).toEqual([
        {
          unitId: unit.id,
          figures: [
            [a.id, 2, 3, null, null, null],
            [b.id, 1.5, null, null, null, 10],
          ],
        },
      ]);
      expect(await packed(2020)).toEqual([
        { unitId: unit.id, figures: [[a.id, null, null, null, null, 7]] },
      ]);
    } finally {
      await handle.close();
    }
  });
}
