import type { Db } from '../db/schema.ts';
import { PENDING_TASK_STATES } from './tasks.states.ts';
import { notYetNotified } from '../notifications/notify.ts';

/**
 * The tasks a reminder is owed for: still owed by the lead unit, the deadline in [from, to], and
 * no reminder of `kind` for this deadline yet (an extension moves the deadline: a new one is owed).
 */
export function tasksOwingReminder(
  db: Db,
  kind: 'task_due_soon' | 'task_overdue',
  from: string | null,
  to: string,
  page: { afterId: number; limit: number },
) {
  let q = db
    .selectFrom('tasks')
    .innerJoin('units', 'units.id', 'tasks.lead_unit_id')
    .select([
      'tasks.id',
      'tasks.title',
      'tasks.deadline',
      'tasks.lead_unit_id',
      'units.name as lead_unit_name',
    ])
    .where('tasks.state', 'in', [...PENDING_TASK_STATES])
    .where('tasks.deadline', '<=', to)
    .where(notYetNotified(kind, 'task', 'tasks.id', 'tasks.deadline'))
    .where('tasks.id', '>', page.afterId)
    .orderBy('tasks.id')
    .limit(page.limit);
  if (from !== null) q = q.where('tasks.deadline', '>=', from);
  return q.execute();
}
