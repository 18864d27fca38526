import type { Generated, Selectable } from 'kysely';

/**
 * Tables of the task feature. Dates 'YYYY-MM-DD' (Vietnamese calendar days), timestamps ISO UTC
 * strings, like the other features' tables.
 */
export interface TaskTables {
  tasks: TaskTable;
  task_units: TaskUnitTable;
  task_history: TaskHistoryTable;
  task_updates: TaskUpdateTable;
  task_update_attachments: TaskUpdateAttachmentTable;
  task_report_answers: TaskReportAnswerTable;
  task_settings: TaskSettingsTable;
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

/**
 * A progress update, appended and never rewritten: its content stays as written; a unit head's
 * approval (when the convening unit requires it) is recorded in the approval columns beside it.
 */
export interface TaskUpdateTable {
  id: Generated<number>;
  task_id: number;
  /** The unit the update speaks for: the lead unit or one of the coordinating units. */
  unit_id: number;
  /** lead | coordinating */
  role: string;
  note: string;
  /** 0–100; null when the update gives no figure. */
  percent: number | null;
  /** 1 when the lead unit reports the task done (the task moves to reported_done). */
  reports_done: number;
  /** The report the update was given in (the loop: a unit's next report answers its tasks). */
  report_id: number | null;
  /** not_needed | pending | approved | sent_back */
  approval: string;
  approved_by: number | null;
  approved_by_name: string | null;
  approved_at: string | null;
  approval_comment: string | null;
  author_id: number | null;
  author_name: string | null;
  created_at: string;
}

export interface TaskUpdateAttachmentTable {
  id: Generated<number>;
  update_id: number;
  file_name: string;
  mime_type: string;
  size: number;
  data: Buffer;
  created_at: string;
}

/** What a report form says of an open task, kept until the report is sent; then an update. */
export interface TaskReportAnswerTable {
  report_id: number;
  task_id: number;
  note: string;
  percent: number | null;
  reports_done: number;
  updated_at: string;
  updated_by: number | null;
}

/** The convening unit's task settings (no row: the defaults). */
export interface TaskSettingsTable {
  unit_id: number;
  /** 1: a unit's update waits for its head's approval before the secretariat sees it. */
  head_approval: number;
  version: Generated<number>;
  updated_at: string;
}

export type TaskRow = Selectable<TaskTable>;
export type TaskHistoryRow = Selectable<TaskHistoryTable>;
export type TaskUpdateRow = Selectable<TaskUpdateTable>;
