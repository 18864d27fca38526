import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// The packed year figures become the official ones: only values of reports that have been sent
// (submitted or accepted) are packed, and `as_of` is the end of the last quarter whose report
// the unit has sent ('YYYY-MM-DD', null when none). Drafts stay in indicator_values, read only
// for the people who write them. Every packed row is rebuilt here from its sources.

type Tuple = [number, number | null, number | null, number | null, number | null, number | null];

const SENT = ['submitted', 'accepted'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator_unit_years').addColumn('as_of', 'varchar(10)').execute();

  const packs = new Map<string, { year: number; unitId: number; asOf: string | null }>();
  const tuples = new Map<string, Map<number, Tuple>>();
  const keyOf = (year: unknown, unitId: unknown) => {
    const key = `${Number(year)}:${Number(unitId)}`;
    if (!packs.has(key)) {
      packs.set(key, { year: Number(year), unitId: Number(unitId), asOf: null });
      tuples.set(key, new Map());
    }
    return key;
  };
  const tupleOf = (key: string, indicatorId: number) => {
    const map = tuples.get(key)!;
    let t = map.get(indicatorId);
    if (!t) map.set(indicatorId, (t = [indicatorId, null, null, null, null, null]));
    return t;
  };

  const values = await db
    .selectFrom('indicator_values as v')
    .innerJoin('unit_reports as r', 'r.id', 'v.report_id')
    .select(['v.year', 'v.unit_id', 'v.indicator_id', 'v.quarter', 'v.value'])
    .where('r.state', 'in', SENT)
    .execute();
  for (const v of values) {
    const key = keyOf(v.year, v.unit_id);
    tupleOf(key, Number(v.indicator_id))[Number(v.quarter) as 1 | 2 | 3 | 4] = Number(v.value);
  }
  const targets = await db
    .selectFrom('indicator_targets')
    .select(['year', 'unit_id', 'indicator_id', 'value'])
    .execute();
  for (const t of targets) {
    const key = keyOf(t.year, t.unit_id);
    tupleOf(key, Number(t.indicator_id))[5] = Number(t.value);
  }
  const sent = await db
    .selectFrom('unit_reports as r')
    .innerJoin('report_periods as p', 'p.id', 'r.period_id')
    .select(['p.year', 'r.unit_id', (eb) => eb.fn.max('p.end_date').as('as_of')])
    .where('p.kind', '=', 'quarter')
    .where('r.state', 'in', SENT)
    .groupBy(['p.year', 'r.unit_id'])
    .execute();
  for (const s of sent) packs.get(keyOf(s.year, s.unit_id))!.asOf = String(s.as_of);

  await db.deleteFrom('indicator_unit_years').execute();
  const rows = [...packs].map(([key, p]) => ({
    year: p.year,
    unit_id: p.unitId,
    as_of: p.asOf,
    figures: JSON.stringify([...tuples.get(key)!.values()].sort((a, b) => a[0] - b[0])),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('indicator_unit_years')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator_unit_years').dropColumn('as_of').execute();
}
