import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Invalid, NotFound, StaleVersion, type FieldProblem } from '../http/errors.ts';
import { checkFile } from '../reports/attachments.service.ts';
import { holdsRoleOver } from '../units/units.policy.ts';
import type { Ctx } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import { canManageTasks } from './tasks.policy.ts';
import * as tasksRepo from './tasks.repository.ts';
import { loadTask, transitionTask, type LoadedTask } from './tasks.service.ts';
import { isOpenTask, type TaskAction, type TaskState } from './tasks.states.ts';
import type { TaskUpdateRow } from './tasks.tables.ts';
import * as repo from './updates.repository.ts';
import {
  VISIBLE_APPROVALS,
  type Approval,
  type TaskSettings,
  type TaskSettingsBody,
  type TaskUpdate,
  type TaskUpdateAttachment,
  type TaskUpdateList,
  type UpdateApprovalBody,
  type UpdateRole,
} from './updates.schema.ts';

/*
 * Progress updates (cập nhật tiến độ): a note, a percent and attachments from the lead unit's
 * reporters or head (chủ trì) or a coordinating unit's (phối hợp, marked as such), appended and
 * never rewritten. When the convening unit requires it (task_settings.head_approval), an update
 * waits for its unit head, who approves it or sends it back with a comment; only approved (or
 * not needing approval) updates reach the secretariat. A visible update from the lead unit moves
 * the task through the transition table: the first one starts it (or resumes a returned one),
 * one that reports the task done moves it to reported_done, where the secretariat accepts or
 * returns it with the task's own transitions.
 */

const UNIT_ROLES = ['reporter', 'unit_head'] as const;

const memberOf = (ctx: Ctx, unitId: number, tree: UnitTree) =>
  UNIT_ROLES.some((r) => holdsRoleOver(ctx.actor, r, unitId, tree));

/** The task's units the caller belongs to: the lead unit first, then coordinating ones. */
function speakingUnits(ctx: Ctx, t: LoadedTask): { unitId: number; role: UpdateRole }[] {
  const units: { unitId: number; role: UpdateRole }[] = [
    { unitId: t.row.lead_unit_id, role: 'lead' },
    ...t.coordinating.map((unitId) => ({ unitId, role: 'coordinating' as const })),
  ];
  return units.filter((u) => memberOf(ctx, u.unitId, t.tree));
}

/** The unit (and role) the caller speaks for: the lead unit first, else a coordinating one. */
function speakingUnit(
  ctx: Ctx,
  t: LoadedTask,
  wanted: number | undefined,
): { unitId: number; role: UpdateRole } | null {
  const held = speakingUnits(ctx, t);
  if (wanted !== undefined) return held.find((u) => u.unitId === wanted) ?? null;
  return held[0] ?? null;
}

/** Whether the convening unit asks its units' heads to approve updates. */
async function headApprovalOf(db: Db, convenerId: number): Promise<boolean> {
  return (await repo.findSettings(db, convenerId))?.head_approval === 1;
}

const isVisible = (approval: string) => (VISIBLE_APPROVALS as readonly string[]).includes(approval);

async function presentAll(
  db: Db,
  ctx: Ctx | null,
  rows: readonly TaskUpdateRow[],
  tree: UnitTree | null,
  openTask: (taskId: number) => boolean,
): Promise<TaskUpdate[]> {
  const names = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  const files = new Map<number, TaskUpdateAttachment[]>();
  for (const a of await repo.attachmentsOf(
    db,
    rows.map((r) => r.id),
  )) {
    const list = files.get(a.update_id) ?? [];
    list.push({
      id: a.id,
      fileName: a.file_name,
      mimeType: a.mime_type,
      size: a.size,
      createdAt: a.created_at,
    });
    files.set(a.update_id, list);
  }
  return rows.map((r) => {
    const actions: TaskUpdate['actions'] = [];
    if (ctx && tree) {
      if (r.approval === 'pending' && holdsRoleOver(ctx.actor, 'unit_head', r.unit_id, tree))
        actions.push('approve', 'send_back');
      if (r.approval !== 'sent_back' && r.author_id === ctx.actor.id && openTask(r.task_id))
        actions.push('attach');
    }
    return {
      id: r.id,
      taskId: r.task_id,
      unitId: r.unit_id,
      unitName: names.get(r.unit_id) ?? '',
      role: r.role as UpdateRole,
      note: r.note,
      percent: r.percent,
      reportsDone: r.reports_done === 1,
      reportId: r.report_id,
      approval: r.approval as Approval,
      approvedByName: r.approved_by_name,
      approvedAt: r.approved_at,
      approvalComment: r.approval_comment,
      authorName: r.author_name,
      createdAt: r.created_at,
      attachments: files.get(r.id) ?? [],
      actions,
    };
  });
}

/**
 * What a visible update from the lead unit does to its task: the first one starts the work
 * (or resumes a returned task), one reporting it done moves it to reported_done, each through
 * the task's transition table.
 */
async function applyToTask(db: Db, ctx: Ctx, taskId: number, reportsDone: boolean) {
  const steps: Partial<Record<TaskState, TaskAction[]>> = reportsDone
    ? {
        not_started: ['start', 'report_done'],
        in_progress: ['report_done'],
        returned: ['resume', 'report_done'],
      }
    : { not_started: ['start'], returned: ['resume'] };
  const row = await tasksRepo.findTask(db, taskId);
  if (!row) throw NotFound('task');
  let version = row.version;
  for (const action of steps[row.state as TaskState] ?? []) {
    version = (await transitionTask(db, ctx, taskId, { version, action })).version;
  }
}

export interface AddTaskUpdateInput {
  note: string;
  percent: number | null;
  reportsDone: boolean;
}

export interface AddTaskUpdateOptions {
  /** The report the update was given in. */
  reportId?: number;
  /** The update was approved as part of a report the unit head approved. */
  approvedBy?: { id: number; name: string };
  /** The unit the update speaks for, when the caller holds more than one of the task's units. */
  unitId?: number;
}

/**
 * Appends a progress update from the caller's unit (lead or coordinating). Refused: a task the
 * caller's units do not hold (403), a closed task (409), a percent outside 0–100, an empty
 * update, "done" from a coordinating unit or for a task already reported done (400/409).
 */
export async function addTaskUpdate(
  db: Db,
  ctx: Ctx,
  taskId: number,
  input: AddTaskUpdateInput,
  opts: AddTaskUpdateOptions = {},
): Promise<TaskUpdate> {
  const notAssigned = () => new AppError(403, 'task_update_not_assigned');
  const t = await loadTask(db, ctx, taskId).catch((error: unknown) => {
    throw error instanceof AppError && error.status === 403 ? notAssigned() : error;
  });
  const speaker = speakingUnit(ctx, t, opts.unitId);
  if (!speaker) {
    if (opts.unitId !== undefined && speakingUnit(ctx, t, undefined))
      throw Invalid({ unitId: { rule: 'notTaskUnit' } });
    throw notAssigned();
  }
  const state = t.row.state as TaskState;
  if (!isOpenTask(state))
    throw new AppError(
      409,
      'task_closed',
      { state },
      { note: { rule: 'taskWrongState', params: { state } } },
    );
  const fields: Record<string, FieldProblem> = {};
  const note = input.note.trim();
  const percent = input.percent;
  if (percent !== null && (!Number.isInteger(percent) || percent < 0 || percent > 100))
    fields.percent = { rule: 'percentRange' };
  if (!note && percent === null && !input.reportsDone) fields.note = { rule: 'updateEmpty' };
  if (input.reportsDone && speaker.role !== 'lead')
    fields.reportsDone = { rule: 'reportsDoneLeadOnly' };
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  if (input.reportsDone && state === 'reported_done')
    throw new AppError(
      409,
      'task_transition',
      { action: 'report_done', state },
      { reportsDone: { rule: 'taskWrongState', params: { state } } },
    );
  const at = nowOf(ctx);
  let approval: Approval = 'not_needed';
  let approver: { id: number; name: string } | null = null;
  if (opts.approvedBy) {
    approval = 'approved';
    approver = opts.approvedBy;
  } else if (await headApprovalOf(db, t.row.unit_id)) {
    if (holdsRoleOver(ctx.actor, 'unit_head', speaker.unitId, t.tree)) {
      approval = 'approved';
      approver = { id: ctx.actor.id, name: ctx.actor.fullName };
    } else approval = 'pending';
  }
  const row = await repo.insertUpdate(db, {
    task_id: taskId,
    unit_id: speaker.unitId,
    role: speaker.role,
    note,
    percent,
    reports_done: input.reportsDone ? 1 : 0,
    report_id: opts.reportId ?? null,
    approval,
    approved_by: approver?.id ?? null,
    approved_by_name: approver?.name ?? null,
    approved_at: approver ? at : null,
    approval_comment: null,
    author_id: ctx.actor.id,
    author_name: ctx.actor.fullName,
    created_at: at,
  });
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: speaker.unitId,
    entityType: 'task_update',
    entityId: row.id,
    summary: t.row.title,
    after: {
      taskId,
      role: speaker.role,
      percent,
      reportsDone: input.reportsDone,
      approval,
      ...(opts.reportId !== undefined && { reportId: opts.reportId }),
    },
  });
  if (isVisible(approval) && speaker.role === 'lead')
    await applyToTask(db, ctx, taskId, input.reportsDone);
  const [presented] = await presentAll(db, ctx, [row], t.tree, () => true);
  return presented!;
}

/** The updates of a task the caller reads: all of their own units', the visible ones of others. */
export async function listTaskUpdates(db: Db, ctx: Ctx, taskId: number): Promise<TaskUpdate[]> {
  return (await taskUpdates(db, ctx, taskId)).items;
}

/** The updates as listTaskUpdates, with the units the caller may add one for now. */
export async function taskUpdates(db: Db, ctx: Ctx, taskId: number): Promise<TaskUpdateList> {
  const t = await loadTask(db, ctx, taskId);
  const rows = (await repo.listUpdates(db, taskId)).filter(
    (r) => isVisible(r.approval) || memberOf(ctx, r.unit_id, t.tree),
  );
  const open = isOpenTask(t.row.state as TaskState);
  const names = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  return {
    items: await presentAll(db, ctx, rows, t.tree, () => open),
    canAdd: open
      ? speakingUnits(ctx, t).map((u) => ({ ...u, unitName: names.get(u.unitId) ?? '' }))
      : [],
  };
}

/** The last visible update (approved or not needing approval) of each task that has one. */
export async function lastUpdatesOf(
  db: Db,
  taskIds: readonly number[],
): Promise<Map<number, TaskUpdate>> {
  const rows = await repo.lastUpdates(db, taskIds, VISIBLE_APPROVALS);
  const presented = await presentAll(db, null, rows, null, () => false);
  return new Map(presented.map((u) => [u.taskId, u]));
}

/**
 * The unit head approves a pending update (it becomes visible and acts on the task, as an
 * update not needing approval does) or sends it back with a comment (the unit writes a new one).
 */
export async function decideTaskUpdate(
  db: Db,
  ctx: Ctx,
  updateId: number,
  input: UpdateApprovalBody,
): Promise<TaskUpdate> {
  const row = await repo.findUpdate(db, updateId);
  if (!row) throw NotFound('task_update');
  const t = await loadTask(db, ctx, row.task_id);
  if (!holdsRoleOver(ctx.actor, 'unit_head', row.unit_id, t.tree))
    throw new AppError(403, 'task_update_not_head');
  if (row.approval !== 'pending')
    throw new AppError(409, 'task_update_decided', {}, { decision: { rule: 'updateDecided' } });
  const comment = input.comment?.trim() || null;
  if (input.decision === 'send_back' && !comment)
    throw Invalid({ comment: { rule: 'sendBackComment' } });
  const approve = input.decision === 'approve';
  if (approve && row.reports_done === 1 && t.row.state === 'reported_done')
    throw new AppError(
      409,
      'task_transition',
      { action: 'report_done', state: t.row.state },
      { decision: { rule: 'taskWrongState', params: { state: t.row.state } } },
    );
  if (approve && !isOpenTask(t.row.state as TaskState))
    throw new AppError(409, 'task_closed', { state: t.row.state });
  const at = nowOf(ctx);
  const ok = await repo.decideUpdate(db, updateId, {
    approval: approve ? 'approved' : 'sent_back',
    approved_by: ctx.actor.id,
    approved_by_name: ctx.actor.fullName,
    approved_at: at,
    approval_comment: comment,
  });
  if (!ok)
    throw new AppError(409, 'task_update_decided', {}, { decision: { rule: 'updateDecided' } });
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'task_update',
    entityId: updateId,
    summary: t.row.title,
    before: { approval: 'pending' },
    after: { approval: approve ? 'approved' : 'sent_back', comment },
  });
  if (approve && row.role === 'lead')
    await applyToTask(db, ctx, row.task_id, row.reports_done === 1);
  const fresh = (await repo.findUpdate(db, updateId))!;
  const [presented] = await presentAll(db, ctx, [fresh], t.tree, () => true);
  return presented!;
}

/* ---------- attachments ---------- */

/** At most this many files per update (they are stored in the database). */
export const UPDATE_ATTACHMENTS_MAX = 10;

/**
 * Attaches a file to an update by its author, while the task is open and the update was not
 * sent back: the type and size are checked before anything is stored.
 */
export async function addUpdateAttachment(
  db: Db,
  ctx: Ctx,
  updateId: number,
  file: { fileName: string; data: Buffer },
): Promise<TaskUpdateAttachment> {
  const update = await repo.findUpdate(db, updateId);
  if (!update) throw NotFound('task_update');
  const t = await loadTask(db, ctx, update.task_id);
  if (update.author_id !== ctx.actor.id) throw new AppError(403, 'task_update_not_author');
  const state = t.row.state as TaskState;
  if (!isOpenTask(state)) throw new AppError(409, 'task_closed', { state });
  if (update.approval === 'sent_back') throw new AppError(409, 'task_update_sent_back');
  const { fileName, mime } = checkFile(file);
  if ((await repo.attachmentsOf(db, [updateId])).length >= UPDATE_ATTACHMENTS_MAX)
    throw new AppError(409, 'task_update_attachments_full', { limit: UPDATE_ATTACHMENTS_MAX });
  const row = await repo.insertAttachment(db, {
    update_id: updateId,
    file_name: fileName,
    mime_type: mime,
    size: file.data.length,
    data: file.data,
    created_at: nowOf(ctx),
  });
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: update.unit_id,
    entityType: 'task_update',
    entityId: updateId,
    summary: fileName,
    after: { taskId: update.task_id, fileName, size: row.size },
  });
  return {
    id: row.id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: row.size,
    createdAt: row.created_at,
  };
}

/** A file of an update the caller may see (its own unit's, or a visible one of a task it reads). */
export async function getUpdateAttachment(db: Db, ctx: Ctx, id: number) {
  const file = await repo.findAttachment(db, id);
  if (!file) throw NotFound('attachment');
  const update = (await repo.findUpdate(db, file.update_id))!;
  const t = await loadTask(db, ctx, update.task_id);
  if (!isVisible(update.approval) && !memberOf(ctx, update.unit_id, t.tree))
    throw new AppError(403, 'forbidden');
  return { fileName: file.file_name, mimeType: file.mime_type, data: Buffer.from(file.data) };
}

/* ---------- the convening unit's task settings ---------- */

export async function getTaskSettings(db: Db, ctx: Ctx, unitId: number): Promise<TaskSettings> {
  const tree = await loadUnitTree(db);
  if (!tree.has(unitId)) throw NotFound('unit');
  const canEdit = canManageTasks(ctx.actor, unitId, tree);
  if (!canEdit && !holdsRoleOver(ctx.actor, 'chair', unitId, tree))
    throw new AppError(403, 'forbidden');
  const row = await repo.findSettings(db, unitId);
  const name = (await listUnits(db)).find((u) => u.id === unitId)?.name ?? '';
  return {
    unitId,
    unitName: name,
    headApproval: row?.head_approval === 1,
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
    canEdit,
  };
}

export async function saveTaskSettings(
  db: Db,
  ctx: Ctx,
  unitId: number,
  input: TaskSettingsBody,
): Promise<TaskSettings> {
  const tree = await loadUnitTree(db);
  if (!tree.has(unitId)) throw NotFound('unit');
  if (!canManageTasks(ctx.actor, unitId, tree)) throw new AppError(403, 'forbidden');
  const row = await repo.findSettings(db, unitId);
  const current = row?.version ?? 0;
  const stale = () => {
    const base = StaleVersion('task_settings');
    return new AppError(409, base.code, base.params, {
      version: { rule: 'staleVersion', params: { current } },
    });
  };
  if (input.version !== current) throw stale();
  const at = nowOf(ctx);
  const value = input.headApproval ? 1 : 0;
  if (!row) await repo.insertSettings(db, unitId, value, at);
  else if (!(await repo.updateSettings(db, unitId, input.version, value, at))) throw stale();
  await recordAudit(db, ctx, {
    action: 'update',
    unitId,
    entityType: 'task_settings',
    entityId: unitId,
    summary: 'task_settings',
    before: { headApproval: row?.head_approval === 1 },
    after: { headApproval: input.headApproval },
  });
  return getTaskSettings(db, ctx, unitId);
}
