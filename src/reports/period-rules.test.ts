import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERIOD_RULE,
  nextPeriodKey,
  periodDates,
  periodName,
  periodQuarters,
} from './period-rules.ts';

describe('period rules', () => {
  it('names periods the way the committee writes them', () => {
    expect(periodName({ kind: 'quarter', year: 2017, number: 3 })).toBe('Quý III/2017');
    expect(periodName({ kind: 'half', year: 2018, number: 1 })).toBe('6 tháng đầu năm 2018');
    expect(periodName({ kind: 'nine_months', year: 2017, number: 1 })).toBe('9 tháng đầu năm 2017');
    expect(periodName({ kind: 'year', year: 2017, number: 1 })).toBe('Năm 2017');
  });

  it('uses the decree 09/2019 window by default: 15th of the month before to the 14th of the last', () => {
    expect(periodDates({ kind: 'quarter', year: 2017, number: 3 }, DEFAULT_PERIOD_RULE)).toEqual({
      startDate: '2017-07-01',
      endDate: '2017-09-30',
      dataFrom: '2017-06-15',
      cutoffDate: '2017-09-14',
      deadline: '2017-09-20',
    });
    // The first quarter's window opens in December of the year before.
    expect(
      periodDates({ kind: 'quarter', year: 2018, number: 1 }, DEFAULT_PERIOD_RULE).dataFrom,
    ).toBe('2017-12-15');
  });

  it('follows another rule when the settings change it, clamping to the month length', () => {
    const rule = { dataFromDay: 31, cutoffDay: 31, deadlineDaysAfterCutoff: 10 };
    const dates = periodDates({ kind: 'half', year: 2018, number: 1 }, rule);
    expect(dates).toMatchObject({
      dataFrom: '2017-12-31',
      cutoffDate: '2018-06-30',
      deadline: '2018-07-10',
    });
  });

  it('steps to the next period across the year end, and knows the quarters a period covers', () => {
    expect(nextPeriodKey({ kind: 'quarter', year: 2017, number: 4 })).toEqual({
      kind: 'quarter',
      year: 2018,
      number: 1,
    });
    expect(nextPeriodKey({ kind: 'quarter', year: 2017, number: 3 })).toEqual({
      kind: 'quarter',
      year: 2017,
      number: 4,
    });
    expect(nextPeriodKey({ kind: 'year', year: 2017, number: 1 })).toEqual({
      kind: 'year',
      year: 2018,
      number: 1,
    });
    expect(periodQuarters({ kind: 'nine_months', year: 2017, number: 1 })).toEqual([1, 2, 3]);
    expect(periodQuarters({ kind: 'half', year: 2017, number: 2 })).toEqual([3, 4]);
  });
});
