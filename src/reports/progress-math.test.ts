import { describe, expect, it } from 'vitest';
import { aggregate, combineUnits, progressOf, quarterEnd, yearFraction } from './progress-math.ts';

describe('aggregation of quarters', () => {
  const q = [10, null, 30, 5] as const;
  it('adds, takes the latest, the highest or the mean of the quarters reported', () => {
    expect(aggregate(q, 'sum')).toBe(45);
    expect(aggregate(q, 'latest')).toBe(5);
    expect(aggregate(q, 'max')).toBe(30);
    expect(aggregate(q, 'average')).toBe(15);
    expect(aggregate([null, null, null, null], 'sum')).toBeNull();
  });

  it('totals units: counts and stocks add up, maxima and means do not', () => {
    expect(combineUnits([1, 2, null], 'latest')).toBe(3);
    expect(combineUnits([1, 4], 'max')).toBe(4);
    expect(combineUnits([80, 90], 'average')).toBe(85);
  });
});

describe('progress against the target', () => {
  const sum = { aggregation: 'sum' as const, higherIsBetter: true };
  it('expects a sum to grow linearly through the year and forecasts the year end from it', () => {
    const f = yearFraction(2017, quarterEnd(2017, 3));
    expect(f).toBeCloseTo(273 / 365, 5);
    const p = progressOf(sum, 600, 1000, f);
    expect(p.percent).toBe(60);
    expect(p.expected).toBeCloseTo(747.95, 1);
    expect(p.status).toBe('behind');
    expect(p.forecast).toBeCloseTo(802.2, 0);
    expect(progressOf(sum, 800, 1000, f).status).toBe('on_track');
  });

  it('compares a level with the target itself, and reverses for lower-is-better', () => {
    const level = { aggregation: 'latest' as const, higherIsBetter: true };
    expect(progressOf(level, 95, 90, 0.5)).toMatchObject({
      expected: 90,
      status: 'on_track',
      forecast: 95,
    });
    const fewer = { aggregation: 'sum' as const, higherIsBetter: false };
    expect(progressOf(fewer, 3, 4, 0.5).status).toBe('behind');
    expect(progressOf(fewer, 2, 4, 0.5).status).toBe('on_track');
  });

  it('says when there is no target or no data rather than guessing', () => {
    expect(progressOf(sum, 5, null, 0.5)).toMatchObject({ status: 'no_target', percent: null });
    expect(progressOf(sum, null, 10, 0.5)).toMatchObject({ status: 'no_data', forecast: null });
  });
});
