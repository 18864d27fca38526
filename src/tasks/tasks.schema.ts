import { Type, type Static } from 'typebox';
import { Id, Nullable, PageOf, Version } from '../http/schema-helpers.ts';
import { DEADLINE_CHOICES, DUE_SOON_DAYS } from './deadlines.ts';
import { TASK_ACTIONS, TASK_PERMISSIONS, TASK_STATES } from './tasks.states.ts';

/*
 * Every body, query and answer of the task routes. Deadlines are 'YYYY-MM-DD' calendar days in
 * Asia/Ho_Chi_Minh; times are ISO-8601 UTC.
 *
 *   GET  /api/v1/tasks?unitId&state&meetingId&overdue&dueSoon&deadlineFrom&deadlineTo&page&pageSize → TaskList
 *   POST /api/v1/tasks                        CreateTaskBody → Task (201)
 *   GET  /api/v1/tasks/from-meeting/{id}                     → MeetingDirectiveList
 *   POST /api/v1/tasks/from-meeting/{id}      FromMeetingBody → TaskList (201)
 *   GET  /api/v1/tasks/{id}                                  → Task (with its history)
 *   PUT  /api/v1/tasks/{id}                   UpdateTaskBody → Task
 *   POST /api/v1/tasks/{id}/transitions       TaskTransitionBody → Task
 *   POST /api/v1/tasks/{id}/deadline          ChangeDeadlineBody → Task
 */

export const TaskStateSchema = Type.Enum(TASK_STATES, {
  description:
    'not_started → in_progress → reported_done → accepted; reported_done → returned → in_progress; cancelled from any open state',
});
export const TaskActionSchema = Type.Enum(TASK_ACTIONS);
const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const DeadlineChoiceSchema = Type.Enum(DEADLINE_CHOICES, {
  description:
    'The last day of the current quarter or year (in Asia/Ho_Chi_Minh), stored as a date',
});
const Title = Type.String({ maxLength: 1000 });
const LongText = Type.String({ maxLength: 20_000 });
const UnitIds = Type.Array(Id, { maxItems: 200 });

export const TaskUnit = Type.Object({ unitId: Type.Integer(), unitName: Type.String() });

export const TaskHistoryEntry = Type.Object({
  at: Type.String(),
  actorName: Nullable(Type.String()),
  kind: Type.Enum(['created', 'transition', 'deadline']),
  action: Nullable(TaskActionSchema),
  fromState: Nullable(TaskStateSchema),
  toState: Nullable(TaskStateSchema),
  oldDeadline: Nullable(Type.String()),
  newDeadline: Nullable(Type.String()),
  comment: Nullable(Type.String()),
});

export const TaskSource = Type.Object({
  kind: Type.Enum(['directive', 'document', 'other']),
  meetingId: Nullable(Type.Integer()),
  directiveId: Nullable(Type.Integer()),
  document: Nullable(Type.String()),
});

const taskFields = {
  id: Type.Integer(),
  unitId: Type.Integer({ description: 'The convening unit' }),
  unitName: Type.String(),
  title: Type.String(),
  details: Type.String(),
  leadUnit: TaskUnit,
  coordinatingUnits: Type.Array(TaskUnit),
  deadline: Type.String(),
  deadlineKind: Type.Enum(['date', ...DEADLINE_CHOICES]),
  extensions: Type.Integer({ description: 'How many times the deadline was moved later' }),
  expectedResult: Type.String(),
  source: TaskSource,
  state: TaskStateSchema,
  overdue: Type.Boolean({ description: 'Still owed and the deadline has passed (today, UTC+7)' }),
  dueSoon: Type.Boolean({
    description: `Still owed, deadline today or within ${DUE_SOON_DAYS} days`,
  }),
  version: Type.Integer(),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
  updatedAt: Type.String(),
  actions: Type.Array(Type.Enum(TASK_PERMISSIONS)),
};

export const TaskSummary = Type.Object(taskFields);
export type TaskSummary = Static<typeof TaskSummary>;

export const Task = Type.Object({ ...taskFields, history: Type.Array(TaskHistoryEntry) });
export type Task = Static<typeof Task>;

export const TaskList = PageOf(TaskSummary);
export type TaskList = Static<typeof TaskList>;

export const TaskQuery = Type.Object({
  /** Tasks this unit leads or coordinates. */
  unitId: Type.Optional(Id),
  state: Type.Optional(Type.Array(TaskStateSchema, { maxItems: TASK_STATES.length })),
  /** Tasks made from this meeting's directives. */
  meetingId: Type.Optional(Id),
  overdue: Type.Optional(Type.Boolean()),
  dueSoon: Type.Optional(Type.Boolean()),
  deadlineFrom: Type.Optional(DateString),
  deadlineTo: Type.Optional(DateString),
  /** Tasks convened by this unit (the scope of the chair's overview). */
  convenerId: Type.Optional(Id),
  /** With unitId: only the tasks it leads (lead) or only those it coordinates (coordinating). */
  role: Type.Optional(Type.Enum(['lead', 'coordinating'])),
  /** Tasks whose deadline was moved later at least once. */
  extended: Type.Optional(Type.Boolean()),
  /** Accepted tasks the lead unit reported done on or after this day (Asia/Ho_Chi_Minh). */
  doneFrom: Type.Optional(DateString),
  /** Accepted tasks the lead unit reported done on or before this day (Asia/Ho_Chi_Minh). */
  doneTo: Type.Optional(DateString),
  /** Accepted tasks reported done after their deadline (true) or by it (false). */
  late: Type.Optional(Type.Boolean()),
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export type TaskQuery = Static<typeof TaskQuery>;

/** Exactly one of `deadline` and `deadlineChoice`. */
const deadlineFields = {
  deadline: Type.Optional(DateString),
  deadlineChoice: Type.Optional(DeadlineChoiceSchema),
};

export const CreateTaskBody = Type.Object(
  {
    /** The convening unit (its secretariat issues the task). */
    unitId: Id,
    title: Title,
    details: Type.Optional(LongText),
    leadUnitId: Id,
    coordinatingUnitIds: Type.Optional(UnitIds),
    ...deadlineFields,
    expectedResult: Type.Optional(LongText),
    sourceKind: Type.Enum(['document', 'other'], {
      description: 'Tasks from a directive are made through /tasks/from-meeting/{id}',
    }),
    sourceDocument: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CreateTaskBody = Static<typeof CreateTaskBody>;

export const UpdateTaskBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Title),
    details: Type.Optional(LongText),
    leadUnitId: Type.Optional(Id),
    coordinatingUnitIds: Type.Optional(UnitIds),
    expectedResult: Type.Optional(LongText),
    sourceDocument: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;

/** One directive to issue, with the edits made before issuing (the directive's own values otherwise). */
export const DirectiveTaskInput = Type.Object(
  {
    directiveId: Id,
    title: Type.Optional(Title),
    details: Type.Optional(LongText),
    leadUnitId: Type.Optional(Id),
    coordinatingUnitIds: Type.Optional(UnitIds),
    ...deadlineFields,
    expectedResult: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export type DirectiveTaskInput = Static<typeof DirectiveTaskInput>;

export const FromMeetingBody = Type.Object(
  { directives: Type.Array(DirectiveTaskInput, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
export type FromMeetingBody = Static<typeof FromMeetingBody>;

export const MeetingDirectiveList = Type.Object({
  meetingId: Type.Integer(),
  meetingTitle: Type.String(),
  concluded: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      directiveId: Type.Integer(),
      position: Type.Integer(),
      text: Type.String(),
      leadUnitId: Nullable(Type.Integer()),
      coordinatingUnitIds: Type.Array(Type.Integer()),
      deadline: Nullable(Type.String()),
      /** The task made from it, if any. */
      taskId: Nullable(Type.Integer()),
    }),
  ),
});
export type MeetingDirectiveList = Static<typeof MeetingDirectiveList>;

export const TaskTransitionBody = Type.Object(
  {
    version: Version,
    action: TaskActionSchema,
    /** Required to return (what is missing) and to cancel (why). */
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type TaskTransitionBody = Static<typeof TaskTransitionBody>;

export const ChangeDeadlineBody = Type.Object(
  { version: Version, ...deadlineFields, comment: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false },
);
export type ChangeDeadlineBody = Static<typeof ChangeDeadlineBody>;
