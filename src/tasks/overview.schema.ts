import { Type, type Static } from 'typebox';
import { Id, Nullable } from '../http/schema-helpers.ts';
import { TaskQuery } from './tasks.schema.ts';

/*
 * The chair's overview (GET /api/v1/tasks/overview?unitId): every figure with the task list's
 * filters (TaskQuery's names, without paging) that list the tasks it counts.
 */

export const OVERVIEW_DUE_DAYS = 14;

export const OverviewQuery = Type.Object(
  {
    /** The convening unit; by default the first the caller chairs or is the secretariat of. */
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type OverviewQuery = Static<typeof OverviewQuery>;

export const TaskListFilter = Type.Omit(TaskQuery, ['page', 'pageSize']);
export type TaskListFilter = Static<typeof TaskListFilter>;

export const Figure = Type.Object({
  count: Type.Integer(),
  /** The task list's filters that show these tasks (GET /api/v1/tasks, /app/tasks). */
  filter: TaskListFilter,
});
export type Figure = Static<typeof Figure>;

const Rate = Nullable(
  Type.Number({ description: 'accepted ÷ tasks not cancelled, 0–1; null with no task' }),
);

const UnitLoad = Type.Object({
  open: Figure,
  overdue: Figure,
  dueSoon: Figure,
});

export const TaskOverview = Type.Object({
  unitId: Type.Integer({ description: 'The convening unit' }),
  unitName: Type.String(),
  /** Today in Asia/Ho_Chi_Minh, the day overdue and due soon are counted from. */
  today: Type.String(),
  /** Due soon: deadline from today to today + dueDays. */
  dueDays: Type.Integer(),
  /** The convening units the caller may see the overview of. */
  conveners: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String() })),
  totals: Type.Object({
    open: Figure,
    overdue: Figure,
    dueSoon: Figure,
    accepted: Figure,
    /** Tasks not cancelled, the base of the completion rate. */
    assigned: Figure,
    rate: Rate,
    /** Tasks whose deadline was moved later at least once … */
    extended: Figure,
    /** … and how many times deadlines were moved later in all. */
    extensions: Type.Integer(),
  }),
  units: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      lead: UnitLoad,
      coordinating: UnitLoad,
      accepted: Figure,
      assigned: Figure,
      rate: Rate,
      extended: Figure,
      extensions: Type.Integer(),
    }),
  ),
  meetings: Type.Array(
    Type.Object({
      meetingId: Type.Integer(),
      title: Type.String(),
      startsAt: Nullable(Type.String()),
      open: Figure,
      accepted: Figure,
      assigned: Figure,
      rate: Rate,
    }),
  ),
  /** Accepted tasks by the quarter the lead unit reported them done, oldest first. */
  quarters: Type.Array(
    Type.Object({
      year: Type.Integer(),
      quarter: Type.Integer({ minimum: 1, maximum: 4 }),
      onTime: Figure,
      late: Figure,
    }),
  ),
});
export type TaskOverview = Static<typeof TaskOverview>;
