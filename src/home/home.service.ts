import { Type, type Static, type TSchema } from 'typebox';
import type { Db } from '../db/schema.ts';
import { portalTodo, PortalTodo } from '../portal/todo.service.ts';
import { reportsTodo, ReportsTodo } from '../reports/todo.service.ts';
import { tasksTodo, TasksTodo } from '../tasks/todo.service.ts';
import type { Ctx } from '../units/roles.ts';

/*
 * The home page's "Việc cần làm": what each feature asks of the signed-in person, gathered in
 * one answer. A feature contributes a part — its schema and the function that reads it through
 * the feature's own services — by adding one entry to TODO_PARTS; the answer then carries it
 * under that key, and the workspace shows it through a home section the feature registers
 * (web/src/features/types.ts, `homeSections`). Nothing here knows what a part contains.
 */

interface TodoPart<S extends TSchema> {
  schema: S;
  load: (db: Db, ctx: Ctx) => Promise<Static<S>>;
}
const part = <S extends TSchema>(p: TodoPart<S>) => p;

export const TODO_PARTS = {
  reports: part({ schema: ReportsTodo, load: reportsTodo }),
  tasks: part({ schema: TasksTodo, load: tasksTodo }),
  portal: part({ schema: PortalTodo, load: portalTodo }),
};
type Parts = typeof TODO_PARTS;

export const Todo = Type.Object(
  Object.fromEntries(Object.entries(TODO_PARTS).map(([key, p]) => [key, p.schema])) as {
    [K in keyof Parts]: Parts[K]['schema'];
  },
);
export type Todo = Static<typeof Todo>;

export async function todoOf(db: Db, ctx: Ctx): Promise<Todo> {
  const answer: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(TODO_PARTS)) answer[key] = await p.load(db, ctx);
  return answer as Todo;
}
