import type { Generated, Selectable } from 'kysely';

/**
 * Tables of the task feature. Dates 'YYYY-MM-DD' (Vietnamese calendar days), timestamps ISO UTC
 * strings, like the other features' tables.
 */
export interface TaskTables {
  tasks: TaskTable;
  task_units: TaskUnitTable;
  task_history: TaskHistoryTable;
}

export interface TaskTable {
  id: Generated<number>;
  /** The convening unit: its secretariat issues and follows the task, its chair reads it. */
  unit_id: number;
  title: string;
  details: string;
  /** The lead unit (chủ trì): exactly one. */
  lead_unit_id: number;
  deadline: string;
  /** date | end_of_quarter | end_of_year: how the deadline was given (it is stored as a date). */
  deadline_kind: string;
  /** How many times the deadline was moved later. */
  extensions: Generated<number>;
  expected_result: string;
  /** directive | document | other */
  source_kind: string;
  source_meeting_id: number | null;
  /** Unique: a directive becomes at most one task. */
  source_directive_id: number | null;
  /** The document's number and date as written (e.g. "Công văn số 125-CV/TU ngày 02/10/2017"). */
  source_document: string | null;
  /** tasks.states.ts */
  state: string;
  version: Generated<number>;
  created_at: string;
  created_by: number | null;
  created_by_name: string | null;
  updated_at: string;
}

/** A coordinating unit (phối hợp). */
export interface TaskUnitTable {
  task_id: number;
  unit_id: number;
}

/** Every change of a task's state or deadline, appended, never rewritten. */
export interface TaskHistoryTable {
  id: Generated<number>;
  task_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  /** created | transition | deadline */
  kind: string;
  /** The transition's action (tasks.states.ts), for kind = transition. */
  action: string | null;
  from_state: string | null;
  to_state: string | null;
  old_deadline: string | null;
  new_deadline: string | null;
  comment: string | null;
}

export type TaskRow = Selectable<TaskTable>;
export type TaskHistoryRow = Selectable<TaskHistoryTable>;
