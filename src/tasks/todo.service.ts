import { Type, type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { Nullable } from '../http/schema-helpers.ts';
import { holdsRoleOver } from '../units/units.policy.ts';
import type { Ctx, Role } from '../units/roles.ts';
import { loadUnitTree } from '../units/units.service.ts';
import type { TaskQuery } from './tasks.schema.ts';
import { listTasks } from './tasks.service.ts';
import { PENDING_TASK_STATES } from './tasks.states.ts';
import { pendingUpdates } from './updates.repository.ts';

/*
 * What tasks ask of the person, for the home page ("Nhiệm vụ của đơn vị"): a unit's reporter or
 * head, the tasks still owed by its units (soonest deadline first, overdue marked) and, for the
 * head, the updates waiting for approval; the secretariat, the tasks reported done waiting for
 * acceptance; the secretariat and chair, the overdue ones. Null for anyone else.
 */

const SHOWN = 5;

const TaskItem = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  deadline: Type.String(),
  leadUnitName: Type.String(),
  overdue: Type.Boolean(),
  dueSoon: Type.Boolean(),
});
const TaskItems = Type.Object({ total: Type.Integer(), items: Type.Array(TaskItem) });
const UpdateItem = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  title: Type.String(),
  authorName: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const TasksTodo = Nullable(
  Type.Object({
    owed: Nullable(TaskItems),
    toApprove: Nullable(Type.Object({ total: Type.Integer(), items: Type.Array(UpdateItem) })),
    toAccept: Nullable(TaskItems),
    overdue: Nullable(TaskItems),
  }),
);
export type TasksTodo = Static<typeof TasksTodo>;

async function items(db: Db, ctx: Ctx, q: Omit<TaskQuery, 'page' | 'pageSize'>) {
  const list = await listTasks(db, ctx, { ...q, page: 1, pageSize: SHOWN });
  return {
    total: list.total,
    items: list.items.map((t) => ({
      id: t.id,
      title: t.title,
      deadline: t.deadline,
      leadUnitName: t.leadUnit.unitName,
      overdue: t.overdue,
      dueSoon: t.dueSoon,
    })),
  };
}

export async function tasksTodo(db: Db, ctx: Ctx): Promise<TasksTodo> {
  const has = (...roles: Role[]) => ctx.actor.roles.some((r) => roles.includes(r.role));
  const unit = has('reporter', 'unit_head');
  const committee = has('secretariat', 'chair');
  if (!unit && !committee) return null;
  const tree = await loadUnitTree(db);
  const headOf = tree.ids().filter((u) => holdsRoleOver(ctx.actor, 'unit_head', u, tree));
  const pending = await pendingUpdates(db, headOf, SHOWN);
  return {
    owed: unit && !committee ? await items(db, ctx, { state: [...PENDING_TASK_STATES] }) : null,
    toApprove:
      headOf.length > 0
        ? {
            total: pending.total,
            items: pending.rows.map((r) => ({
              id: r.id,
              taskId: r.task_id,
              title: r.title,
              authorName: r.author_name,
              createdAt: r.created_at,
            })),
          }
        : null,
    toAccept: has('secretariat') ? await items(db, ctx, { state: ['reported_done'] }) : null,
    overdue: committee ? await items(db, ctx, { overdue: true }) : null,
  };
}
