import type { FieldProblem } from '../http/errors.ts';
import { isCalendarDay, vnDayEnd, vnDayStart } from './deadlines.ts';
import type { TaskFilter } from './tasks.repository.ts';
import type { TaskQuery } from './tasks.schema.ts';

/*
 * The task list's filters that the chair's overview links with (each figure of the overview
 * names the list that shows the tasks behind it): the convening unit, the unit's role, tasks
 * extended, and accepted tasks by when they were done and whether that was late.
 */

type OverviewQuery = Pick<
  TaskQuery,
  'unitId' | 'convenerId' | 'role' | 'extended' | 'doneFrom' | 'doneTo' | 'late'
>;

/** What is wrong with these filters, by field. */
export function overviewFilterProblems(q: OverviewQuery): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  if (q.role !== undefined && q.unitId === undefined) fields.unitId = { rule: 'required' };
  if (q.doneFrom && !isCalendarDay(q.doneFrom))
    fields.doneFrom = { rule: 'format', params: { format: 'date' } };
  if (q.doneTo && !isCalendarDay(q.doneTo))
    fields.doneTo = { rule: 'format', params: { format: 'date' } };
  if (q.doneFrom && q.doneTo && q.doneTo < q.doneFrom)
    fields.doneTo = { rule: 'dateOrder', params: { other: q.doneFrom } };
  return fields;
}

/** The repository's filter for them (checked first by overviewFilterProblems). */
export function overviewFilters(q: OverviewQuery): Partial<TaskFilter> {
  const byDone = q.doneFrom !== undefined || q.doneTo !== undefined || q.late !== undefined;
  return {
    ...(q.convenerId !== undefined && { convenerId: q.convenerId }),
    ...(q.role !== undefined && { role: q.role }),
    ...(q.extended !== undefined && { extended: q.extended }),
    ...(byDone && {
      done: {
        ...(q.doneFrom && { fromAt: vnDayStart(q.doneFrom) }),
        ...(q.doneTo && { beforeAt: vnDayEnd(q.doneTo) }),
        ...(q.late !== undefined && { late: q.late }),
      },
    }),
  };
}
