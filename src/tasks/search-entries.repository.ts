import type { Db } from '../db/schema.ts';

/** Tasks by id. */
export function tasksByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}
