import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type * as o from '../../../../src/tasks/overview.schema.ts';

/* The chair's overview of tasks: types from the server's schema (type-only). */

export type TaskOverview = o.TaskOverview;
export type Figure = o.Figure;
export type TaskListFilter = o.TaskListFilter;

export function useTaskOverview(unitId: number | undefined) {
  return useQuery({
    queryKey: ['tasks', 'overview', unitId ?? null],
    queryFn: () => api.get<TaskOverview>('/tasks/overview', { unitId }),
  });
}

/**
 * The task list's address for a figure's filter: TaskQuery's names, `state` repeated, yes/no
 * as 1/0 (`/tasks?convenerId=1&unitId=4&role=lead&overdue=1`).
 */
export function taskListPath(filter: TaskListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter) as [string, unknown][]) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value])
      params.append(key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return `/tasks?${params.toString()}`;
}
