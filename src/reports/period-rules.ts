/*
 * Period dates as plain functions. The data window and deadline follow a rule kept in the
 * settings (report-settings.service.ts); the default is the one decree 09/2019/NĐ-CP gives
 * state reporting: data from the 15th of the month before the period to the 14th of its last
 * month.
 */

export const PERIOD_KINDS = ['quarter', 'half', 'nine_months', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodDateRule {
  /** Day of the month before the period on which its data window opens. */
  dataFromDay: number;
  /** Day of the period's last month on which its data is cut off. */
  cutoffDay: number;
  /** Days after the cut-off by which reports are due. */
  deadlineDaysAfterCutoff: number;
}

export const DEFAULT_PERIOD_RULE: PeriodDateRule = {
  dataFromDay: 15,
  cutoffDay: 14,
  deadlineDaysAfterCutoff: 6,
};

export interface PeriodKey {
  kind: PeriodKind;
  year: number;
  number: number;
}

export interface PeriodDates {
  startDate: string;
  endDate: string;
  dataFrom: string;
  cutoffDate: string;
  deadline: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** How many numbered periods of a kind a year has. */
export function periodsPerYear(kind: PeriodKind): number {
  switch (kind) {
    case 'quarter':
      return 4;
    case 'half':
      return 2;
    case 'nine_months':
    case 'year':
      return 1;
  }
}

/** The months (1–12) a period spans. */
export function periodMonths({ kind, number }: PeriodKey): { first: number; last: number } {
  switch (kind) {
    case 'quarter':
      return { first: (number - 1) * 3 + 1, last: number * 3 };
    case 'half':
      return { first: (number - 1) * 6 + 1, last: number * 6 };
    case 'nine_months':
      return { first: 1, last: 9 };
    case 'year':
      return { first: 1, last: 12 };
  }
}

/** The quarters (1–4) a period covers. */
export function periodQuarters(key: PeriodKey): number[] {
  const { first, last } = periodMonths(key);
  const quarters: number[] = [];
  for (let q = Math.ceil(first / 3); q <= Math.ceil(last / 3); q++) quarters.push(q);
  return quarters;
}

/** "Quý III/2017", "6 tháng đầu năm 2018", "9 tháng đầu năm 2017", "Năm 2017". */
export function periodName({ kind, year, number }: PeriodKey): string {
  switch (kind) {
    case 'quarter':
      return `Quý ${ROMAN[number - 1]}/${year}`;
    case 'half':
      return number === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'nine_months':
      return `9 tháng đầu năm ${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
}

/** A calendar date `days` after `date` (both 'YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ymd(y, m, d + days);
}

/** Start, end, data window and deadline of a period under a rule. */
export function periodDates(key: PeriodKey, rule: PeriodDateRule): PeriodDates {
  const { first, last } = periodMonths(key);
  const prevYear = first === 1 ? key.year - 1 : key.year;
  const prevMonth = first === 1 ? 12 : first - 1;
  const cutoffDate = ymd(key.year, last, Math.min(rule.cutoffDay, daysInMonth(key.year, last)));
  return {
    startDate: ymd(key.year, first, 1),
    endDate: ymd(key.year, last, daysInMonth(key.year, last)),
    dataFrom: ymd(
      prevYear,
      prevMonth,
      Math.min(rule.dataFromDay, daysInMonth(prevYear, prevMonth)),
    ),
    cutoffDate,
    deadline: addDays(cutoffDate, rule.deadlineDaysAfterCutoff),
  };
}

/** The period of the same kind that follows. */
export function nextPeriodKey({ kind, year, number }: PeriodKey): PeriodKey {
  return number < periodsPerYear(kind)
    ? { kind, year, number: number + 1 }
    : { kind, year: year + 1, number: 1 };
}

/** Whether a period key names a real period (e.g. no fifth quarter). */
export function isValidPeriodKey({ kind, number }: PeriodKey): boolean {
  return Number.isInteger(number) && number >= 1 && number <= periodsPerYear(kind);
}
