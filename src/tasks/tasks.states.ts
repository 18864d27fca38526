/*
 * A task's life as data: the states and the actions leading out of each, checked by one
 * function. Who may take an action is the policy's question (tasks.policy.ts).
 *
 *   not_started ──start──► in_progress ──report_done──► reported_done ──accept──► accepted
 *                               ▲                              │
 *                               └──resume── returned ◄─return (with a comment)
 *   cancel (with a reason): from any open state ──► cancelled
 *
 * Nothing leaves accepted or cancelled.
 */

export const TASK_STATES = [
  'not_started',
  'in_progress',
  'reported_done',
  'returned',
  'accepted',
  'cancelled',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_ACTIONS = [
  'start',
  'report_done',
  'accept',
  'return',
  'resume',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Who takes an action: the lead unit (its reporter or head), or the convening unit's secretariat. */
export type TaskActor = 'lead' | 'secretariat';

/** States in which the task is still to be done (a deadline can change, it can be cancelled). */
export const OPEN_TASK_STATES = [
  'not_started',
  'in_progress',
  'reported_done',
  'returned',
] as const satisfies readonly TaskState[];

/** States in which the lead unit still owes the work: only these are overdue or due soon. */
export const PENDING_TASK_STATES = [
  'not_started',
  'in_progress',
  'returned',
] as const satisfies readonly TaskState[];

interface Transition {
  from: readonly TaskState[];
  to: TaskState;
  by: TaskActor;
  /** The action needs a comment (a return says what is missing, a cancellation why). */
  comment: boolean;
}

export const TASK_TRANSITIONS: Record<TaskAction, Transition> = {
  start: { from: ['not_started'], to: 'in_progress', by: 'lead', comment: false },
  report_done: { from: ['in_progress'], to: 'reported_done', by: 'lead', comment: false },
  accept: { from: ['reported_done'], to: 'accepted', by: 'secretariat', comment: false },
  return: { from: ['reported_done'], to: 'returned', by: 'secretariat', comment: true },
  resume: { from: ['returned'], to: 'in_progress', by: 'lead', comment: false },
  cancel: { from: OPEN_TASK_STATES, to: 'cancelled', by: 'secretariat', comment: true },
};

export type TaskTransitionCheck =
  | { ok: true; to: TaskState; by: TaskActor }
  | { ok: false; reason: 'wrong_state' | 'comment_required' };

/** Whether `action` may be taken from `state`, and where it leads. */
export function checkTaskTransition(
  state: TaskState,
  action: TaskAction,
  comment?: string | null,
): TaskTransitionCheck {
  const t = TASK_TRANSITIONS[action];
  if (!t.from.includes(state)) return { ok: false, reason: 'wrong_state' };
  if (t.comment && !comment?.trim()) return { ok: false, reason: 'comment_required' };
  return { ok: true, to: t.to, by: t.by };
}

/** The actions leading out of a state. */
export function taskActionsFrom(state: TaskState): TaskAction[] {
  return TASK_ACTIONS.filter((a) => TASK_TRANSITIONS[a].from.includes(state));
}

export function isOpenTask(state: TaskState): boolean {
  return (OPEN_TASK_STATES as readonly TaskState[]).includes(state);
}

/** What a caller may do with a task, listed in every task answer (`actions`). */
export const TASK_PERMISSIONS = ['edit', 'change_deadline', ...TASK_ACTIONS] as const;
export type TaskPermission = (typeof TASK_PERMISSIONS)[number];
