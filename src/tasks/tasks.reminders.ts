import type { Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import { inTransaction, type Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Job } from '../jobs/scheduler.ts';
import { accountsHolding, notifyMany, type NotifyInput } from '../notifications/notify.ts';
import { addDays, DUE_SOON_DAYS, vnToday } from './deadlines.ts';
import { tasksOwingReminder } from './reminders.repository.ts';

/** Who a task's reminders go to: the people of its lead unit. */
const REMINDED = ['unit_head', 'reporter'] as const;
const BATCH = 500;

export interface ReminderRun {
  dueSoon: number;
  overdue: number;
  /** In-app entries written (each may come with an e-mail in the outbox). */
  notified: number;
}

/**
 * Reminds the lead units of tasks falling due (deadline today to DUE_SOON_DAYS ahead) and of
 * overdue ones, once per task and deadline: the deadline is the notification's occasion, so a
 * run again, on another instance, or after a restart writes nothing new, and an extension brings
 * a new reminder. Each batch in a transaction of its own.
 */
export async function runTaskReminders(
  db: Database | Transaction<DB>,
  clock: Clock,
): Promise<ReminderRun> {
  const now = clock();
  const today = vnToday(now);
  const ctx = { actor: null, now: () => now };
  const run: ReminderRun = { dueSoon: 0, overdue: 0, notified: 0 };
  const passes = [
    { kind: 'task_due_soon', from: today, to: addDays(today, DUE_SOON_DAYS), count: 'dueSoon' },
    { kind: 'task_overdue', from: null, to: addDays(today, -1), count: 'overdue' },
  ] as const;
  for (const pass of passes) {
    let afterId = 0;
    for (;;) {
      const done = await inTransaction(db, async (trx) => {
        const tasks = await tasksOwingReminder(trx, pass.kind, pass.from, pass.to, {
          afterId,
          limit: BATCH,
        });
        if (tasks.length === 0) return 0;
        afterId = tasks.at(-1)!.id;
        const people = await accountsHolding(
          trx,
          tasks.map((t) => t.lead_unit_id),
          [...REMINDED],
        );
        const inputs: NotifyInput[] = tasks.map((t) => ({
          kind: pass.kind,
          subject: { type: 'task', id: t.id },
          occasion: t.deadline,
          recipients: people.get(t.lead_unit_id) ?? [],
          params: { title: t.title, deadline: t.deadline, unitName: t.lead_unit_name },
          link: `/app/tasks/${t.id}`,
        }));
        run.notified += await notifyMany(trx, ctx, inputs);
        run[pass.count] += tasks.length;
        return tasks.length;
      });
      if (done < BATCH) break;
    }
  }
  return run;
}

export const TASK_REMINDER_JOB = 'tasks.reminders';

/** The reminder job: exclusive (one instance at a time, under the scheduler's lease). */
export function taskReminderJob(db: Database, everyMs: number): Job {
  return {
    name: TASK_REMINDER_JOB,
    everyMs,
    exclusive: true,
    run: async (now) => {
      await runTaskReminders(db, now);
    },
  };
}
