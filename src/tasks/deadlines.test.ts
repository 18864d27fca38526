import { describe, expect, it } from 'vitest';
import {
  DUE_SOON_DAYS,
  addDays,
  deadlineOfChoice,
  deadlineProblem,
  dueStatus,
  isCalendarDay,
  vnToday,
} from './deadlines.ts';

describe('task deadlines', () => {
  it('takes today in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(vnToday('2017-10-11T16:59:59Z')).toBe('2017-10-11');
    expect(vnToday('2017-10-11T17:00:00Z')).toBe('2017-10-12');
  });

  it('turns "end of the quarter/year" into the last day', () => {
    expect(deadlineOfChoice('end_of_quarter', '2017-10-12')).toBe('2017-12-31');
    expect(deadlineOfChoice('end_of_quarter', '2017-08-01')).toBe('2017-09-30');
    expect(deadlineOfChoice('end_of_quarter', '2016-01-15')).toBe('2016-03-31');
    expect(deadlineOfChoice('end_of_quarter', '2017-05-31')).toBe('2017-06-30');
    expect(deadlineOfChoice('end_of_year', '2017-02-01')).toBe('2017-12-31');
  });

  it('refuses days that do not exist, the past and more than ten years ahead', () => {
    expect(isCalendarDay('2017-02-29')).toBe(false);
    expect(isCalendarDay('2016-02-29')).toBe(true);
    expect(isCalendarDay('2017-13-01')).toBe(false);
    expect(deadlineProblem('2017-10-11', '2017-10-12')).toBe('past');
    expect(deadlineProblem('2017-10-12', '2017-10-12')).toBeNull();
    expect(deadlineProblem('2027-10-12', '2017-10-12')).toBeNull();
    expect(deadlineProblem('2027-10-13', '2017-10-12')).toBe('tooFar');
  });

  it(`is overdue after the deadline and due soon within ${DUE_SOON_DAYS} days, only while owed`, () => {
    const today = '2017-10-12';
    expect(dueStatus('2017-10-11', true, today)).toEqual({ overdue: true, dueSoon: false });
    expect(dueStatus('2017-10-12', true, today)).toEqual({ overdue: false, dueSoon: true });
    expect(dueStatus(addDays(today, DUE_SOON_DAYS), true, today)).toEqual({
      overdue: false,
      dueSoon: true,
    });
    expect(dueStatus(addDays(today, DUE_SOON_DAYS + 1), true, today)).toEqual({
      overdue: false,
      dueSoon: false,
    });
    expect(dueStatus('2017-10-01', false, today)).toEqual({ overdue: false, dueSoon: false });
  });
});
