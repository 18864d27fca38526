/*
 * The meeting's life as data: the states and the actions leading out of each, checked by one
 * function. Who may take an action is the policy's question (meetings.policy.ts).
 *
 *   planned ──start──► in_progress ──conclude──► concluded
 *      └──cancel (with a reason)──► cancelled
 *
 * Nothing leaves concluded or cancelled.
 */

export const MEETING_STATES = ['planned', 'in_progress', 'concluded', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const MEETING_ACTIONS = ['start', 'conclude', 'cancel'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

/** Who takes an action: the convening unit's secretariat, or the chair (or secretariat for the chair). */
export type MeetingActor = 'secretariat' | 'chair';

interface Transition {
  from: MeetingState;
  to: MeetingState;
  by: MeetingActor;
  /** The action needs a reason (a cancellation says why). */
  reason: boolean;
}

export const MEETING_TRANSITIONS: Record<MeetingAction, Transition> = {
  start: { from: 'planned', to: 'in_progress', by: 'secretariat', reason: false },
  conclude: { from: 'in_progress', to: 'concluded', by: 'chair', reason: false },
  cancel: { from: 'planned', to: 'cancelled', by: 'secretariat', reason: true },
};

export type MeetingTransitionCheck =
  | { ok: true; to: MeetingState; by: MeetingActor }
  | { ok: false; reason: 'wrong_state' | 'reason_required' };

/** Whether `action` may be taken from `state`, and where it leads. */
export function checkMeetingTransition(
  state: MeetingState,
  action: MeetingAction,
  reason?: string | null,
): MeetingTransitionCheck {
  const t = MEETING_TRANSITIONS[action];
  if (t.from !== state) return { ok: false, reason: 'wrong_state' };
  if (t.reason && !reason?.trim()) return { ok: false, reason: 'reason_required' };
  return { ok: true, to: t.to, by: t.by };
}

/** The actions leading out of a state. */
export function meetingActionsFrom(state: MeetingState): MeetingAction[] {
  return MEETING_ACTIONS.filter((a) => MEETING_TRANSITIONS[a].from === state);
}

/** Invitation answers, the agenda, attendance and the texts change only before the conclusion. */
export function isOpen(state: MeetingState): boolean {
  return state === 'planned' || state === 'in_progress';
}

/**
 * What a caller may do with a meeting, as listed in every meeting answer (`actions`) so the
 * workspace shows the right buttons: the transitions above plus the edits of each part.
 */
export const MEETING_PERMISSIONS = [
  'edit',
  'send_invitation',
  'respond',
  'edit_agenda',
  'run',
  'edit_attendance',
  'read_minutes',
  'edit_minutes',
  'read_conclusion',
  'edit_conclusion',
  'answer_proposals',
  ...MEETING_ACTIONS,
] as const;
export type MeetingPermission = (typeof MEETING_PERMISSIONS)[number];
