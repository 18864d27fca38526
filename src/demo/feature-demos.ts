import { loadMeetingsDemo } from '../meetings/meetings.demo.ts';
import { loadPortalDemo } from '../portal/portal.demo.ts';
import { loadReportsDemo } from '../reports/reports.demo.ts';
import { loadLoopDemo } from '../tasks/loop.demo.ts';
import { loadTasksDemo } from '../tasks/tasks.demo.ts';
import { fixedClock } from '../clock.ts';
import { saveMailSettings } from '../notifications/notifications.service.ts';
import { runReportReminders } from '../reports/reports.notifications.ts';
import { runTaskReminders } from '../tasks/tasks.reminders.ts';
import { demoTime, type DemoContext } from './demo-context.ts';

export type { DemoContext };

/** Loads the demo data of the features beyond units and accounts, in dependency order. */
export async function loadFeatureDemos(ctx: DemoContext): Promise<void> {
  await chooseEmail(ctx);
  await loadReportsDemo(ctx);
  await loadMeetingsDemo(ctx);
  await loadTasksDemo(ctx);
  await loadLoopDemo(ctx);
  await loadPortalDemo(ctx);
  await runReminders(ctx);
}

/**
 * Three people of the Women's Union and the office chose to receive e-mail (example addresses:
 * with SMTP_HOST unset, their e-mail stays in the outbox as skipped, for the admin's page).
 */
async function chooseEmail(ctx: DemoContext): Promise<void> {
  const at = demoTime('2017-09-05', '10:00');
  for (const [username, language] of [
    ['phunu.tonghop', 'vi'],
    ['phunu.lanhdao', 'vi'],
    ['vanphong', 'vi'],
  ] as const)
    await saveMailSettings(
      ctx.trx,
      ctx.as(username, at),
      { email: `${username}@tuson.example`, emailOptIn: true, language },
      { smtp: null },
    );
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
