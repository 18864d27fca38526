import type { Insertable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { TaskReportAnswerTable } from './tasks.tables.ts';

/*
 * Queries of the loop between tasks and reports (the report form's answers, the follow-up in a
 * meeting's summary); Kysely only, the rules are in report-answers.service.ts and
 * follow-up.service.ts.
 */

/** Tasks convened by `convenerId` in `states` that `unitId` leads or coordinates. */
export function tasksHeldBy(db: Db, convenerId: number, unitId: number, states: readonly string[]) {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('unit_id', '=', convenerId)
    .where('state', 'in', [...states])
    .where((eb) =>
      eb.or([
        eb('lead_unit_id', '=', unitId),
        eb('id', 'in', eb.selectFrom('task_units').select('task_id').where('unit_id', '=', unitId)),
      ]),
    )
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

export function tasksByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

/** Tasks convened by `convenerId` issued at or before `at`. */
export function tasksIssuedBy(db: Db, convenerId: number, at: string) {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('unit_id', '=', convenerId)
    .where('created_at', '<=', at)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

export function answersOfReport(db: Db, reportId: number) {
  return db
    .selectFrom('task_report_answers')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('task_id')
    .execute();
}

/** Replaces every answer of a report with `rows`. */
export async function replaceAnswers(
  db: Db,
  reportId: number,
  rows: Insertable<TaskReportAnswerTable>[],
): Promise<void> {
  await db.deleteFrom('task_report_answers').where('report_id', '=', reportId).execute();
  if (rows.length > 0) await db.insertInto('task_report_answers').values(rows).execute();
}

/** The updates given in these reports (at or before `at` when given), oldest first. */
export function updatesOfReports(db: Db, reportIds: readonly number[], at?: string) {
  if (reportIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('task_updates')
    .select(['id', 'task_id', 'report_id', 'note', 'percent', 'reports_done', 'created_at'])
    .where('report_id', 'in', [...reportIds]);
  if (at) q = q.where('created_at', '<=', at);
  return q.orderBy('id').execute();
}

/** The state and deadline changes of these tasks up to `at`, oldest first. */
export function historyUpTo(db: Db, taskIds: readonly number[], at: string) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_history')
    .select(['task_id', 'at', 'kind', 'to_state', 'new_deadline'])
    .where('task_id', 'in', [...taskIds])
    .where('at', '<=', at)
    .orderBy('task_id')
    .orderBy('id')
    .execute();
}

/**
 * The updates of these tasks the committee could see at `at` (written by then, and needing no
 * approval or approved by then), oldest first.
 */
export function visibleUpdatesUpTo(db: Db, taskIds: readonly number[], at: string) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_updates')
    .selectAll()
    .where('task_id', 'in', [...taskIds])
    .where('created_at', '<=', at)
    .where((eb) =>
      eb.or([
        eb('approval', '=', 'not_needed'),
        eb.and([eb('approval', '=', 'approved'), eb('approved_at', '<=', at)]),
      ]),
    )
    .orderBy('task_id')
    .orderBy('id')
    .execute();
}
