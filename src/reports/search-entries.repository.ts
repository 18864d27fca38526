import type { Db } from '../db/schema.ts';

/** Reports with their period's name and convening unit and their unit's name. */
export function reportsWithNames(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit_reports as r')
    .innerJoin('report_periods as p', 'p.id', 'r.period_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.unit_id',
      'r.state',
      'r.sections_json',
      'r.updated_at',
      'p.name as period_name',
      'p.unit_id as convener_id',
      'u.name as unit_name',
    ])
    .where('r.id', 'in', [...ids])
    .execute();
}

/** The report each proposal was raised in. */
export function proposalReports(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_proposals')
    .select(['id', 'report_id'])
    .where('id', 'in', [...ids])
    .execute();
}
