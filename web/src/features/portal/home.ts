import type { Todo } from '../../api/todo';

interface ArticleList {
  total: number;
  items: { id: number; title: string; publishAt: string | null; updatedAt: string }[];
}

/** The portal's part of `GET /api/v1/me/todo` (src/portal/todo.service.ts); null for non-editors. */
export interface PortalTodo {
  drafts: ArticleList;
  scheduled: ArticleList;
}

export const portalTodoOf = (todo: Todo) => (todo.portal ?? null) as PortalTodo | null;

export function countPortalTodo(todo: Todo): number {
  const part = portalTodoOf(todo);
  return part ? part.drafts.total + part.scheduled.total : 0;
}
