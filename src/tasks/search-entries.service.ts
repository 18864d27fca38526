import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { putSearchEntry, searchText } from '../db/search-index.ts';
import type { Ctx } from '../units/roles.ts';
import { loadUnitTree } from '../units/units.service.ts';
import { canReadTask } from './tasks.policy.ts';
import * as repo from './tasks.repository.ts';
import { tasksByIds } from './search-entries.repository.ts';
import type { TaskState } from './tasks.states.ts';

/*
 * The tasks feature's rows of the workspace search index (src/db/search-index.ts): a task's
 * title, details, expected result and source document, written in the transaction of the
 * change; and who may open what the search found (the task's readers).
 */

/** Writes the index row of a task as it now stands. */
export async function indexTask(db: Db, ctx: Ctx, taskId: number): Promise<void> {
  const t = await repo.findTask(db, taskId);
  if (!t) return;
  await putSearchEntry(
    db,
    {
      kind: 'task',
      subjectId: t.id,
      unitId: t.lead_unit_id,
      title: t.title,
      body: searchText([t.details, t.expected_result, t.source_document]),
      at: t.created_at,
    },
    nowOf(ctx),
  );
}

/** Of these tasks, those the caller may open. */
export async function readableTasks(
  db: Db,
  ctx: Ctx,
  ids: readonly number[],
): Promise<Set<number>> {
  const rows = await tasksByIds(db, ids);
  const coordinating = await repo.coordinatingUnits(
    db,
    rows.map((t) => t.id),
  );
  const tree = await loadUnitTree(db);
  return new Set(
    rows
      .filter((t) =>
        canReadTask(
          ctx.actor,
          {
            unitId: t.unit_id,
            leadUnitId: t.lead_unit_id,
            coordinatingUnitIds: coordinating.get(t.id) ?? [],
            state: t.state as TaskState,
          },
          tree,
        ),
      )
      .map((t) => t.id),
  );
}
