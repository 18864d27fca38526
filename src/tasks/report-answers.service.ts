import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, type FieldProblem } from '../http/errors.ts';
import { canEditNow, loadReadable, type LoadedReport } from '../reports/report-access.ts';
import { onReportSubmitted, type SubmittedReport } from '../reports/report-hooks.ts';
import { canReadProposals, canWriteReport } from '../reports/reports.policy.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits } from '../units/units.service.ts';
import { dueStatus, vnToday } from './deadlines.ts';
import * as loop from './loop.repository.ts';
import type {
  LoopUpdate,
  ReportTaskAnswers,
  ReportTaskItem,
  SaveReportAnswersBody,
} from './report-answers.schema.ts';
import { OPEN_TASK_STATES, PENDING_TASK_STATES, type TaskState } from './tasks.states.ts';
import type { TaskReportAnswerTable, TaskRow, TaskUpdateRow } from './tasks.tables.ts';
import { addTaskUpdate, lastUpdatesOf } from './updates.service.ts';
import type { Selectable } from 'kysely';

/*
 * The loop closes in the next period's report: the form shows every open task the report's unit
 * leads or coordinates (of the period's convening unit) with its last update, and asks for
 * progress. The answers are kept with the report while it is a draft; when the report reaches
 * `submitted` (its head approved it) each answer becomes one task update linked to the report,
 * approved by that head. A report returned and sent again gives a new update only for an answer
 * that changed since the update it gave before.
 */

type AnswerRow = Selectable<TaskReportAnswerTable>;

export type Names = Map<number, string>;

export async function unitNames(db: Db): Promise<Names> {
  return new Map((await listUnits(db)).map((u) => [u.id, u.name]));
}

/** An update row as the report form and the summary show it. */
export function presentUpdate(row: TaskUpdateRow, names: Names): LoopUpdate {
  return {
    at: row.created_at,
    unitName: names.get(row.unit_id) ?? '',
    role: row.role === 'lead' ? 'lead' : 'coordinating',
    note: row.note,
    percent: row.percent,
    reportsDone: row.reports_done === 1,
    reportId: row.report_id,
    authorName: row.author_name,
  };
}

/** The last of each task's updates the committee could see at `at`. */
export async function lastUpdatesAt(
  db: Db,
  taskIds: readonly number[],
  at: string,
): Promise<Map<number, TaskUpdateRow>> {
  const last = new Map<number, TaskUpdateRow>();
  for (const u of await loop.visibleUpdatesUpTo(db, taskIds, at)) last.set(u.task_id, u);
  return last;
}

/** A visible update (A's answer shape) as the report form shows it. */
function fromTaskUpdate(u: {
  createdAt: string;
  unitName: string;
  role: 'lead' | 'coordinating';
  note: string;
  percent: number | null;
  reportsDone: boolean;
  reportId: number | null;
  authorName: string | null;
}): LoopUpdate {
  return {
    at: u.createdAt,
    unitName: u.unitName,
    role: u.role,
    note: u.note,
    percent: u.percent,
    reportsDone: u.reportsDone,
    reportId: u.reportId,
    authorName: u.authorName,
  };
}

const isPending = (state: string) => (PENDING_TASK_STATES as readonly string[]).includes(state);

/**
 * The open tasks of the period's convener the report's unit holds, issued by the end of the
 * period (the report speaks of that period: a task issued after it waits for the next report).
 */
async function heldTasks(db: Db, loaded: LoadedReport): Promise<TaskRow[]> {
  const { row, period } = loaded;
  return (await loop.tasksHeldBy(db, period.unit_id, row.unit_id, OPEN_TASK_STATES)).filter(
    (t) => vnToday(t.created_at) <= period.end_date,
  );
}

/** The tasks the report's form shows: those the unit holds, and those it answered. */
async function tasksOfReport(db: Db, loaded: LoadedReport, answers: readonly AnswerRow[]) {
  const held = await heldTasks(db, loaded);
  const heldIds = new Set(held.map((t) => t.id));
  const others = await loop.tasksByIds(
    db,
    answers.map((a) => a.task_id).filter((id) => !heldIds.has(id)),
  );
  const tasks = [...held, ...others].sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.id - b.id,
  );
  return { held, tasks };
}

/** The report form's tasks part: the open tasks, their last updates, what the report says. */
export async function getReportAnswers(
  db: Db,
  ctx: Ctx,
  reportId: number,
): Promise<ReportTaskAnswers> {
  const loaded = await loadReadable(db, ctx, reportId);
  return presentAnswers(db, ctx, loaded);
}

async function presentAnswers(db: Db, ctx: Ctx, loaded: LoadedReport): Promise<ReportTaskAnswers> {
  const { row, period, tree } = loaded;
  const answersVisible = canReadProposals(
    ctx.actor,
    { unitId: row.unit_id, convenerId: period.unit_id, state: row.state },
    tree,
  );
  const answers = answersVisible ? await loop.answersOfReport(db, row.id) : [];
  const { tasks } = await tasksOfReport(db, loaded, answers);
  const names = await unitNames(db);
  const today = vnToday(nowOf(ctx));
  const last = await lastUpdatesOf(
    db,
    tasks.map((t) => t.id),
  );
  const byTask = new Map(answers.map((a) => [a.task_id, a]));
  const items: ReportTaskItem[] = tasks.map((t) => {
    const answer = byTask.get(t.id);
    const update = last.get(t.id);
    return {
      taskId: t.id,
      title: t.title,
      role: t.lead_unit_id === row.unit_id ? 'lead' : 'coordinating',
      leadUnit: { unitId: t.lead_unit_id, unitName: names.get(t.lead_unit_id) ?? '' },
      deadline: t.deadline,
      state: t.state as TaskState,
      overdue: dueStatus(t.deadline, isPending(t.state), today).overdue,
      lastUpdate: update ? fromTaskUpdate(update) : null,
      answer: answer
        ? {
            note: answer.note,
            percent: answer.percent,
            reportsDone: answer.reports_done === 1,
            updatedAt: answer.updated_at,
          }
        : null,
    };
  });
  return {
    reportId: row.id,
    unitId: row.unit_id,
    reportState: row.state,
    editable: canEditNow(ctx.actor, loaded),
    answersVisible,
    items,
  };
}

/**
 * Saves the report's answers about its tasks, all at once (a task left out, or answered with
 * nothing, is not answered), while the caller may edit the report: its unit's reporter or head,
 * the report a draft, the period open. Each answer is about an open task the unit holds, with a
 * percent from 0 to 100; only the lead unit reports a task done (once).
 */
export async function saveReportAnswers(
  db: Db,
  ctx: Ctx,
  reportId: number,
  input: SaveReportAnswersBody,
): Promise<ReportTaskAnswers> {
  const loaded = await loadReadable(db, ctx, reportId);
  const { row, period, tree } = loaded;
  if (!canWriteReport(ctx.actor, row.unit_id, tree)) throw Forbidden();
  if (period.status !== 'open') throw new AppError(409, 'period_closed', { name: period.name });
  if (!canEditNow(ctx.actor, loaded))
    throw new AppError(409, 'task_answers_locked', {}, { answers: { rule: 'taskAnswersLocked' } });
  const held = new Map((await heldTasks(db, loaded)).map((t) => [t.id, t]));
  const fields: Record<string, FieldProblem> = {};
  const seen = new Set<number>();
  const at = nowOf(ctx);
  const rows: AnswerRow[] = [];
  input.answers.forEach((a, i) => {
    const task = held.get(a.taskId);
    const note = a.note.trim();
    if (!task) fields[`answers.${i}.taskId`] = { rule: 'taskNotHeld' };
    else if (seen.has(a.taskId)) fields[`answers.${i}.taskId`] = { rule: 'duplicate' };
    seen.add(a.taskId);
    if (a.percent !== null && (a.percent < 0 || a.percent > 100))
      fields[`answers.${i}.percent`] = { rule: 'percentRange' };
    if (a.reportsDone && task && task.lead_unit_id !== row.unit_id)
      fields[`answers.${i}.reportsDone`] = { rule: 'reportsDoneLeadOnly' };
    else if (a.reportsDone && task?.state === 'reported_done')
      fields[`answers.${i}.reportsDone`] = {
        rule: 'taskWrongState',
        params: { state: task.state },
      };
    // An answer saying nothing is no answer.
    if (!note && a.percent === null && !a.reportsDone) return;
    rows.push({
      report_id: row.id,
      task_id: a.taskId,
      note,
      percent: a.percent,
      reports_done: a.reportsDone ? 1 : 0,
      updated_at: at,
      updated_by: ctx.actor.id,
    });
  });
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const before = await loop.answersOfReport(db, row.id);
  await loop.replaceAnswers(db, row.id, rows);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'report_task_answers',
    entityId: row.id,
    summary: `${period.name}: ${(await unitNames(db)).get(row.unit_id) ?? ''}`,
    before: { taskAnswers: before.map(auditView) },
    after: { taskAnswers: rows.map(auditView) },
  });
  return presentAnswers(db, ctx, loaded);
}

function auditView(a: AnswerRow) {
  return {
    taskId: a.task_id,
    note: a.note,
    percent: a.percent,
    reportsDone: a.reports_done === 1,
  };
}

const sameAnswer = (
  a: AnswerRow,
  u: { note: string; percent: number | null; reports_done: number },
) => a.note === u.note && a.percent === u.percent && a.reports_done === u.reports_done;

/**
 * The hook the reports feature runs when a report reaches `submitted`: each answer about a task
 * still open and still held by the unit becomes a task update given in the report, approved by
 * the head who approved the report (ctx). An answer the same as the update it gave when the
 * report was sent before (then returned) gives none again.
 */
export async function answersBecomeUpdates(
  db: Db,
  ctx: Ctx,
  report: SubmittedReport,
): Promise<void> {
  const answers = await loop.answersOfReport(db, report.id);
  if (answers.length === 0) return;
  const held = new Map<number, TaskRow>(
    (await loop.tasksHeldBy(db, report.convenerId, report.unitId, OPEN_TASK_STATES)).map((t) => [
      t.id,
      t,
    ]),
  );
  const given = new Map<number, { note: string; percent: number | null; reports_done: number }>();
  for (const u of await loop.updatesOfReports(db, [report.id])) given.set(u.task_id, u);
  const approvedBy = { id: ctx.actor.id, name: ctx.actor.fullName };
  for (const answer of answers) {
    const task = held.get(answer.task_id);
    if (!task) continue;
    const before = given.get(answer.task_id);
    if (before && sameAnswer(answer, before)) continue;
    // Done only from the lead unit, and only once (not again while it waits for acceptance).
    const reportsDone =
      answer.reports_done === 1 &&
      task.lead_unit_id === report.unitId &&
      task.state !== 'reported_done';
    if (!answer.note && answer.percent === null && !reportsDone) continue;
    await addTaskUpdate(
      db,
      ctx,
      task.id,
      { note: answer.note, percent: answer.percent, reportsDone },
      { reportId: report.id, approvedBy, unitId: report.unitId },
    );
  }
}

onReportSubmitted(answersBecomeUpdates);
