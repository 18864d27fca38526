import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { DB, Db } from '../db/schema.ts';
import { DEADLINE_END_UTC } from './deadlines.ts';
import type { TaskHistoryTable, TaskTable } from './tasks.tables.ts';

/** Kysely queries of the task feature only; rules live in the services. */

export function findTask(db: Db, id: number) {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTasksOfDirectives(db: Db, directiveIds: readonly number[]) {
  if (directiveIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .select(['id', 'source_directive_id'])
    .where('source_directive_id', 'in', [...directiveIds])
    .execute();
}

export interface TaskFilter {
  /** Tasks convened by these units … */
  committeeUnitIds: readonly number[];
  /** … or led or coordinated by these (what the caller reads). */
  ownUnitIds: readonly number[];
  /** Led or coordinated by this unit. */
  unitId?: number;
  states?: readonly string[];
  meetingId?: number;
  deadlineFrom?: string;
  deadlineTo?: string;
  /** Only the tasks still owed (pending states) with a deadline before this day. */
  overdueBefore?: { today: string; pending: readonly string[] };
  /** Convened by this unit. */
  convenerId?: number;
  /** With unitId: only where it leads, or only where it coordinates. */
  role?: 'lead' | 'coordinating';
  /** Only the tasks whose deadline was moved later at least once. */
  extended?: boolean;
  /** Accepted tasks, by the time the lead unit last reported them done (doneAtOf). */
  done?: DoneFilter;
}

/**
 * The time an accepted task was done: its last `report_done` (the report the secretariat then
 * accepted), an ISO UTC string; null for a task never reported done.
 */
export function doneAtOf(eb: ExpressionBuilder<DB, 'tasks'>) {
  return eb
    .selectFrom('task_history as h')
    .select((h) => h.fn.max('h.at').as('done_at'))
    .whereRef('h.task_id', '=', 'tasks.id')
    .where('h.action', '=', 'report_done');
}

/** The first instant after a deadline day in Asia/Ho_Chi_Minh: a deadline D ends at D 17:00 UTC. */
export const deadlineEnd = sql<string>`tasks.deadline || ${DEADLINE_END_UTC}`;

export interface DoneFilter {
  /** Done at or after this instant (ISO UTC). */
  fromAt?: string;
  /** Done before this instant (ISO UTC). */
  beforeAt?: string;
  /** Done after the deadline's day (true) or within it (false). */
  late?: boolean;
}

export async function listTasks(db: Db, f: TaskFilter, page: { limit: number; offset: number }) {
  if (f.committeeUnitIds.length === 0 && f.ownUnitIds.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('tasks').where((eb) => {
    const readable = [];
    if (f.committeeUnitIds.length > 0) readable.push(eb('unit_id', 'in', [...f.committeeUnitIds]));
    if (f.ownUnitIds.length > 0) {
      readable.push(eb('lead_unit_id', 'in', [...f.ownUnitIds]));
      readable.push(
        eb(
          'id',
          'in',
          eb
            .selectFrom('task_units')
            .select('task_id')
            .where('unit_id', 'in', [...f.ownUnitIds]),
        ),
      );
    }
    return eb.or(readable);
  });
  if (f.unitId !== undefined) {
    const unitId = f.unitId;
    q = q.where((eb) => {
      const leads = eb('lead_unit_id', '=', unitId);
      const coordinates = eb(
        'id',
        'in',
        eb.selectFrom('task_units').select('task_id').where('unit_id', '=', unitId),
      );
      if (f.role === 'lead') return leads;
      if (f.role === 'coordinating') return coordinates;
      return eb.or([leads, coordinates]);
    });
  }
  if (f.convenerId !== undefined) q = q.where('unit_id', '=', f.convenerId);
  if (f.extended !== undefined) q = q.where('extensions', f.extended ? '>' : '=', 0);
  if (f.done) {
    const d = f.done;
    q = q.where('state', '=', 'accepted');
    if (d.fromAt) q = q.where((eb) => eb(doneAtOf(eb), '>=', d.fromAt!));
    if (d.beforeAt) q = q.where((eb) => eb(doneAtOf(eb), '<', d.beforeAt!));
    if (d.late !== undefined)
      q = q.where((eb) => eb(doneAtOf(eb), d.late ? '>=' : '<', deadlineEnd));
  }
  if (f.states && f.states.length > 0) q = q.where('state', 'in', [...f.states]);
  if (f.meetingId !== undefined) q = q.where('source_meeting_id', '=', f.meetingId);
  if (f.deadlineFrom) q = q.where('deadline', '>=', f.deadlineFrom);
  if (f.deadlineTo) q = q.where('deadline', '<=', f.deadlineTo);
  if (f.overdueBefore) {
    q = q
      .where('deadline', '<', f.overdueBefore.today)
      .where('state', 'in', [...f.overdueBefore.pending]);
  }
  const total = await q
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const rows = await q
    .selectAll()
    .orderBy('deadline')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

export async function coordinatingUnits(
  db: Db,
  taskIds: readonly number[],
): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>(taskIds.map((id) => [id, []]));
  if (taskIds.length === 0) return map;
  const rows = await db
    .selectFrom('task_units')
    .selectAll()
    .where('task_id', 'in', [...taskIds])
    .orderBy('task_id')
    .orderBy('unit_id')
    .execute();
  for (const r of rows) map.get(r.task_id)?.push(r.unit_id);
  return map;
}

export function insertTask(db: Db, row: Insertable<TaskTable>) {
  return db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Updates the task at `version`, bumping it; false when the version is stale. */
export async function updateTask(
  db: Db,
  id: number,
  version: number,
  values: Updateable<TaskTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('tasks')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceCoordinatingUnits(db: Db, taskId: number, unitIds: readonly number[]) {
  await db.deleteFrom('task_units').where('task_id', '=', taskId).execute();
  if (unitIds.length > 0)
    await db
      .insertInto('task_units')
      .values(unitIds.map((unit_id) => ({ task_id: taskId, unit_id })))
      .execute();
}

export async function appendHistory(db: Db, row: Insertable<TaskHistoryTable>) {
  await db.insertInto('task_history').values(row).execute();
}

export function listHistory(db: Db, taskId: number) {
  return db
    .selectFrom('task_history')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
}
