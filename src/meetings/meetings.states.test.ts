import { describe, expect, it } from 'vitest';
import {
  checkMeetingTransition,
  isOpen,
  MEETING_ACTIONS,
  MEETING_STATES,
  meetingActionsFrom,
} from './meetings.states.ts';

describe('meeting states', () => {
  it('leads planned → in_progress → concluded, and planned → cancelled', () => {
    expect(checkMeetingTransition('planned', 'start')).toEqual({
      ok: true,
      to: 'in_progress',
      by: 'secretariat',
    });
    expect(checkMeetingTransition('in_progress', 'conclude')).toEqual({
      ok: true,
      to: 'concluded',
      by: 'chair',
    });
    expect(checkMeetingTransition('planned', 'cancel', 'Trùng lịch')).toEqual({
      ok: true,
      to: 'cancelled',
      by: 'secretariat',
    });
  });

  it('needs a reason to cancel', () => {
    expect(checkMeetingTransition('planned', 'cancel')).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(checkMeetingTransition('planned', 'cancel', '   ')).toEqual({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('lets nothing leave concluded or cancelled', () => {
    for (const state of ['concluded', 'cancelled'] as const) {
      expect(meetingActionsFrom(state)).toEqual([]);
      for (const action of MEETING_ACTIONS) {
        expect(checkMeetingTransition(state, action, 'x')).toEqual({
          ok: false,
          reason: 'wrong_state',
        });
      }
    }
  });

  it('refuses starting twice, concluding a planned meeting and cancelling a running one', () => {
    expect(checkMeetingTransition('in_progress', 'start').ok).toBe(false);
    expect(checkMeetingTransition('planned', 'conclude').ok).toBe(false);
    expect(checkMeetingTransition('in_progress', 'cancel', 'x').ok).toBe(false);
  });

  it('lists the actions out of each state and which states are still open', () => {
    expect(meetingActionsFrom('planned')).toEqual(['start', 'cancel']);
    expect(meetingActionsFrom('in_progress')).toEqual(['conclude']);
    expect(MEETING_STATES.filter(isOpen)).toEqual(['planned', 'in_progress']);
  });
});
