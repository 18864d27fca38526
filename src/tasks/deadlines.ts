/*
 * Deadlines are calendar days in Asia/Ho_Chi_Minh (UTC+7, no DST since 1975). "Overdue" and
 * "due soon" are computed from the deadline and today by the app's clock whenever a task is
 * read, never stored, so they cannot go stale.
 */

/** A task falls "due soon" when its deadline is today or within this many days after today. */
export const DUE_SOON_DAYS = 7;

/** The latest deadline accepted: this many years after today (anything later is a typing slip). */
export const MAX_DEADLINE_YEARS = 10;

export const DEADLINE_CHOICES = ['end_of_quarter', 'end_of_year'] as const;
export type DeadlineChoice = (typeof DEADLINE_CHOICES)[number];

const OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

/** The Vietnamese calendar day (YYYY-MM-DD) of an instant. */
export function vnToday(nowIso: string): string {
  return new Date(new Date(nowIso).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` plus `n` days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ymd(y, m, d + n);
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ymd(y, m, d) === day;
}

/** The last day of the quarter or year that `today` is in. */
export function deadlineOfChoice(choice: DeadlineChoice, today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (choice === 'end_of_year') return `${pad(y, 4)}-12-31`;
  const lastMonth = Math.ceil(m / 3) * 3;
  return ymd(y, lastMonth + 1, 0);
}

export type DeadlineProblem = 'past' | 'tooFar' | null;

/** The latest deadline accepted on `today`: MAX_DEADLINE_YEARS later. */
export function latestDeadline(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return ymd(y + MAX_DEADLINE_YEARS, m, d);
}

/** Why a new deadline is refused: before today, or more than MAX_DEADLINE_YEARS ahead. */
export function deadlineProblem(deadline: string, today: string): DeadlineProblem {
  if (deadline < today) return 'past';
  if (deadline > latestDeadline(today)) return 'tooFar';
  return null;
}

/** Overdue: still owed and the deadline has passed. Due soon: today to DUE_SOON_DAYS after. */
export function dueStatus(
  deadline: string,
  pending: boolean,
  today: string,
): { overdue: boolean; dueSoon: boolean } {
  if (!pending) return { overdue: false, dueSoon: false };
  return {
    overdue: deadline < today,
    dueSoon: deadline >= today && deadline <= addDays(today, DUE_SOON_DAYS),
  };
}

/**
 * A day of Asia/Ho_Chi_Minh ends at 17:00 UTC: `D + DEADLINE_END_UTC` is the first instant
 * after day D, written as the app's timestamps are (ISO UTC with milliseconds), so a stored
 * time compares with it as a string.
 */
export const DEADLINE_END_UTC = 'T17:00:00.000Z';

/** The first instant (ISO UTC) of the Vietnamese calendar day `day`. */
export function vnDayStart(day: string): string {
  return `${addDays(day, -1)}${DEADLINE_END_UTC}`;
}

/** The first instant (ISO UTC) after the Vietnamese calendar day `day`. */
export function vnDayEnd(day: string): string {
  return `${day}${DEADLINE_END_UTC}`;
}

/** The quarter (1–4) a day falls in. */
export function quarterOf(day: string): { year: number; quarter: number } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return { year: y, quarter: Math.ceil(m / 3) };
}

/** The first and last day of a quarter. */
export function quarterDays(year: number, quarter: number): { from: string; to: string } {
  return { from: ymd(year, quarter * 3 - 2, 1), to: ymd(year, quarter * 3 + 1, 0) };
}
