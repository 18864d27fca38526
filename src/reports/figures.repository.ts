import type { Db } from '../db/schema.ts';

/** One unit's values for one quarter, by indicator id. */
export async function quarterValues(db: Db, unitId: number, year: number, quarter: number) {
  const rows = await db
    .selectFrom('indicator_values')
    .select(['indicator_id', 'value'])
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .where('quarter', '=', quarter)
    .execute();
  return new Map(rows.map((r) => [r.indicator_id, Number(r.value)]));
}

/**
 * For a unit, each indicator's largest quarter value in its sent reports (any year), and its
 * targets for one year: what a new value is compared with to warn of a slip of the keyboard.
 */
export async function plausibilityReferences(db: Db, unitId: number, year: number) {
  const sent = await db
    .selectFrom('indicator_values as v')
    .innerJoin('unit_reports as r', 'r.id', 'v.report_id')
    .select(['v.indicator_id', (eb) => eb.fn.max('v.value').as('largest')])
    .where('v.unit_id', '=', unitId)
    .where('r.state', 'in', SENT_STATES)
    .groupBy('v.indicator_id')
    .execute();
  const targets = await listTargets(db, year, { unitIds: [unitId] });
  return {
    largestSent: new Map(sent.map((r) => [r.indicator_id, Number(r.largest)])),
    targets: new Map(targets.map((t) => [t.indicator_id, Number(t.value)])),
  };
}

/** Replaces one unit's values for one quarter (null deletes). */
export async function writeQuarterValues(
  db: Db,
  key: { unitId: number; year: number; quarter: number; reportId: number },
  values: Map<number, number | null>,
  at: string,
) {
  const ids = [...values.keys()];
  if (ids.length === 0) return;
  await db
    .deleteFrom('indicator_values')
    .where('year', '=', key.year)
    .where('unit_id', '=', key.unitId)
    .where('quarter', '=', key.quarter)
    .where('indicator_id', 'in', ids)
    .execute();
  const rows = [...values]
    .filter((e): e is [number, number] => e[1] !== null)
    .map(([indicatorId, value]) => ({
      unit_id: key.unitId,
      indicator_id: indicatorId,
      year: key.year,
      quarter: key.quarter,
      value,
      report_id: key.reportId,
      updated_at: at,
    }));
  if (rows.length > 0) await db.insertInto('indicator_values').values(rows).execute();
  await refreshYearFigures(db, key.year, key.unitId);
}

/** One indicator's year for one unit: [indicatorId, q1, q2, q3, q4, target], null where none. */
export type FigureTuple = [
  indicatorId: number,
  q1: number | null,
  q2: number | null,
  q3: number | null,
  q4: number | null,
  target: number | null,
];

/** The stored form of a unit's year: its tuples sorted by indicator id, as JSON. */
export function packFigures(tuples: Iterable<FigureTuple>): string {
  return JSON.stringify([...tuples].sort((a, b) => a[0] - b[0]));
}

/** The report states whose values are official: sent by the unit, not (yet) returned. */
export const SENT_STATES = ['submitted', 'accepted'] as const;

/**
 * Recomputes one unit's year in indicator_unit_years from its targets and the values of its
 * sent reports, in the caller's transaction, so the derived row never disagrees with its
 * sources. Called on every change of values, targets or a report's state.
 */
export async function refreshYearFigures(db: Db, year: number, unitId: number) {
  const values = await db
    .selectFrom('indicator_values as v')
    .innerJoin('unit_reports as r', 'r.id', 'v.report_id')
    .select(['v.indicator_id', 'v.quarter', 'v.value'])
    .where('v.year', '=', year)
    .where('v.unit_id', '=', unitId)
    .where('r.state', 'in', SENT_STATES)
    .execute();
  const targets = await db
    .selectFrom('indicator_targets')
    .select(['indicator_id', 'value'])
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .execute();
  const sent = await db
    .selectFrom('unit_reports as r')
    .innerJoin('report_periods as p', 'p.id', 'r.period_id')
    .select((eb) => eb.fn.max('p.end_date').as('as_of'))
    .where('p.year', '=', year)
    .where('p.kind', '=', 'quarter')
    .where('r.unit_id', '=', unitId)
    .where('r.state', 'in', SENT_STATES)
    .executeTakeFirst();
  const asOf = sent?.as_of ? String(sent.as_of) : null;
  const tuples = new Map<number, FigureTuple>();
  const tupleOf = (id: number) => {
    let t = tuples.get(id);
    if (!t) tuples.set(id, (t = [id, null, null, null, null, null]));
    return t;
  };
  for (const v of values) tupleOf(v.indicator_id)[v.quarter as 1 | 2 | 3 | 4] = Number(v.value);
  for (const t of targets) tupleOf(t.indicator_id)[5] = Number(t.value);
  await db
    .deleteFrom('indicator_unit_years')
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .execute();
  if (tuples.size > 0 || asOf !== null)
    await db
      .insertInto('indicator_unit_years')
      .values({ year, unit_id: unitId, as_of: asOf, figures: packFigures(tuples.values()) })
      .execute();
}

/** Refreshes the year figures a report feeds, after its state changed (sent, returned…). */
export async function refreshForReport(db: Db, reportId: number) {
  const row = await db
    .selectFrom('unit_reports as r')
    .innerJoin('report_periods as p', 'p.id', 'r.period_id')
    .select(['r.unit_id', 'p.year', 'p.kind'])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (row && row.kind === 'quarter') await refreshYearFigures(db, row.year, row.unit_id);
}

/** One unit's official year: its as-of date and its indicators' tuples. */
export interface UnitYear {
  unitId: number;
  /** End of the last quarter the unit has sent, null when it has sent none. */
  asOf: string | null;
  figures: FigureTuple[];
}

/**
 * A year's official figures, one entry per unit in unit id order, each with its indicators'
 * tuples.
 *
 * They are stored packed one text per unit: for a province (1,000 units × 50 indicators) the
 * drivers spend more building 50,000 row objects than the engines spend on the query, while
 * 1,000 texts read and parsed by JSON.parse cost a fraction of that on both engines
 * (`npm run bench -- reports` measures the whole table).
 */
export async function yearFigures(
  db: Db,
  year: number,
  filter: { unitIds?: number[]; indicatorId?: number } = {},
): Promise<UnitYear[]> {
  let query = db
    .selectFrom('indicator_unit_years')
    .select(['unit_id', 'as_of', 'figures'])
    .where('year', '=', year)
    .orderBy('unit_id');
  if (filter.unitIds) query = query.where('unit_id', 'in', filter.unitIds);
  const only = filter.indicatorId;
  return (await query.execute()).map((r) => {
    const figures = JSON.parse(r.figures) as FigureTuple[];
    return {
      unitId: r.unit_id,
      asOf: r.as_of,
      figures: only === undefined ? figures : figures.filter((f) => f[0] === only),
    };
  });
}

/**
 * The values of reports not yet sent (drafts, awaiting approval, returned), for a few units:
 * what their own writers see as a draft beside the official figures.
 */
export async function unsentValues(db: Db, year: number, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('indicator_values as v')
    .innerJoin('unit_reports as r', 'r.id', 'v.report_id')
    .select(['v.unit_id', 'v.indicator_id', 'v.quarter', 'v.value'])
    .where('v.year', '=', year)
    .where('v.unit_id', 'in', unitIds)
    .where('r.state', 'not in', SENT_STATES)
    .execute();
}

export function listTargets(
  db: Db,
  year: number,
  filter: { unitIds?: number[]; indicatorId?: number } = {},
) {
  let q = db
    .selectFrom('indicator_targets')
    .select(['unit_id', 'indicator_id', 'value'])
    .where('year', '=', year);
  if (filter.unitIds) q = q.where('unit_id', 'in', filter.unitIds);
  if (filter.indicatorId !== undefined) q = q.where('indicator_id', '=', filter.indicatorId);
  return q.execute();
}

/** Sets (null removes) one year's targets, then refreshes each unit's year once. */
export async function writeTargets(
  db: Db,
  year: number,
  items: readonly { unitId: number; indicatorId: number; value: number | null }[],
  at: string,
) {
  for (const t of items) {
    await db
      .deleteFrom('indicator_targets')
      .where('year', '=', year)
      .where('unit_id', '=', t.unitId)
      .where('indicator_id', '=', t.indicatorId)
      .execute();
    if (t.value !== null) {
      await db
        .insertInto('indicator_targets')
        .values({
          unit_id: t.unitId,
          indicator_id: t.indicatorId,
          year,
          value: t.value,
          updated_at: at,
        })
        .execute();
    }
  }
  for (const unitId of new Set(items.map((t) => t.unitId))) {
    await refreshYearFigures(db, year, unitId);
  }
}
