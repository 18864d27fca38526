import { describe, expect, it } from 'vitest';
import {
  agendaOverrun,
  clockOffset,
  countdown,
  elapsedSeconds,
  formatClock,
  meetingLengthSeconds,
  moveItem,
  workingDaysBetween,
} from './timing';

describe('formatClock', () => {
  it('shows minutes and seconds, hours from an hour, the size of a negative value', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(600)).toBe('10:00');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-42.7)).toBe('0:42');
  });
});

describe('elapsedSeconds', () => {
  const startedAt = '2017-10-11T01:00:00.000Z';
  const now = Date.parse('2017-10-11T01:05:00.000Z');

  it('counts from the start less the pauses', () => {
    expect(elapsedSeconds({ startedAt, pausedAt: null, pausedMs: 0 }, now)).toBe(300);
    expect(elapsedSeconds({ startedAt, pausedAt: null, pausedMs: 60_000 }, now)).toBe(240);
  });

  it('stops at the pause under way', () => {
    const t = { startedAt, pausedAt: '2017-10-11T01:02:00.000Z', pausedMs: 30_000 };
    expect(elapsedSeconds(t, now)).toBe(90);
    expect(elapsedSeconds(t, now + 600_000)).toBe(90);
  });

  it("follows the server's clock, not the browser's", () => {
    // The browser is 10 s behind the server.
    const offset = clockOffset('2017-10-11T01:05:10.000Z', now);
    expect(offset).toBe(10_000);
    expect(elapsedSeconds({ startedAt, pausedAt: null, pausedMs: 0 }, now, offset)).toBe(310);
  });

  it('never goes below zero (a browser clock ahead of the start)', () => {
    expect(elapsedSeconds({ startedAt, pausedAt: null, pausedMs: 0 }, now - 3_600_000)).toBe(0);
  });
});

describe('countdown', () => {
  it('is normal, then warns in the last seconds, then runs over', () => {
    expect(countdown(300, 100, 60)).toEqual({ remaining: 200, phase: 'normal' });
    expect(countdown(300, 240, 60)).toEqual({ remaining: 60, phase: 'warning' });
    expect(countdown(300, 300, 60)).toEqual({ remaining: 0, phase: 'warning' });
    expect(countdown(300, 330, 60)).toEqual({ remaining: -30, phase: 'overtime' });
  });
});

describe('agenda against the meeting length', () => {
  it('adds the planned durations and says by how much they overrun', () => {
    const length = meetingLengthSeconds('2017-10-11T01:00:00Z', '2017-10-11T03:30:00Z');
    expect(length).toBe(9000);
    const items = [{ plannedSeconds: 6000 }, { plannedSeconds: 3600 }];
    expect(agendaOverrun(items, length)).toEqual({ plannedSeconds: 9600, overSeconds: 600 });
    expect(agendaOverrun(items.slice(0, 1), length).overSeconds).toBeLessThan(0);
    expect(meetingLengthSeconds('2017-10-11T01:00:00Z', null)).toBe(0);
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
