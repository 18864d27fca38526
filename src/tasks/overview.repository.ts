import type { Db } from '../db/schema.ts';
import { doneAtOf } from './tasks.repository.ts';

/*
 * The chair's overview counted in the database: one grouped query per table of the page, over
 * the convening unit's tasks (tasks_unit_idx), so the answer's size follows the number of
 * units and meetings, not of tasks.
 */

/** Per group and state: tasks, those with a deadline before today, in the due window, extended. */
export interface StateCounts {
  state: string;
  n: number;
  beforeToday: number;
  dueWindow: number;
  extended: number;
  extensions: number;
}

const num = (v: unknown) => Number(v ?? 0);

function counted<T extends { state: string }>(
  row: T & Record<'n' | 'before_today' | 'due_window' | 'extended' | 'extensions', unknown>,
) {
  return {
    state: row.state,
    n: num(row.n),
    beforeToday: num(row.before_today),
    dueWindow: num(row.due_window),
    extended: num(row.extended),
    extensions: num(row.extensions),
  };
}

interface Window {
  today: string;
  /** The last day of the due window. */
  until: string;
}

/** Counts of the convener's tasks by lead unit and state. */
export async function countsByLeadUnit(db: Db, convenerId: number, w: Window) {
  const rows = await db
    .selectFrom('tasks')
    .where('unit_id', '=', convenerId)
    .select((eb) => [
      'lead_unit_id as group_id',
      'state',
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when('deadline', '<', w.today).then(1).else(0).end()).as('before_today'),
      eb.fn
        .sum(
          eb
            .case()
            .when(eb.and([eb('deadline', '>=', w.today), eb('deadline', '<=', w.until)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('due_window'),
      eb.fn.sum(eb.case().when('extensions', '>', 0).then(1).else(0).end()).as('extended'),
      eb.fn.sum('extensions').as('extensions'),
    ])
    .groupBy(['lead_unit_id', 'state'])
    .execute();
  return rows.map((r) => ({ groupId: r.group_id, ...counted(r) }));
}

/** Counts of the convener's tasks by coordinating unit and state. */
export async function countsByCoordinatingUnit(db: Db, convenerId: number, w: Window) {
  const rows = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .where('tasks.unit_id', '=', convenerId)
    .select((eb) => [
      'task_units.unit_id as group_id',
      'tasks.state as state',
      eb.fn.countAll().as('n'),
      eb.fn
        .sum(eb.case().when('tasks.deadline', '<', w.today).then(1).else(0).end())
        .as('before_today'),
      eb.fn
        .sum(
          eb
            .case()
            .when(
              eb.and([eb('tasks.deadline', '>=', w.today), eb('tasks.deadline', '<=', w.until)]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('due_window'),
      eb.fn.sum(eb.case().when('tasks.extensions', '>', 0).then(1).else(0).end()).as('extended'),
      eb.fn.sum('tasks.extensions').as('extensions'),
    ])
    .groupBy(['task_units.unit_id', 'tasks.state'])
    .execute();
  return rows.map((r) => ({ groupId: r.group_id, ...counted(r) }));
}

/** Counts of the convener's tasks made from meetings' directives, by meeting and state. */
export async function countsByMeeting(db: Db, convenerId: number) {
  const rows = await db
    .selectFrom('tasks')
    .where('unit_id', '=', convenerId)
    .where('source_meeting_id', 'is not', null)
    .select((eb) => ['source_meeting_id as group_id', 'state', eb.fn.countAll().as('n')])
    .groupBy(['source_meeting_id', 'state'])
    .execute();
  return rows.map((r) => ({ meetingId: r.group_id!, state: r.state, n: num(r.n) }));
}

/** The convener's accepted tasks: deadline and when the lead unit last reported each done. */
export async function acceptedTasks(db: Db, convenerId: number) {
  const rows = await db
    .selectFrom('tasks')
    .where('unit_id', '=', convenerId)
    .where('state', '=', 'accepted')
    .select((eb) => ['deadline', doneAtOf(eb).as('done_at')])
    .execute();
  return rows.map((r) => ({ deadline: r.deadline, doneAt: r.done_at }));
}
