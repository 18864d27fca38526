import { recordAudit } from '../audit/audit.service.ts';
import { notifyTaskAssigned, notifyTaskMoved } from './tasks.notifications.ts';
import { nowOf } from '../clock.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import type { Db } from '../db/schema.ts';
import {
  AppError,
  Forbidden,
  Invalid,
  NotFound,
  StaleVersion,
  type FieldProblem,
} from '../http/errors.ts';
import { directivesForTasks } from '../meetings/conclusion.service.ts';
import type { Ctx } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import {
  DUE_SOON_DAYS,
  MAX_DEADLINE_YEARS,
  addDays,
  deadlineOfChoice,
  deadlineProblem,
  dueStatus,
  isCalendarDay,
  latestDeadline,
  vnToday,
  type DeadlineChoice,
} from './deadlines.ts';
import {
  canIssueFromMeeting,
  canManageTasks,
  canReadTask,
  isLeadUnit,
  readableUnits,
  taskPermissions,
  type TaskAccess,
} from './tasks.policy.ts';
import { overviewFilterProblems, overviewFilters } from './overview.filters.ts';
import * as repo from './tasks.repository.ts';
import { indexTask } from './search-entries.service.ts';
import type {
  ChangeDeadlineBody,
  CreateTaskBody,
  FromMeetingBody,
  MeetingDirectiveList,
  Task,
  TaskList,
  TaskQuery,
  TaskSummary,
  TaskTransitionBody,
  UpdateTaskBody,
} from './tasks.schema.ts';
import {
  PENDING_TASK_STATES,
  TASK_TRANSITIONS,
  checkTaskTransition,
  isOpenTask,
  type TaskAction,
  type TaskState,
} from './tasks.states.ts';
import type { TaskHistoryRow, TaskRow } from './tasks.tables.ts';

/*
 * Tasks (nhiệm vụ): issued by the convening unit's secretariat, directly (with a document or
 * "other" as the source) or from a concluded meeting's directives; carried out by one lead unit
 * with coordinating units; moved through the states of tasks.states.ts; every change of state or
 * deadline appended to the task's history in the same transaction as the change and its audit.
 */

type Names = Map<number, string>;

async function unitNames(db: Db): Promise<Names> {
  return new Map((await listUnits(db)).map((u) => [u.id, u.name]));
}

const accessOf = (row: TaskRow, coordinating: readonly number[]): TaskAccess => ({
  unitId: row.unit_id,
  leadUnitId: row.lead_unit_id,
  coordinatingUnitIds: coordinating,
  state: row.state as TaskState,
});

function summaryOf(
  ctx: Ctx,
  row: TaskRow,
  coordinating: readonly number[],
  tree: UnitTree,
  names: Names,
  today: string,
): TaskSummary {
  const state = row.state as TaskState;
  const pending = (PENDING_TASK_STATES as readonly TaskState[]).includes(state);
  const unit = (id: number) => ({ unitId: id, unitName: names.get(id) ?? '' });
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: names.get(row.unit_id) ?? '',
    title: row.title,
    details: row.details,
    leadUnit: unit(row.lead_unit_id),
    coordinatingUnits: coordinating.map(unit),
    deadline: row.deadline,
    deadlineKind: row.deadline_kind as TaskSummary['deadlineKind'],
    extensions: row.extensions,
    expectedResult: row.expected_result,
    source: {
      kind: row.source_kind as TaskSummary['source']['kind'],
      meetingId: row.source_meeting_id,
      directiveId: row.source_directive_id,
      document: row.source_document,
    },
    state,
    ...dueStatus(row.deadline, pending, today),
    version: row.version,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    actions: taskPermissions(ctx.actor, accessOf(row, coordinating), tree),
  };
}

function historyOf(h: TaskHistoryRow): Task['history'][number] {
  return {
    at: h.at,
    actorName: h.actor_name,
    kind: h.kind as Task['history'][number]['kind'],
    action: h.action as TaskAction | null,
    fromState: h.from_state as TaskState | null,
    toState: h.to_state as TaskState | null,
    oldDeadline: h.old_deadline,
    newDeadline: h.new_deadline,
    comment: h.comment,
  };
}

export interface LoadedTask {
  row: TaskRow;
  coordinating: number[];
  tree: UnitTree;
  access: TaskAccess;
}

/** A task the caller may read: 404 when it does not exist, 403 when not theirs. */
export async function loadTask(db: Db, ctx: Ctx, id: number): Promise<LoadedTask> {
  const row = await repo.findTask(db, id);
  if (!row) throw NotFound('task');
  const coordinating = (await repo.coordinatingUnits(db, [id])).get(id) ?? [];
  const tree = await loadUnitTree(db);
  const access = accessOf(row, coordinating);
  if (!canReadTask(ctx.actor, access, tree)) throw Forbidden();
  return { row, coordinating, tree, access };
}

async function present(db: Db, ctx: Ctx, loaded: LoadedTask): Promise<Task> {
  const { row, coordinating, tree } = loaded;
  const names = await unitNames(db);
  return {
    ...summaryOf(ctx, row, coordinating, tree, names, vnToday(nowOf(ctx))),
    history: (await repo.listHistory(db, row.id)).map(historyOf),
  };
}

export async function getTask(db: Db, ctx: Ctx, id: number): Promise<Task> {
  return present(db, ctx, await loadTask(db, ctx, id));
}

/** The tasks the caller reads, filtered, soonest deadline first, with overdue / due soon. */
export async function listTasks(db: Db, ctx: Ctx, q: TaskQuery): Promise<TaskList> {
  const tree = await loadUnitTree(db);
  const today = vnToday(nowOf(ctx));
  const readable = readableUnits(ctx.actor, tree);
  const fields: Record<string, FieldProblem> = {};
  if (q.deadlineFrom && !isCalendarDay(q.deadlineFrom))
    fields.deadlineFrom = { rule: 'format', params: { format: 'date' } };
  if (q.deadlineTo && !isCalendarDay(q.deadlineTo))
    fields.deadlineTo = { rule: 'format', params: { format: 'date' } };
  if (q.deadlineFrom && q.deadlineTo && q.deadlineTo < q.deadlineFrom)
    fields.deadlineTo = { rule: 'dateOrder', params: { other: q.deadlineFrom } };
  Object.assign(fields, overviewFilterProblems(q));
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  let { deadlineFrom, deadlineTo } = q;
  let states = q.state;
  if (q.dueSoon) {
    const soon = addDays(today, DUE_SOON_DAYS);
    deadlineFrom = deadlineFrom && deadlineFrom > today ? deadlineFrom : today;
    deadlineTo = deadlineTo && deadlineTo < soon ? deadlineTo : soon;
    states = (states ?? PENDING_TASK_STATES).filter((s) =>
      (PENDING_TASK_STATES as readonly string[]).includes(s),
    );
    if (states.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  }
  const { rows, total } = await repo.listTasks(
    db,
    {
      committeeUnitIds: readable.committee,
      ownUnitIds: readable.own,
      unitId: q.unitId,
      states,
      meetingId: q.meetingId,
      deadlineFrom,
      deadlineTo,
      ...(q.overdue && { overdueBefore: { today, pending: PENDING_TASK_STATES } }),
      ...overviewFilters(q),
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  const coordinating = await repo.coordinatingUnits(
    db,
    rows.map((r) => r.id),
  );
  const names = await unitNames(db);
  return {
    items: rows.map((r) => summaryOf(ctx, r, coordinating.get(r.id) ?? [], tree, names, today)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/* ---------- checks shared by creating and editing ---------- */

/** Checks the lead and coordinating units: existing units of the convening unit, lead not among them. */
function checkUnits(
  tree: UnitTree,
  convenerId: number,
  lead: number | null | undefined,
  coordinating: readonly number[],
  at: string,
  fields: Record<string, FieldProblem>,
): number[] {
  const of = (u: number): FieldProblem | null =>
    !tree.has(u)
      ? { rule: 'notFound' }
      : !tree.isWithin(u, convenerId)
        ? { rule: 'notUnitOfConvener' }
        : null;
  if (lead === null || lead === undefined) fields[`${at}leadUnitId`] = { rule: 'required' };
  else {
    const p = of(lead);
    if (p) fields[`${at}leadUnitId`] = p;
  }
  const seen = new Set<number>();
  coordinating.forEach((u, i) => {
    const key = `${at}coordinatingUnitIds.${i}`;
    const p = of(u);
    if (p) fields[key] = p;
    else if (u === lead) fields[key] = { rule: 'leadAmongCoordinating' };
    else if (seen.has(u)) fields[key] = { rule: 'duplicate' };
    seen.add(u);
  });
  return [...seen];
}

interface DeadlineInput {
  deadline?: string;
  deadlineChoice?: DeadlineChoice;
}

/**
 * The deadline given as a date or as a choice ("end of the quarter/year", from today), checked
 * against today; `fallback` (a directive's own deadline) when neither is given.
 */
function resolveDeadline(
  input: DeadlineInput,
  today: string,
  at: string,
  fields: Record<string, FieldProblem>,
  fallback: string | null = null,
): { deadline: string; kind: string } | null {
  if (input.deadline !== undefined && input.deadlineChoice !== undefined) {
    fields[`${at}deadlineChoice`] = { rule: 'deadlineEither' };
    return null;
  }
  let deadline: string;
  let kind = 'date';
  if (input.deadlineChoice !== undefined) {
    deadline = deadlineOfChoice(input.deadlineChoice, today);
    kind = input.deadlineChoice;
  } else if (input.deadline !== undefined || fallback !== null) {
    deadline = (input.deadline ?? fallback)!;
  } else {
    fields[`${at}deadline`] = { rule: 'required' };
    return null;
  }
  if (!isCalendarDay(deadline)) {
    fields[`${at}deadline`] = { rule: 'format', params: { format: 'date' } };
    return null;
  }
  const problem = deadlineProblem(deadline, today);
  if (problem === 'past') {
    fields[`${at}deadline`] = { rule: 'deadlinePast', params: { today } };
    return null;
  }
  if (problem === 'tooFar') {
    fields[`${at}deadline`] = {
      rule: 'deadlineTooFar',
      params: { years: MAX_DEADLINE_YEARS, limit: latestDeadline(today) },
    };
    return null;
  }
  return { deadline, kind };
}

function requireText(value: string, field: string, fields: Record<string, FieldProblem>): string {
  const text = value.trim();
  if (!text) fields[field] = { rule: 'blank' };
  return text;
}

interface NewTask {
  unitId: number;
  title: string;
  details: string;
  leadUnitId: number;
  coordinating: number[];
  deadline: string;
  deadlineKind: string;
  expectedResult: string;
  sourceKind: 'directive' | 'document' | 'other';
  meetingId: number | null;
  directiveId: number | null;
  document: string | null;
}

function auditView(t: TaskSummary) {
  return {
    title: t.title,
    leadUnitId: t.leadUnit.unitId,
    coordinatingUnitIds: t.coordinatingUnits.map((u) => u.unitId),
    deadline: t.deadline,
    state: t.state,
    source: t.source,
  };
}

async function insert(db: Db, ctx: Ctx, t: NewTask): Promise<number> {
  const at = nowOf(ctx);
  const { id } = await repo.insertTask(db, {
    unit_id: t.unitId,
    title: t.title,
    details: t.details,
    lead_unit_id: t.leadUnitId,
    deadline: t.deadline,
    deadline_kind: t.deadlineKind,
    expected_result: t.expectedResult,
    source_kind: t.sourceKind,
    source_meeting_id: t.meetingId,
    source_directive_id: t.directiveId,
    source_document: t.document,
    state: 'not_started',
    created_at: at,
    created_by: ctx.actor.id,
    created_by_name: ctx.actor.fullName,
    updated_at: at,
  });
  await repo.replaceCoordinatingUnits(db, id, t.coordinating);
  await repo.appendHistory(db, {
    task_id: id,
    at,
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.fullName,
    kind: 'created',
    action: null,
    from_state: null,
    to_state: 'not_started',
    old_deadline: null,
    new_deadline: t.deadline,
    comment: null,
  });
  return id;
}

async function audited(db: Db, ctx: Ctx, id: number, before: TaskSummary | null): Promise<Task> {
  await indexTask(db, ctx, id);
  const task = await getTask(db, ctx, id);
  await recordAudit(db, ctx, {
    action: before === null ? 'create' : before.state === task.state ? 'update' : 'move',
    unitId: task.unitId,
    entityType: 'task',
    entityId: id,
    summary: task.title,
    ...(before && { before: auditView(before) }),
    after: auditView(task),
  });
  return task;
}

/** Issues a task directly, its source a document or "other". */
export async function createTask(db: Db, ctx: Ctx, input: CreateTaskBody): Promise<Task> {
  const tree = await loadUnitTree(db);
  if (!tree.has(input.unitId)) throw Invalid({ unitId: { rule: 'notFound' } });
  if (!canManageTasks(ctx.actor, input.unitId, tree)) throw Forbidden();
  const today = vnToday(nowOf(ctx));
  const fields: Record<string, FieldProblem> = {};
  const title = requireText(input.title, 'title', fields);
  const coordinating = checkUnits(
    tree,
    input.unitId,
    input.leadUnitId,
    input.coordinatingUnitIds ?? [],
    '',
    fields,
  );
  const deadline = resolveDeadline(input, today, '', fields);
  const document = input.sourceDocument?.trim() || null;
  if (input.sourceKind === 'document' && !document) fields.sourceDocument = { rule: 'required' };
  if (Object.keys(fields).length > 0 || !deadline) throw Invalid(fields);
  const id = await insert(db, ctx, {
    unitId: input.unitId,
    title,
    details: input.details?.trim() ?? '',
    leadUnitId: input.leadUnitId,
    coordinating,
    deadline: deadline.deadline,
    deadlineKind: deadline.kind,
    expectedResult: input.expectedResult?.trim() ?? '',
    sourceKind: input.sourceKind,
    meetingId: null,
    directiveId: null,
    document: input.sourceKind === 'document' ? document : null,
  });
  return notifyTaskAssigned(db, ctx, await audited(db, ctx, id, null));
}

/** A meeting's directives, each with the task made from it (if any), for issuing them. */
export async function meetingDirectives(
  db: Db,
  ctx: Ctx,
  meetingId: number,
): Promise<MeetingDirectiveList> {
  const { meeting, directives } = await directivesForTasks(db, ctx, meetingId);
  const tree = await loadUnitTree(db);
  if (!canIssueFromMeeting(ctx.actor, meeting.unitId, tree)) throw Forbidden();
  const made = new Map(
    (
      await repo.findTasksOfDirectives(
        db,
        directives.map((d) => d.id),
      )
    ).map((t) => [t.source_directive_id!, t.id]),
  );
  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    concluded: meeting.state === 'concluded',
    items: directives.map((d) => ({
      directiveId: d.id,
      position: d.position,
      text: d.text,
      leadUnitId: d.leadUnitId,
      coordinatingUnitIds: d.coordinatingUnitIds,
      deadline: d.deadline,
      taskId: made.get(d.id) ?? null,
    })),
  };
}

function directiveTaken(
  d: { position: number; text: string },
  index: number,
  taskId: number,
): AppError {
  const text = d.text.length > 80 ? `${d.text.slice(0, 79)}…` : d.text;
  return new AppError(
    409,
    'task_directive_taken',
    { position: d.position, text, taskId },
    { [`directives.${index}.directiveId`]: { rule: 'directiveTaken', params: { taskId } } },
  );
}

/**
 * Issues tasks from a concluded meeting's directives (one, several or all at once), each with
 * the edits made before issuing; the directive's own text, lead unit, coordinating units and
 * deadline otherwise. All or nothing: a directive already made into a task refuses the lot (409).
 */
export async function createFromMeeting(
  db: Db,
  ctx: Ctx,
  meetingId: number,
  input: FromMeetingBody,
): Promise<TaskList> {
  const { meeting, directives } = await directivesForTasks(db, ctx, meetingId);
  const tree = await loadUnitTree(db);
  if (!canIssueFromMeeting(ctx.actor, meeting.unitId, tree)) throw Forbidden();
  if (meeting.state !== 'concluded')
    throw new AppError(
      409,
      'task_meeting_not_concluded',
      { title: meeting.title },
      { meetingId: { rule: 'invalid' } },
    );
  const byId = new Map(directives.map((d) => [d.id, d]));
  const made = new Map(
    (
      await repo.findTasksOfDirectives(
        db,
        input.directives.map((d) => d.directiveId),
      )
    ).map((t) => [t.source_directive_id!, t.id]),
  );
  const today = vnToday(nowOf(ctx));
  const fields: Record<string, FieldProblem> = {};
  const seen = new Set<number>();
  const drafts: NewTask[] = [];
  for (const [i, item] of input.directives.entries()) {
    const at = `directives.${i}.`;
    const d = byId.get(item.directiveId);
    if (!d) {
      fields[`${at}directiveId`] = { rule: 'notInMeeting' };
      continue;
    }
    const taken = made.get(d.id);
    if (taken !== undefined) throw directiveTaken(d, i, taken);
    if (seen.has(d.id)) {
      fields[`${at}directiveId`] = { rule: 'duplicate' };
      continue;
    }
    seen.add(d.id);
    const lead = item.leadUnitId ?? d.leadUnitId;
    const coordinating = checkUnits(
      tree,
      meeting.unitId,
      lead,
      item.coordinatingUnitIds ?? d.coordinatingUnitIds,
      at,
      fields,
    );
    const title = requireText(item.title ?? d.text, `${at}title`, fields);
    const deadline = resolveDeadline(item, today, at, fields, d.deadline);
    if (!deadline || lead === null) continue;
    drafts.push({
      unitId: meeting.unitId,
      title,
      details: item.details?.trim() ?? (item.title === undefined ? '' : d.text),
      leadUnitId: lead,
      coordinating,
      deadline: deadline.deadline,
      deadlineKind: deadline.kind,
      expectedResult: item.expectedResult?.trim() ?? '',
      sourceKind: 'directive',
      meetingId: meeting.id,
      directiveId: d.id,
      document: null,
    });
  }
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const ids: number[] = [];
  for (const [i, draft] of drafts.entries()) {
    try {
      ids.push(await insert(db, ctx, draft));
    } catch (error) {
      // Issued by someone else between the check and the insert: the same 409.
      if (!isUniqueViolation(error)) throw error;
      const taskId = (await repo.findTasksOfDirectives(db, [draft.directiveId!]))[0]?.id ?? 0;
      throw directiveTaken(byId.get(draft.directiveId!)!, i, taskId);
    }
  }
  const items: TaskSummary[] = [];
  for (const id of ids) {
    const { history: _history, ...summary } = await audited(db, ctx, id, null);
    items.push(summary);
  }
  await notifyTaskAssigned(db, ctx, items);
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/* ---------- changing a task ---------- */

function closed(state: TaskState, field: string): AppError {
  return new AppError(
    409,
    'task_closed',
    { state },
    { [field]: { rule: 'taskWrongState', params: { state } } },
  );
}

function stale(current: number): AppError {
  const base = StaleVersion('task');
  return new AppError(409, base.code, base.params, {
    version: { rule: 'staleVersion', params: { current } },
  });
}

async function loadForManaging(db: Db, ctx: Ctx, id: number, version: number, field: string) {
  const loaded = await loadTask(db, ctx, id);
  if (!canManageTasks(ctx.actor, loaded.row.unit_id, loaded.tree)) throw Forbidden();
  if (loaded.row.version !== version) throw stale(loaded.row.version);
  if (!isOpenTask(loaded.row.state as TaskState))
    throw closed(loaded.row.state as TaskState, field);
  return loaded;
}

/** Edits an open task's title, details, units, expected result or document (secretariat). */
export async function updateTask(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdateTaskBody,
): Promise<Task> {
  const loaded = await loadForManaging(db, ctx, id, input.version, 'title');
  const { row, tree } = loaded;
  const fields: Record<string, FieldProblem> = {};
  const title = input.title === undefined ? row.title : requireText(input.title, 'title', fields);
  const lead = input.leadUnitId ?? row.lead_unit_id;
  const coordinating = checkUnits(
    tree,
    row.unit_id,
    lead,
    input.coordinatingUnitIds ?? loaded.coordinating,
    '',
    fields,
  );
  if (input.sourceDocument !== undefined && row.source_kind !== 'document')
    fields.sourceDocument = { rule: 'invalid' };
  const document = input.sourceDocument?.trim();
  if (document !== undefined && !document) fields.sourceDocument = { rule: 'required' };
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const before = await present(db, ctx, loaded);
  const ok = await repo.updateTask(db, id, input.version, {
    title,
    details: input.details?.trim() ?? row.details,
    lead_unit_id: lead,
    expected_result: input.expectedResult?.trim() ?? row.expected_result,
    source_document: document ?? row.source_document,
    updated_at: nowOf(ctx),
  });
  if (!ok) throw stale(row.version);
  await repo.replaceCoordinatingUnits(db, id, coordinating);
  return audited(db, ctx, id, before);
}

/** Moves a task along the transition table; the policy says who may take each action. */
export async function transitionTask(
  db: Db,
  ctx: Ctx,
  id: number,
  input: TaskTransitionBody,
): Promise<Task> {
  const loaded = await loadTask(db, ctx, id);
  const { row, tree, access } = loaded;
  const from = row.state as TaskState;
  const check = checkTaskTransition(from, input.action, input.comment);
  const mayTake =
    TASK_TRANSITIONS[input.action].by === 'secretariat'
      ? canManageTasks(ctx.actor, row.unit_id, tree)
      : isLeadUnit(ctx.actor, access, tree);
  if (!mayTake) throw Forbidden();
  if (row.version !== input.version) throw stale(row.version);
  if (!check.ok && check.reason === 'wrong_state')
    throw new AppError(
      409,
      'task_transition',
      { action: input.action, state: from },
      { action: { rule: 'taskWrongState', params: { state: from } } },
    );
  if (!check.ok)
    throw Invalid({
      comment: { rule: input.action === 'cancel' ? 'taskCancelReason' : 'returnComment' },
    });
  const before = await present(db, ctx, loaded);
  const at = nowOf(ctx);
  if (!(await repo.updateTask(db, id, input.version, { state: check.to, updated_at: at })))
    throw stale(row.version);
  await repo.appendHistory(db, {
    task_id: id,
    at,
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.fullName,
    kind: 'transition',
    action: input.action,
    from_state: from,
    to_state: check.to,
    old_deadline: null,
    new_deadline: null,
    comment: input.comment?.trim() || null,
  });
  return notifyTaskMoved(db, ctx, await audited(db, ctx, id, before), input);
}

/** Moves an open task's deadline (secretariat); the old one stays in the history, extensions counted. */
export async function changeDeadline(
  db: Db,
  ctx: Ctx,
  id: number,
  input: ChangeDeadlineBody,
): Promise<Task> {
  const loaded = await loadForManaging(db, ctx, id, input.version, 'deadline');
  const { row } = loaded;
  const fields: Record<string, FieldProblem> = {};
  const resolved = resolveDeadline(input, vnToday(nowOf(ctx)), '', fields);
  if (resolved && resolved.deadline === row.deadline)
    fields.deadline = { rule: 'deadlineUnchanged', params: { current: row.deadline } };
  if (Object.keys(fields).length > 0 || !resolved) throw Invalid(fields);
  const before = await present(db, ctx, loaded);
  const at = nowOf(ctx);
  const later = resolved.deadline > row.deadline;
  if (
    !(await repo.updateTask(db, id, input.version, {
      deadline: resolved.deadline,
      deadline_kind: resolved.kind,
      extensions: row.extensions + (later ? 1 : 0),
      updated_at: at,
    }))
  )
    throw stale(row.version);
  await repo.appendHistory(db, {
    task_id: id,
    at,
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.fullName,
    kind: 'deadline',
    action: null,
    from_state: null,
    to_state: null,
    old_deadline: row.deadline,
    new_deadline: resolved.deadline,
    comment: input.comment?.trim() || null,
  });
  return audited(db, ctx, id, before);
}
