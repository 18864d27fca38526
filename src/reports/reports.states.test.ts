import { describe, expect, it } from 'vitest';
import { REPORT_STATES, actionsFrom, checkTransition, isLate } from './reports.states.ts';

describe('report workflow table', () => {
  it('runs draft → awaiting approval → submitted → accepted', () => {
    expect(checkTransition('draft', 'send', null)).toEqual({
      ok: true,
      to: 'awaiting_approval',
      by: 'unit_writer',
    });
    expect(checkTransition('awaiting_approval', 'approve', null)).toMatchObject({
      ok: true,
      to: 'submitted',
    });
    expect(checkTransition('submitted', 'accept', null)).toMatchObject({
      ok: true,
      to: 'accepted',
      by: 'secretariat',
    });
  });

  it('returns only with a comment, and a returned report reopens as a draft', () => {
    expect(checkTransition('submitted', 'return', '  ')).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(checkTransition('submitted', 'return', 'Thiếu số liệu')).toMatchObject({
      ok: true,
      to: 'returned',
    });
    expect(checkTransition('returned', 'reopen', null)).toMatchObject({ ok: true, to: 'draft' });
  });

  it("needs a reason for the head's send-back too", () => {
    expect(checkTransition('awaiting_approval', 'send_back', null)).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(checkTransition('awaiting_approval', 'send_back', 'Bổ sung mục 2')).toMatchObject({
      ok: true,
      to: 'draft',
    });
  });

  it('refuses every action from a state it does not leave', () => {
    expect(checkTransition('draft', 'accept', null)).toEqual({ ok: false, reason: 'wrong_state' });
    expect(checkTransition('accepted', 'return', 'x')).toEqual({
      ok: false,
      reason: 'wrong_state',
    });
    expect(actionsFrom('accepted')).toEqual([]);
    for (const s of REPORT_STATES)
      for (const a of actionsFrom(s)) expect(checkTransition(s, a, 'c').ok).toBe(true);
  });

  it('marks late by the Vietnamese calendar day of the deadline', () => {
    expect(isLate('2017-09-20', '2017-09-20T16:59:00.000Z')).toBe(false); // 23:59 in Hà Nội
    expect(isLate('2017-09-20', '2017-09-20T17:00:00.000Z')).toBe(true); // 00:00 on the 21st
  });
});
