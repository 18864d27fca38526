import type { TaskListFilter } from '../../../../src/tasks/overview.schema.ts';

/*
 * The task list's address carries its filters with TaskQuery's names: `state` repeated, yes/no
 * as 1/0 (`/tasks?convenerId=1&unitId=4&role=lead&state=not_started&overdue=1`). The overview
 * writes it; the list page reads it back into the API's query.
 */

const NUMBERS = ['unitId', 'meetingId', 'convenerId'] as const;
const FLAGS = ['overdue', 'dueSoon', 'extended', 'late'] as const;
const DAYS = ['deadlineFrom', 'deadlineTo', 'doneFrom', 'doneTo'] as const;

/** The list's address for a filter. */
export function taskListPath(filter: TaskListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter) as [string, unknown][]) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value])
      params.append(key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return `/tasks?${params.toString()}`;
}

/** The filter an address holds; what is not a filter, or not well formed, is left out. */
export function taskListFilterOf(params: URLSearchParams): TaskListFilter {
  const filter: Record<string, unknown> = {};
  for (const key of NUMBERS) {
    const v = params.get(key);
    if (v && /^[1-9]\d{0,9}$/.test(v)) filter[key] = Number(v);
  }
  for (const key of FLAGS) {
    const v = params.get(key);
    if (v === '1' || v === 'true') filter[key] = true;
    else if (v === '0' || v === 'false') filter[key] = false;
  }
  for (const key of DAYS) {
    const v = params.get(key);
    if (v && /^\d{4}-\d{2}-\d{2}$/.test(v)) filter[key] = v;
  }
  const role = params.get('role');
  if (role === 'lead' || role === 'coordinating') filter.role = role;
  const states = params.getAll('state');
  if (states.length > 0) filter.state = states;
  return filter;
}

/** The filters only the overview's links set (the list page has no control of its own for them). */
export const OVERVIEW_FILTERS = [
  'convenerId',
  'role',
  'extended',
  'doneFrom',
  'doneTo',
  'late',
] as const satisfies readonly (keyof TaskListFilter)[];

/** Those of an address's filters, for the list page to pass on to the API. */
export function overviewFiltersOf(params: URLSearchParams): Partial<TaskListFilter> {
  const all = taskListFilterOf(params);
  return Object.fromEntries(
    OVERVIEW_FILTERS.filter((k) => all[k] !== undefined).map((k) => [k, all[k]]),
  );
}
