import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { PeriodRow, ReportPeriodTable } from './reports.tables.ts';

export function listPeriods(db: Db, filter: { unitId?: number; year?: number; status?: string }) {
  let q = db.selectFrom('report_periods').selectAll();
  if (filter.unitId !== undefined) q = q.where('unit_id', '=', filter.unitId);
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  return q.orderBy('start_date', 'desc').orderBy('end_date').orderBy('id').execute();
}

export function findPeriod(db: Db, id: number): Promise<PeriodRow | undefined> {
  return db.selectFrom('report_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPeriodByKey(
  db: Db,
  unitId: number,
  kind: string,
  year: number,
  number: number,
) {
  return db
    .selectFrom('report_periods')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .where('number', '=', number)
    .executeTakeFirst();
}

export function insertPeriod(db: Db, row: Insertable<ReportPeriodTable>): Promise<PeriodRow> {
  return db.insertInto('report_periods').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updatePeriod(
  db: Db,
  id: number,
  version: number,
  patch: Updateable<ReportPeriodTable>,
) {
  return db
    .updateTable('report_periods')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The units reporting in each period (one report per unit per period). */
export async function reportingUnits(db: Db, periodIds: number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>(periodIds.map((id) => [id, []]));
  if (periodIds.length === 0) return result;
  const rows = await db
    .selectFrom('unit_reports')
    .select(['period_id', 'unit_id'])
    .where('period_id', 'in', periodIds)
    .orderBy('unit_id')
    .execute();
  for (const r of rows) result.get(r.period_id)?.push(r.unit_id);
  return result;
}

export function insertReminders(
  db: Db,
  rows: {
    period_id: number;
    unit_id: number;
    message: string;
    sent_by: number;
    sent_by_name: string;
    at: string;
  }[],
) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('report_reminders').values(rows).returningAll().execute();
}

export function listReminders(db: Db, periodId: number, unitId?: number) {
  let q = db.selectFrom('report_reminders').selectAll().where('period_id', '=', periodId);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').execute();
}
