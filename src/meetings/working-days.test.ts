import { describe, expect, it } from 'vitest';
import { isLateNotice, workingDaysNotice } from './working-days.ts';

describe('invitation notice in working days', () => {
  it('counts the days after sending up to the meeting day, Monday to Friday', () => {
    // Monday 2 Oct 2017 → Thursday 5 Oct: Tue, Wed, Thu.
    expect(workingDaysNotice('2017-10-02T03:00:00Z', '2017-10-05T01:30:00Z')).toBe(3);
    // Friday 6 Oct → Wednesday 11 Oct: Mon, Tue, Wed (the weekend does not count).
    expect(workingDaysNotice('2017-10-06T08:00:00Z', '2017-10-11T01:30:00Z')).toBe(3);
    // Saturday → Monday: only Monday.
    expect(workingDaysNotice('2017-10-07T02:00:00Z', '2017-10-09T01:30:00Z')).toBe(1);
    // The same day: none.
    expect(workingDaysNotice('2017-10-11T00:00:00Z', '2017-10-11T01:30:00Z')).toBe(0);
  });

  it('reads days in Vietnam time', () => {
    // 18:00 UTC on Sunday 8 Oct is 01:00 on Monday 9 Oct in Hà Nội: Tue, Wed, Thu follow.
    expect(workingDaysNotice('2017-10-08T18:00:00Z', '2017-10-12T01:30:00Z')).toBe(3);
    // 16:00 UTC on Sunday is still Sunday 23:00 there: Mon…Thu.
    expect(workingDaysNotice('2017-10-08T16:00:00Z', '2017-10-12T01:30:00Z')).toBe(4);
  });

  it('warns below three working days', () => {
    expect(isLateNotice('2017-10-03T03:00:00Z', '2017-10-05T01:30:00Z')).toBe(true);
    expect(isLateNotice('2017-10-02T03:00:00Z', '2017-10-05T01:30:00Z')).toBe(false);
    // Sent after the start: no notice at all.
    expect(workingDaysNotice('2017-10-12T03:00:00Z', '2017-10-11T01:30:00Z')).toBe(0);
  });
});
