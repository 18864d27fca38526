import type { Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import { nowOf } from '../clock.ts';
import { inTransaction, type Database } from '../db/database.ts';
import type { DB, Db } from '../db/schema.ts';
import type { Job } from '../jobs/scheduler.ts';
import { accountsHolding, notifyMany, type NotifyInput } from '../notifications/notify.ts';
import type { Ctx } from '../units/roles.ts';
import { getUnit } from '../units/units.service.ts';
import { reportsOwingReminder } from './reminders.repository.ts';
import type { ReportAction } from './reports.states.ts';

const link = (reportId: number) => `/app/reports/${reportId}`;
const BATCH = 500;

/** The day in Vietnam (UTC+7) of an instant, plus `days`. */
function vnDay(iso: string, days = 0): string {
  return new Date(Date.parse(iso) + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * After a report moved: sent back by the unit's head (to its reporters) or returned by the
 * secretariat (to the unit's reporters and head), with the reason; once per return (its time).
 */
export async function notifyReportMoved(
  db: Db,
  ctx: Ctx,
  report: { id: number; unitId: number; periodName: string },
  action: ReportAction,
  comment: string | null,
): Promise<void> {
  if (action !== 'return' && action !== 'send_back') return;
  const roles =
    action === 'return' ? (['reporter', 'unit_head'] as const) : (['reporter'] as const);
  const people = await accountsHolding(db, [report.unitId], [...roles]);
  const unit = await getUnit(db, report.unitId);
  await notifyMany(db, ctx, [
    {
      kind: 'report_returned',
      subject: { type: 'report', id: report.id },
      occasion: nowOf(ctx),
      recipients: people.get(report.unitId) ?? [],
      params: {
        periodName: report.periodName,
        unitName: unit.name,
        by: ctx.actor.fullName,
        comment,
      },
      link: link(report.id),
    },
  ]);
}

export interface ReportReminderRun {
  soon: number;
  passed: number;
  notified: number;
}

/**
 * Reminds the units that have not sent their report of an open period: `daysBefore` days before
 * its deadline (report_deadline_soon), and once the deadline has passed (report_deadline_passed);
 * each once per report and deadline, to the unit's reporters and head.
 */
export async function runReportReminders(
  db: Database | Transaction<DB>,
  clock: Clock,
  daysBefore: number,
): Promise<ReportReminderRun> {
  const now = clock();
  const today = vnDay(now);
  const ctx = { actor: null, now: () => now };
  const run: ReportReminderRun = { soon: 0, passed: 0, notified: 0 };
  const passes = [
    { kind: 'report_deadline_soon', from: today, to: vnDay(now, daysBefore), count: 'soon' },
    { kind: 'report_deadline_passed', from: null, to: vnDay(now, -1), count: 'passed' },
  ] as const;
  for (const pass of passes) {
    let afterId = 0;
    for (;;) {
      const done = await inTransaction(db, async (trx) => {
        const reports = await reportsOwingReminder(trx, pass.kind, pass.from, pass.to, {
          afterId,
          limit: BATCH,
        });
        if (reports.length === 0) return 0;
        afterId = reports.at(-1)!.id;
        const people = await accountsHolding(
          trx,
          reports.map((r) => r.unit_id),
          ['reporter', 'unit_head'],
        );
        const inputs: NotifyInput[] = reports.map((r) => ({
          kind: pass.kind,
          subject: { type: 'report', id: r.id },
          occasion: r.deadline,
          recipients: people.get(r.unit_id) ?? [],
          params: { periodName: r.period_name, unitName: r.unit_name, deadline: r.deadline },
          link: link(r.id),
        }));
        run.notified += await notifyMany(trx, ctx, inputs);
        run[pass.count] += reports.length;
        return reports.length;
      });
      if (done < BATCH) break;
    }
  }
  return run;
}

export const REPORT_REMINDER_JOB = 'reports.reminders';

/** The report reminder job: exclusive, under the scheduler's lease. */
export function reportReminderJob(db: Database, everyMs: number, daysBefore: number): Job {
  return {
    name: REPORT_REMINDER_JOB,
    everyMs,
    exclusive: true,
    run: async (now) => {
      await runReportReminders(db, now, daysBefore);
    },
  };
}
