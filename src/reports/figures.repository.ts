import { sql, type Kysely, type Transaction } from 'kysely';
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
}

export interface YearFigureRow {
  unit_id: number;
  indicator_id: number;
  q1: number | null;
  q2: number | null;
  q3: number | null;
  q4: number | null;
}

/**
 * A year's values pivoted to one row per unit and indicator: the whole progress table in one
 * grouped scan of the primary key's (year, unit, …) prefix, the same SQL on both engines.
 */
export async function yearFigures(
  db: Db,
  year: number,
  filter: { unitIds?: number[]; indicatorId?: number } = {},
): Promise<YearFigureRow[]> {
  const q = (n: number) =>
    sql<
      number | null
    >`max(case when ${sql.ref('quarter')} = ${sql.lit(n)} then ${sql.ref('value')} end)`;
  let query = db
    .selectFrom('indicator_values')
    .select(['unit_id', 'indicator_id', q(1).as('q1'), q(2).as('q2'), q(3).as('q3'), q(4).as('q4')])
    .where('year', '=', year);
  if (filter.unitIds) query = query.where('unit_id', 'in', filter.unitIds);
  if (filter.indicatorId !== undefined)
    query = query.where('indicator_id', '=', filter.indicatorId);
  return query.groupBy(['unit_id', 'indicator_id']).execute();
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
}
