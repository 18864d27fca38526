import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

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
  await refreshYearFigures(db, key.year, key.unitId, ids);
}

export interface YearFigureRow {
  unit_id: number;
  indicator_id: number;
  q1: number | null;
  q2: number | null;
  q3: number | null;
  q4: number | null;
  target: number | null;
}

/**
 * Recomputes the derived year rows of one unit's indicators from the values and targets, in the
 * caller's transaction, so the pivot never disagrees with its sources.
 */
export async function refreshYearFigures(
  db: Db,
  year: number,
  unitId: number,
  indicatorIds: number[],
) {
  if (indicatorIds.length === 0) return;
  const values = await db
    .selectFrom('indicator_values')
    .select(['indicator_id', 'quarter', 'value'])
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .where('indicator_id', 'in', indicatorIds)
    .execute();
  const targets = await db
    .selectFrom('indicator_targets')
    .select(['indicator_id', 'value'])
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .where('indicator_id', 'in', indicatorIds)
    .execute();
  const rows = new Map<number, YearFigureRow & { year: number }>();
  const rowOf = (id: number) => {
    let r = rows.get(id);
    if (!r) {
      r = {
        year,
        unit_id: unitId,
        indicator_id: id,
        q1: null,
        q2: null,
        q3: null,
        q4: null,
        target: null,
      };
      rows.set(id, r);
    }
    return r;
  };
  for (const v of values) rowOf(v.indicator_id)[`q${v.quarter}` as 'q1'] = Number(v.value);
  for (const t of targets) rowOf(t.indicator_id).target = Number(t.value);
  await db
    .deleteFrom('indicator_year_figures')
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .where('indicator_id', 'in', indicatorIds)
    .execute();
  if (rows.size > 0)
    await db
      .insertInto('indicator_year_figures')
      .values([...rows.values()])
      .execute();
}

/**
 * A year's figures, one row per unit and indicator with Q1–Q4 and the target: the whole
 * progress table in one read of the derived table's (year, …) primary-key range.
 */
export async function yearFigures(
  db: Db,
  year: number,
  filter: { unitIds?: number[]; indicatorId?: number } = {},
): Promise<YearFigureRow[]> {
  let query = db
    .selectFrom('indicator_year_figures')
    .select(['unit_id', 'indicator_id', 'q1', 'q2', 'q3', 'q4', 'target'])
    .where('year', '=', year);
  if (filter.unitIds) query = query.where('unit_id', 'in', filter.unitIds);
  if (filter.indicatorId !== undefined)
    query = query.where('indicator_id', '=', filter.indicatorId);
  return query.execute();
}

/** The last quarter of `year` with any value, for the date the figures speak for. */
export async function lastQuarterWithData(
  db: Db,
  year: number,
  unitIds?: number[],
): Promise<number | null> {
  let q = db
    .selectFrom('indicator_values')
    .select((eb) => eb.fn.max('quarter').as('q'))
    .where('year', '=', year);
  if (unitIds) q = q.where('unit_id', 'in', unitIds);
  const row = await q.executeTakeFirst();
  return row?.q === null || row?.q === undefined ? null : Number(row.q);
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

export async function writeTarget(
  db: Db,
  t: { unitId: number; indicatorId: number; year: number; value: number | null },
  at: string,
) {
  await db
    .deleteFrom('indicator_targets')
    .where('year', '=', t.year)
    .where('unit_id', '=', t.unitId)
    .where('indicator_id', '=', t.indicatorId)
    .execute();
  if (t.value !== null) {
    await db
      .insertInto('indicator_targets')
      .values({
        unit_id: t.unitId,
        indicator_id: t.indicatorId,
        year: t.year,
        value: t.value,
        updated_at: at,
      })
      .execute();
  }
  await refreshYearFigures(db, t.year, t.unitId, [t.indicatorId]);
}
