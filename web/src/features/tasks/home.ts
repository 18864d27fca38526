import type { Todo } from '../../api/todo';
import type { TasksTodo as ServerTasksTodo } from '../../../../src/tasks/todo.service.ts';

/** The tasks' part of `GET /api/v1/me/todo` (src/tasks/todo.service.ts); null for other roles. */
export type TasksTodo = NonNullable<ServerTasksTodo>;

export const tasksTodoOf = (todo: Todo) => (todo.tasks ?? null) as TasksTodo | null;

export function countTasksTodo(todo: Todo): number {
  const part = tasksTodoOf(todo);
  if (!part) return 0;
  return (
    (part.owed?.total ?? 0) +
    (part.toApprove?.total ?? 0) +
    (part.toAccept?.total ?? 0) +
    (part.overdue?.total ?? 0)
  );
}
