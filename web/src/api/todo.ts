import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

/**
 * The signed-in person's to-do list (`GET /api/v1/me/todo`): one part per feature, under the
 * feature's key (see src/home/home.service.ts). Each home section reads and types its own part.
 */
export type Todo = Record<string, unknown>;

export const todoKey = ['me', 'todo'] as const;

/** Fetched again whenever the home page is opened: what is due changes with every action. */
export function useTodo() {
  return useQuery({
    queryKey: todoKey,
    queryFn: () => api.get<Todo>('/me/todo'),
    staleTime: 0,
  });
}
