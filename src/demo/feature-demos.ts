import { loadMeetingsDemo } from '../meetings/meetings.demo.ts';
import { loadPortalDemo } from '../portal/portal.demo.ts';
import { loadReportsDemo } from '../reports/reports.demo.ts';
import { fixedClock } from '../clock.ts';
import { runReportReminders } from '../reports/reports.notifications.ts';
import { runTaskReminders } from '../tasks/tasks.reminders.ts';
import { demoTime, type DemoContext } from './demo-context.ts';

export type { DemoContext };

/** Loads the demo data of the features beyond units and accounts, in dependency order. */
export async function loadFeatureDemos(ctx: DemoContext): Promise<void> {
  await loadReportsDemo(ctx);
  await loadMeetingsDemo(ctx);
  await loadPortalDemo(ctx);
  await runReminders(ctx);
}

/**
 * The reminder jobs as they last ran on the demo's last day: reports still owed and tasks due
 * soon or overdue are in their people's notifications (the demo's invitations, returns and
 * issued tasks put theirs there through the services).
 */
async function runReminders(ctx: DemoContext): Promise<void> {
  const evening = fixedClock(demoTime('2017-12-22', '17:00'));
  await runReportReminders(ctx.trx, evening, 3);
  await runTaskReminders(ctx.trx, evening);
}
