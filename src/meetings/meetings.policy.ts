import { holdsRoleOver } from '../units/units.policy.ts';
import type { Actor } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';
import {
  MEETING_TRANSITIONS,
  isOpen,
  meetingActionsFrom,
  type MeetingPermission,
  type MeetingState,
} from './meetings.states.ts';

/*
 * Who may do what with a meeting. The convening unit's secretariat (and the meeting's
 * secretary) plans and runs it; its chair (or the secretariat on the chair's behalf, recorded
 * as such) concludes; the chair and the admins over the unit follow it. An invited unit's head
 * and reporter read their own meeting and answer its invitation, but read the minutes and the
 * conclusion only once the meeting is concluded. Refusals are 403, as elsewhere.
 */

/** What the policy needs to know about a meeting. */
export interface MeetingAccess {
  /** The convening unit. */
  unitId: number;
  state: MeetingState;
  chairAccountId: number | null;
  secretaryAccountId: number | null;
  invitedUnitIds: readonly number[];
}

/** The convening unit's secretariat plans meetings of its periods. */
export function canPlanMeetings(actor: Actor, convenerId: number, tree: UnitTree): boolean {
  return holdsRoleOver(actor, 'secretariat', convenerId, tree);
}

/** Plans and runs this meeting: the convening unit's secretariat or the meeting's secretary. */
export function canRunMeeting(actor: Actor, m: MeetingAccess, tree: UnitTree): boolean {
  return canPlanMeetings(actor, m.unitId, tree) || actor.id === m.secretaryAccountId;
}

/** Chairs this meeting: its chair account, or a chair of the convening unit. */
export function isMeetingChair(actor: Actor, m: MeetingAccess, tree: UnitTree): boolean {
  return actor.id === m.chairAccountId || holdsRoleOver(actor, 'chair', m.unitId, tree);
}

/** The convening side: runs it, chairs it, or administers the unit. */
export function isConvener(actor: Actor, m: MeetingAccess, tree: UnitTree): boolean {
  return (
    canRunMeeting(actor, m, tree) ||
    isMeetingChair(actor, m, tree) ||
    holdsRoleOver(actor, 'admin', m.unitId, tree)
  );
}

/** The invited units the actor answers for: those where it is head or reporter. */
export function ownInvitedUnits(actor: Actor, m: MeetingAccess, tree: UnitTree): number[] {
  return m.invitedUnitIds.filter(
    (u) => holdsRoleOver(actor, 'unit_head', u, tree) || holdsRoleOver(actor, 'reporter', u, tree),
  );
}

/** Who may read a meeting: the convening side, and the people of an invited unit. */
export function canReadMeeting(actor: Actor, m: MeetingAccess, tree: UnitTree): boolean {
  return isConvener(actor, m, tree) || ownInvitedUnits(actor, m, tree).length > 0;
}

/** Minutes and conclusion: the convening side always, invited units once it is concluded. */
export function canReadRecord(actor: Actor, m: MeetingAccess, tree: UnitTree): boolean {
  return isConvener(actor, m, tree) || (m.state === 'concluded' && canReadMeeting(actor, m, tree));
}

/** The chair concludes, or the secretariat on the chair's behalf. */
export function canConclude(actor: Actor, m: MeetingAccess, tree: UnitTree): boolean {
  return isMeetingChair(actor, m, tree) || canRunMeeting(actor, m, tree);
}

/** Everything the actor may do with the meeting now, for the answer's `actions`. */
export function meetingPermissions(
  actor: Actor,
  m: MeetingAccess,
  tree: UnitTree,
): MeetingPermission[] {
  const runs = canRunMeeting(actor, m, tree);
  const open = isOpen(m.state);
  const planned = m.state === 'planned';
  const records = canReadRecord(actor, m, tree);
  const concludes = canConclude(actor, m, tree);
  const granted: Record<MeetingPermission, boolean> = {
    edit: planned && runs,
    send_invitation: planned && runs,
    respond: planned && ownInvitedUnits(actor, m, tree).length > 0,
    edit_agenda: open && runs,
    run: m.state === 'in_progress' && runs,
    edit_attendance: open && runs,
    read_minutes: records,
    edit_minutes: open && runs,
    read_conclusion: records,
    edit_conclusion: open && concludes,
    answer_proposals: open && concludes,
    start: false,
    conclude: false,
    cancel: false,
  };
  for (const action of meetingActionsFrom(m.state)) {
    granted[action] = MEETING_TRANSITIONS[action].by === 'chair' ? concludes : runs;
  }
  return (Object.keys(granted) as MeetingPermission[]).filter((p) => granted[p]);
}
