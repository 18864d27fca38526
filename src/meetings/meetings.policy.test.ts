import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../units/roles.ts';
import { UnitTree } from '../units/unit-tree.ts';
import {
  canConclude,
  canReadMeeting,
  canReadRecord,
  meetingPermissions,
  type MeetingAccess,
} from './meetings.policy.ts';

// Committee 1 with boards 2 and 3 beneath it; board 4 under another committee 5.
const tree = new UnitTree(
  new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 1],
    [5, null],
    [4, 5],
  ]),
);
const actor = (id: number, role: Role, unitId: number): Actor => ({
  id,
  username: `u${id}`,
  fullName: `U${id}`,
  roles: [{ unitId, role }],
});
const secretariat = actor(1, 'secretariat', 1);
const chair = actor(2, 'chair', 1);
const reporter2 = actor(3, 'reporter', 2);
const head4 = actor(4, 'unit_head', 4);
const secretary = actor(9, 'editor', 1);
const meeting = (state: MeetingAccess['state']): MeetingAccess => ({
  unitId: 1,
  state,
  chairAccountId: 2,
  secretaryAccountId: 9,
  invitedUnitIds: [2, 3],
});

describe('meeting policy', () => {
  it('lets the secretariat and the meeting’s secretary plan and run, the chair conclude', () => {
    expect(meetingPermissions(secretariat, meeting('planned'), tree)).toEqual([
      'edit',
      'send_invitation',
      'edit_agenda',
      'edit_attendance',
      'read_minutes',
      'edit_minutes',
      'read_conclusion',
      'edit_conclusion',
      'answer_proposals',
      'start',
      'cancel',
    ]);
    expect(meetingPermissions(secretary, meeting('in_progress'), tree)).toContain('run');
    expect(meetingPermissions(chair, meeting('in_progress'), tree)).toEqual([
      'read_minutes',
      'read_conclusion',
      'edit_conclusion',
      'answer_proposals',
      'conclude',
    ]);
    expect(canConclude(secretariat, meeting('in_progress'), tree)).toBe(true);
    expect(canConclude(reporter2, meeting('in_progress'), tree)).toBe(false);
  });

  it('lets an invited unit read its meeting and answer, and read the record once concluded', () => {
    expect(canReadMeeting(reporter2, meeting('planned'), tree)).toBe(true);
    expect(meetingPermissions(reporter2, meeting('planned'), tree)).toEqual(['respond']);
    expect(canReadRecord(reporter2, meeting('in_progress'), tree)).toBe(false);
    expect(canReadRecord(reporter2, meeting('concluded'), tree)).toBe(true);
    expect(meetingPermissions(reporter2, meeting('concluded'), tree)).toEqual([
      'read_minutes',
      'read_conclusion',
    ]);
  });

  it('keeps everyone else out, and nothing changes after the conclusion', () => {
    expect(canReadMeeting(head4, meeting('planned'), tree)).toBe(false);
    expect(canReadRecord(head4, meeting('concluded'), tree)).toBe(false);
    expect(meetingPermissions(secretariat, meeting('concluded'), tree)).toEqual([
      'read_minutes',
      'read_conclusion',
    ]);
    expect(meetingPermissions(secretariat, meeting('cancelled'), tree)).toEqual([
      'read_minutes',
      'read_conclusion',
    ]);
  });
});
