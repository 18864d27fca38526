import { Type, type Static } from 'typebox';
import { Id, MAX_INT, Nullable } from '../http/schema-helpers.ts';
import { TaskStateSchema, TaskUnit } from './tasks.schema.ts';

/*
 * The loop between tasks and the next period's reports: what a unit's report form asks about
 * the open tasks the unit leads or coordinates, and the follow-up a meeting's compiled summary
 * shows.
 *
 *   GET /api/v1/tasks/report-answers/{reportId}                      → ReportTaskAnswers
 *   PUT /api/v1/tasks/report-answers/{reportId} SaveReportAnswersBody → ReportTaskAnswers
 *   GET /api/v1/tasks/follow-up/{meetingId}                          → TaskFollowUp
 */

export const TaskRole = Type.Enum(['lead', 'coordinating'], {
  description: 'lead: the unit leads the task (chủ trì); coordinating: it takes part (phối hợp)',
});

/** A progress update as the report form and the summary show it. */
export const LoopUpdate = Type.Object({
  at: Type.String(),
  unitName: Type.String(),
  role: TaskRole,
  note: Type.String(),
  percent: Nullable(Type.Integer()),
  reportsDone: Type.Boolean(),
  /** The report it was given in, if any. */
  reportId: Nullable(Type.Integer()),
  authorName: Nullable(Type.String()),
});
export type LoopUpdate = Static<typeof LoopUpdate>;

export const ReportAnswer = Type.Object({
  note: Type.String(),
  percent: Nullable(Type.Integer()),
  reportsDone: Type.Boolean(),
  updatedAt: Type.String(),
});
export type ReportAnswer = Static<typeof ReportAnswer>;

export const ReportTaskItem = Type.Object({
  taskId: Type.Integer(),
  title: Type.String(),
  role: TaskRole,
  leadUnit: TaskUnit,
  deadline: Type.String(),
  state: TaskStateSchema,
  overdue: Type.Boolean(),
  lastUpdate: Nullable(LoopUpdate),
  /** What the report says of it; null when not answered (or not shown to the caller yet). */
  answer: Nullable(ReportAnswer),
});
export type ReportTaskItem = Static<typeof ReportTaskItem>;

export const ReportTaskAnswers = Type.Object({
  reportId: Type.Integer(),
  unitId: Type.Integer(),
  reportState: Type.String(),
  /** The caller may change the answers now (the report is a draft the caller writes). */
  editable: Type.Boolean(),
  /** Whether the answers are shown (a draft's are its unit's own until it is sent). */
  answersVisible: Type.Boolean(),
  items: Type.Array(ReportTaskItem),
});
export type ReportTaskAnswers = Static<typeof ReportTaskAnswers>;

export const ReportAnswerInput = Type.Object(
  {
    taskId: Id,
    note: Type.String({ maxLength: 5000 }),
    /** 0–100, checked by the service with its own message. */
    percent: Nullable(Type.Integer({ minimum: -MAX_INT, maximum: MAX_INT })),
    reportsDone: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const SaveReportAnswersBody = Type.Object(
  {
    /** Every answer of the report: a task left out (or answered with nothing) is not answered. */
    answers: Type.Array(ReportAnswerInput, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type SaveReportAnswersBody = Static<typeof SaveReportAnswersBody>;

export const FollowUpItem = Type.Object({
  taskId: Type.Integer(),
  title: Type.String(),
  leadUnit: TaskUnit,
  coordinatingUnits: Type.Array(TaskUnit),
  /** The deadline as it stood at `asOf`. */
  deadline: Type.String(),
  /** The state as it stood at `asOf`. */
  state: TaskStateSchema,
  overdue: Type.Boolean(),
  lastUpdate: Nullable(LoopUpdate),
  /** The lead unit answered about it in its report for the meeting's period. */
  answeredInReport: Type.Boolean(),
});
export type FollowUpItem = Static<typeof FollowUpItem>;

export const FollowUpMissing = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  /** not_sent: the unit's report for the period is not in; not_answered: it is, silent on these tasks. */
  reason: Type.Enum(['not_sent', 'not_answered']),
  tasks: Type.Array(Type.Object({ taskId: Type.Integer(), title: Type.String() })),
});
export type FollowUpMissing = Static<typeof FollowUpMissing>;

export const TaskFollowUp = Type.Object({
  meetingId: Type.Integer(),
  /** The moment the follow-up speaks of: the meeting's start, or now while it is planned. */
  asOf: Type.String(),
  /** True while the meeting has not started (the follow-up still moves). */
  live: Type.Boolean(),
  items: Type.Array(FollowUpItem),
  missing: Type.Array(FollowUpMissing),
});
export type TaskFollowUp = Static<typeof TaskFollowUp>;
