/*
 * How quarterly values add up to a year and how that compares with the target: plain
 * functions, so the rules are tested without a database and the benchmark measures SQL only.
 */

export const AGGREGATIONS = ['sum', 'latest', 'max', 'average'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export type ProgressStatus = 'on_track' | 'behind' | 'no_target' | 'no_data';

/** Quarter values Q1..Q4, null where the unit has not reported that quarter. */
export type QuarterValues = readonly [number | null, number | null, number | null, number | null];

/** The year-to-date value: the sum, the latest quarter's value, the highest, or the mean. */
export function aggregate(values: QuarterValues, how: Aggregation): number | null {
  // Plain loops: this runs once per unit and indicator, 50,000 times for a province.
  let count = 0;
  let sum = 0;
  let max = -Infinity;
  let latest = 0;
  for (const v of values) {
    if (v === null) continue;
    count += 1;
    sum += v;
    if (v > max) max = v;
    latest = v;
  }
  if (count === 0) return null;
  switch (how) {
    case 'sum':
      return sum;
    case 'latest':
      return latest;
    case 'max':
      return max;
    case 'average':
      return sum / count;
  }
}

/** Combines several units' year values into the committee's total, the same way per kind. */
export function combineUnits(values: readonly (number | null)[], how: Aggregation): number | null {
  // Plain loops: this runs over every unit of a province for each indicator and quarter.
  let count = 0;
  let sum = 0;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    count += 1;
    sum += v;
    if (v > max) max = v;
  }
  if (count === 0) return null;
  switch (how) {
    case 'sum':
    case 'latest':
      return sum;
    case 'max':
      return max;
    case 'average':
      return sum / count;
  }
}

/** The share of `year` elapsed at the end of day `asOf` ('YYYY-MM-DD'), between 0 and 1. */
export function yearFraction(year: number, asOf: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d + 1);
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

/** The last day of a quarter, the date the data of that quarter speaks for. */
export function quarterEnd(year: number, quarter: number): string {
  return new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
}

export interface Progress {
  actual: number | null;
  target: number | null;
  /** actual / target, in percent, one decimal. */
  percent: number | null;
  /** Where the unit should be by now: the target scaled linearly by date for sums, else the target. */
  expected: number | null;
  status: ProgressStatus;
  /** Year-end forecast: a sum extrapolated linearly from the elapsed share, else the value itself. */
  forecast: number | null;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Year to date against the target, with a linear expectation for cumulative indicators. */
export function progressOf(
  indicator: { aggregation: Aggregation; higherIsBetter: boolean },
  actual: number | null,
  target: number | null,
  fraction: number,
): Progress {
  const cumulative = indicator.aggregation === 'sum';
  const expected = target === null ? null : round(cumulative ? target * fraction : target);
  const forecast =
    actual === null
      ? null
      : cumulative
        ? fraction > 0
          ? round(actual / fraction)
          : null
        : round(actual);
  const percent =
    actual !== null && target !== null && target !== 0 ? round((actual / target) * 100, 1) : null;
  let status: ProgressStatus;
  if (target === null) status = 'no_target';
  else if (actual === null) status = 'no_data';
  else if (indicator.higherIsBetter) status = actual >= expected! ? 'on_track' : 'behind';
  else status = actual <= expected! ? 'on_track' : 'behind';
  return {
    actual: actual === null ? null : round(actual),
    target,
    percent,
    expected,
    status,
    forecast,
  };
}
