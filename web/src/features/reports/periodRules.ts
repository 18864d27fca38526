import type { Lang } from '../../i18n';
// The server's period rules are plain functions with no imports: the browser runs the same
// code, so the settings page's example is what a period opened under the rule gets.
import {
  DEFAULT_PERIOD_RULE,
  PERIOD_KINDS,
  nextPeriodKey,
  periodDates,
  periodName,
  periodsPerYear,
  type PeriodDateRule,
  type PeriodKey,
} from '../../../../src/reports/period-rules';

export { DEFAULT_PERIOD_RULE, PERIOD_KINDS, periodDates, periodsPerYear, type PeriodKey };
export type PeriodRule = PeriodDateRule;

/** "Quý III/2017", "6 tháng đầu năm 2018", "9 tháng đầu năm 2017", "Năm 2017", as stored. */
export const vietnamesePeriodName = periodName;

/** "Q3 2017", "First half of 2018", "First nine months of 2017", "Year 2017". */
export function englishPeriodName({ kind, year, number }: PeriodKey): string {
  switch (kind) {
    case 'quarter':
      return `Q${number} ${year}`;
    case 'half':
      return `${number === 1 ? 'First' : 'Second'} half of ${year}`;
    case 'nine_months':
      return `First nine months of ${year}`;
    case 'year':
      return `Year ${year}`;
  }
}

/**
 * A period's name in the interface language. Periods are stored with their Vietnamese name,
 * which is shown as is; the English one is built from the kind, year and number.
 */
export function periodLabel(period: PeriodKey & { name?: string }, lang: Lang): string {
  if (lang === 'en') return englishPeriodName(period);
  return period.name ?? vietnamesePeriodName(period);
}

/** The quarter after the one `today` ('YYYY-MM-DD') falls in. */
export function nextQuarter(today: string): PeriodKey {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const quarter = Math.ceil(month / 3);
  return quarter === 4
    ? { kind: 'quarter', year: year + 1, number: 1 }
    : { kind: 'quarter', year, number: quarter + 1 };
}

/** Today in Vietnam, 'YYYY-MM-DD', whatever the browser's zone. */
export function vietnamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/**
 * Whether "open the next period" can succeed for this period: the committee has not opened the
 * one after it yet (the server refuses a second with 409).
 */
export function canOpenNext(
  period: PeriodKey & { unitId: number },
  periods: readonly (PeriodKey & { unitId: number })[],
): boolean {
  const next = nextPeriodKey(period);
  return !periods.some(
    (p) =>
      p.unitId === period.unitId &&
      p.kind === next.kind &&
      p.year === next.year &&
      p.number === next.number,
  );
}
