/*
 * The report workflow as data (OpenSlides' motion states with their next states): a table of
 * states and the actions leading out of each, checked by one function. Who may take an action
 * is a separate question, answered by the service (see reports.policy.ts).
 */

export const REPORT_STATES = [
  'draft',
  'awaiting_approval',
  'submitted',
  'accepted',
  'returned',
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = [
  'send',
  'approve',
  'send_back',
  'accept',
  'return',
  'reopen',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Who takes an action: the unit's own people or the convening committee's secretariat. */
export type ActionActor = 'unit_writer' | 'unit_head' | 'secretariat';

interface Transition {
  from: ReportState;
  to: ReportState;
  by: ActionActor;
  /** The action needs a comment: a return, by the head or the secretariat, says why. */
  comment: boolean;
}

export const TRANSITIONS: Record<ReportAction, Transition> = {
  send: { from: 'draft', to: 'awaiting_approval', by: 'unit_writer', comment: false },
  approve: { from: 'awaiting_approval', to: 'submitted', by: 'unit_head', comment: false },
  send_back: { from: 'awaiting_approval', to: 'draft', by: 'unit_head', comment: true },
  accept: { from: 'submitted', to: 'accepted', by: 'secretariat', comment: false },
  return: { from: 'submitted', to: 'returned', by: 'secretariat', comment: true },
  reopen: { from: 'returned', to: 'draft', by: 'unit_writer', comment: false },
};

/** Only a draft is edited; everything after it is read-only until it comes back. */
export function isEditable(state: ReportState): boolean {
  return state === 'draft';
}

export type TransitionCheck =
  | { ok: true; to: ReportState; by: ActionActor }
  | { ok: false; reason: 'wrong_state' | 'comment_required' };

/** Whether `action` may be taken from `state`, and where it leads. */
export function checkTransition(
  state: ReportState,
  action: ReportAction,
  comment: string | null | undefined,
): TransitionCheck {
  const t = TRANSITIONS[action];
  if (t.from !== state) return { ok: false, reason: 'wrong_state' };
  if (t.comment && !comment?.trim()) return { ok: false, reason: 'comment_required' };
  return { ok: true, to: t.to, by: t.by };
}

/** The actions leading out of a state. */
export function actionsFrom(state: ReportState): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => TRANSITIONS[a].from === state);
}

/** A submission is late when it reaches the committee after the deadline day (Vietnam time). */
export function isLate(deadline: string, atIso: string): boolean {
  const vnDay = new Date(new Date(atIso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return vnDay > deadline;
}
