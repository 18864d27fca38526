import { describe, expect, it } from 'vitest';
import { quarterDays, quarterOf, vnDayEnd, vnDayStart, vnToday } from './deadlines.ts';

describe('Vietnamese days and quarters of the overview', () => {
  it('bounds a Vietnamese day in UTC: from 17:00 the day before to 17:00 that day', () => {
    expect(vnDayStart('2018-01-01')).toBe('2017-12-31T17:00:00.000Z');
    expect(vnDayEnd('2017-12-31')).toBe('2017-12-31T17:00:00.000Z');
    // The bounds agree with vnToday on either side of midnight in Hanoi.
    expect(vnToday('2017-12-31T16:59:59.999Z')).toBe('2017-12-31');
    expect(vnToday(vnDayEnd('2017-12-31'))).toBe('2018-01-01');
    // A stored time without milliseconds still compares as the instant it is.
    expect('2017-12-31T17:00:00Z' >= vnDayEnd('2017-12-31')).toBe(true);
    expect('2017-12-31T16:59:59Z' < vnDayEnd('2017-12-31')).toBe(true);
  });

  it('names the quarter of a day and its first and last days', () => {
    expect(quarterOf('2017-10-01')).toEqual({ year: 2017, quarter: 4 });
    expect(quarterOf('2018-03-31')).toEqual({ year: 2018, quarter: 1 });
    expect(quarterDays(2017, 4)).toEqual({ from: '2017-10-01', to: '2017-12-31' });
    expect(quarterDays(2016, 1)).toEqual({ from: '2016-01-01', to: '2016-03-31' });
    expect(quarterDays(2018, 2)).toEqual({ from: '2018-04-01', to: '2018-06-30' });
  });
});
