import { describe, expect, it } from 'vitest';
import { agendaOverrun, moveItem, workingDaysBetween } from './timing';

describe('agenda against the meeting length', () => {
  it('adds the planned durations and says by how much they overrun', () => {
    const length = 9000;
    const items = [{ plannedSeconds: 6000 }, { plannedSeconds: 3600 }];
    expect(agendaOverrun(items, length)).toEqual({ plannedSeconds: 9600, overSeconds: 600 });
    expect(agendaOverrun(items.slice(0, 1), length).overSeconds).toBeLessThan(0);
    expect(agendaOverrun(items, 0).overSeconds).toBe(0);
  });
});

describe('workingDaysBetween', () => {
  it('counts Monday to Friday between the two days, both left out, in Vietnam time', () => {
    // Friday 6/10/2017 for Wednesday 11/10/2017: Monday and Tuesday.
    expect(workingDaysBetween('2017-10-06T03:00:00Z', '2017-10-11T01:00:00Z')).toBe(2);
    // Wednesday 4/10 for Wednesday 11/10: Thu, Fri, Mon, Tue.
    expect(workingDaysBetween('2017-10-04T03:00:00Z', '2017-10-11T01:00:00Z')).toBe(4);
    // 23:30 on Wednesday in UTC is already Thursday in Vietnam.
    expect(workingDaysBetween('2017-10-04T17:30:00Z', '2017-10-11T01:00:00Z')).toBe(3);
    expect(workingDaysBetween('2017-10-11T00:00:00Z', '2017-10-11T01:00:00Z')).toBe(0);
  });
});

describe('moveItem', () => {
  it('moves one item and keeps the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
