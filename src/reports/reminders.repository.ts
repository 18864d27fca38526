import type { Db } from '../db/schema.ts';
import { notYetNotified } from '../notifications/notify.ts';

/** The report states in which a unit still owes its report to the committee. */
export const OWED_REPORT_STATES = ['draft', 'awaiting_approval', 'returned'] as const;

/**
 * Reports of open periods still owed whose period's deadline is in [from, to], with no reminder
 * of `kind` for that deadline yet (a moved deadline owes a new one).
 */
export function reportsOwingReminder(
  db: Db,
  kind: 'report_deadline_soon' | 'report_deadline_passed',
  from: string | null,
  to: string,
  page: { afterId: number; limit: number },
) {
  let q = db
    .selectFrom('unit_reports')
    .innerJoin('report_periods', 'report_periods.id', 'unit_reports.period_id')
    .innerJoin('units', 'units.id', 'unit_reports.unit_id')
    .select([
      'unit_reports.id',
      'unit_reports.unit_id',
      'units.name as unit_name',
      'report_periods.name as period_name',
      'report_periods.deadline',
    ])
    .where('report_periods.status', '=', 'open')
    .where('unit_reports.state', 'in', [...OWED_REPORT_STATES])
    .where('report_periods.deadline', '<=', to)
    .where(notYetNotified(kind, 'report', 'unit_reports.id', 'report_periods.deadline'))
    .where('unit_reports.id', '>', page.afterId)
    .orderBy('unit_reports.id')
    .limit(page.limit);
  if (from !== null) q = q.where('report_periods.deadline', '>=', from);
  return q.execute();
}
