import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERIOD_KINDS, periodsPerYear } from '../../../../src/reports/period-rules';
import {
  canOpenNext,
  englishPeriodName,
  nextQuarter,
  periodDates,
  periodLabel,
  vietnamesePeriodName,
  vietnamToday,
  type PeriodKey,
} from './periodRules';

const periodKey = fc.constantFrom(...PERIOD_KINDS).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    year: fc.integer({ min: 2000, max: 2100 }),
    number: fc.integer({ min: 1, max: periodsPerYear(kind) }),
  }),
);
describe('period dates in the browser', () => {
  it('follow decree 09/2019 by default: Q3 2017 from 15 June to 14 September, due the 20th', () => {
    expect(
      periodDates(
        { kind: 'quarter', year: 2017, number: 3 },
        { dataFromDay: 15, cutoffDay: 14, deadlineDaysAfterCutoff: 6 },
      ),
    ).toMatchObject({ dataFrom: '2017-06-15', cutoffDate: '2017-09-14', deadline: '2017-09-20' });
  });

  it('give the quarter after today, across the year end', () => {
    expect(nextQuarter('2017-10-12')).toEqual({ kind: 'quarter', year: 2018, number: 1 });
    expect(nextQuarter('2018-03-31')).toEqual({ kind: 'quarter', year: 2018, number: 2 });
    expect(vietnamToday(new Date('2017-12-31T18:00:00Z'))).toBe('2018-01-01');
  });
});

describe('period names', () => {
  it('in English are built from kind, year and number', () => {
    const names = (
      [
        ['quarter', 2017, 3],
        ['half', 2018, 1],
        ['half', 2018, 2],
        ['nine_months', 2017, 1],
        ['year', 2017, 1],
      ] as const
    ).map(([kind, year, number]) => englishPeriodName({ kind, year, number }));
    expect(names).toEqual([
      'Q3 2017',
      'First half of 2018',
      'Second half of 2018',
      'First nine months of 2017',
      'Year 2017',
    ]);
  });

  it('in English never give two periods one name', () => {
    fc.assert(
      fc.property(periodKey, periodKey, (a, b) => {
        const same = a.kind === b.kind && a.year === b.year && a.number === b.number;
        expect(englishPeriodName(a) === englishPeriodName(b)).toBe(same);
        expect(vietnamesePeriodName(a) === vietnamesePeriodName(b)).toBe(same);
      }),
    );
  });

  it('show the stored name in Vietnamese and the English one in English', () => {
    const period: PeriodKey & { name: string } = {
      kind: 'nine_months',
      year: 2017,
      number: 1,
      name: '9 tháng năm 2017',
    };
    expect(periodLabel(period, 'vi')).toBe('9 tháng năm 2017');
    expect(periodLabel(period, 'en')).toBe('First nine months of 2017');
  });
});

describe('canOpenNext', () => {
  const q = (number: number, year = 2017, unitId = 1) => ({
    kind: 'quarter' as const,
    year,
    number,
    unitId,
  });
  const periods = [q(1), q(2), q(3), q(4), q(1, 2017, 2)];

  it('offers the next period only after the last one the committee has opened', () => {
    expect(periods.slice(0, 4).map((p) => canOpenNext(p, periods))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('looks at the same committee only, and across the year end', () => {
    expect(canOpenNext(q(1, 2017, 2), periods)).toBe(true);
    expect(canOpenNext(q(4), [...periods, q(1, 2018)])).toBe(false);
  });
});
