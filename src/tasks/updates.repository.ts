import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { TaskUpdateAttachmentTable, TaskUpdateTable } from './tasks.tables.ts';

/** Kysely queries of progress updates, their attachments and the task settings only. */

export function insertUpdate(db: Db, row: Insertable<TaskUpdateTable>) {
  return db.insertInto('task_updates').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findUpdate(db: Db, id: number) {
  return db.selectFrom('task_updates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUpdates(db: Db, taskId: number) {
  return db
    .selectFrom('task_updates')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
}

/** Records a decision on a pending update; false when it was no longer pending. */
export async function decideUpdate(
  db: Db,
  id: number,
  values: Pick<
    Updateable<TaskUpdateTable>,
    'approval' | 'approved_by' | 'approved_by_name' | 'approved_at' | 'approval_comment'
  >,
): Promise<boolean> {
  const r = await db
    .updateTable('task_updates')
    .set(values)
    .where('id', '=', id)
    .where('approval', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The last update per task among those with one of `approvals`. */
export async function lastUpdates(
  db: Db,
  taskIds: readonly number[],
  approvals: readonly string[],
) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_updates as u')
    .selectAll('u')
    .where('u.task_id', 'in', [...taskIds])
    .where('u.approval', 'in', [...approvals])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('task_updates as later')
            .select('later.id')
            .whereRef('later.task_id', '=', 'u.task_id')
            .where('later.approval', 'in', [...approvals])
            .whereRef('later.id', '>', 'u.id'),
        ),
      ),
    )
    .execute();
}

export async function attachmentsOf(db: Db, updateIds: readonly number[]) {
  if (updateIds.length === 0) return [];
  return db
    .selectFrom('task_update_attachments')
    .select(['id', 'update_id', 'file_name', 'mime_type', 'size', 'created_at'])
    .where('update_id', 'in', [...updateIds])
    .orderBy('id')
    .execute();
}

export function insertAttachment(db: Db, row: Insertable<TaskUpdateAttachmentTable>) {
  return db
    .insertInto('task_update_attachments')
    .values(row)
    .returning(['id', 'update_id', 'file_name', 'mime_type', 'size', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findAttachment(db: Db, id: number) {
  return db
    .selectFrom('task_update_attachments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSettings(db: Db, unitId: number) {
  return db
    .selectFrom('task_settings')
    .selectAll()
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function insertSettings(db: Db, unitId: number, headApproval: number, at: string) {
  await db
    .insertInto('task_settings')
    .values({ unit_id: unitId, head_approval: headApproval, updated_at: at })
    .execute();
}

/** Saves the settings at `version`, bumping it; false when the version is stale. */
export async function updateSettings(
  db: Db,
  unitId: number,
  version: number,
  headApproval: number,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('task_settings')
    .set((eb) => ({ head_approval: headApproval, updated_at: at, version: eb('version', '+', 1) }))
    .where('unit_id', '=', unitId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Updates waiting for a head's approval, of these units, oldest first, with their task's title. */
export async function pendingUpdates(db: Db, unitIds: readonly number[], limit: number) {
  if (unitIds.length === 0) return { rows: [], total: 0 };
  const q = db
    .selectFrom('task_updates as u')
    .innerJoin('tasks as t', 't.id', 'u.task_id')
    .where('u.approval', '=', 'pending')
    .where('u.unit_id', 'in', [...unitIds]);
  const total = await q
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const rows = await q
    .select(['u.id', 'u.task_id', 'u.created_at', 'u.author_name', 't.title'])
    .orderBy('u.id')
    .limit(limit)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}
