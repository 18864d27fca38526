import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { accountsHolding, notifyMany, type NotifyInput } from '../notifications/notify.ts';
import type { Ctx } from '../units/roles.ts';
import type { TaskSummary } from './tasks.schema.ts';
import type { TaskAction } from './tasks.states.ts';

/** The people of a unit a task's notifications go to. */
const PEOPLE = ['unit_head', 'reporter'] as const;
const link = (id: number) => `/app/tasks/${id}`;

/**
 * Tasks were issued: their lead units' and coordinating units' people, each told their role.
 * Returns what it was given, so the service's return line can pass through it.
 */
export async function notifyTaskAssigned<T extends TaskSummary | TaskSummary[]>(
  db: Db,
  ctx: Ctx,
  issued: T,
): Promise<T> {
  const tasks: TaskSummary[] = Array.isArray(issued) ? issued : [issued];
  const units = tasks.flatMap((t) => [t.leadUnit, ...t.coordinatingUnits].map((u) => u.unitId));
  const people = await accountsHolding(db, units, [...PEOPLE]);
  const inputs: NotifyInput[] = tasks.flatMap((t) =>
    [
      { unit: t.leadUnit, role: 'lead' },
      ...t.coordinatingUnits.map((unit) => ({ unit, role: 'coordinating' })),
    ].map(({ unit, role }) => ({
      kind: 'task_assigned' as const,
      subject: { type: 'task', id: t.id },
      occasion: '',
      recipients: people.get(unit.unitId) ?? [],
      params: { title: t.title, deadline: t.deadline, unitName: unit.unitName, role },
      link: link(t.id),
    })),
  );
  await notifyMany(db, ctx, inputs);
  return issued;
}

/**
 * After a transition: a return (the secretariat sends a done report back) tells the lead unit's
 * people, with the comment; the other actions notify no one. Returns the task.
 */
export async function notifyTaskMoved<T extends TaskSummary>(
  db: Db,
  ctx: Ctx,
  task: T,
  input: { action: TaskAction; comment?: string | null },
): Promise<T> {
  if (input.action !== 'return') return task;
  const comment = input.comment?.trim() || null;
  const at = nowOf(ctx);
  const people = await accountsHolding(db, [task.leadUnit.unitId], [...PEOPLE]);
  await notifyMany(db, ctx, [
    {
      kind: 'task_returned',
      subject: { type: 'task', id: task.id },
      occasion: at,
      recipients: people.get(task.leadUnit.unitId) ?? [],
      params: { title: task.title, by: ctx.actor.fullName, comment },
      link: link(task.id),
    },
  ]);
  return task;
}
