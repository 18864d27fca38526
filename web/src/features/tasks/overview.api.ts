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

export { taskListPath } from './taskListUrl';
