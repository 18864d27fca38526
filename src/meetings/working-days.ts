/*
 * Notice given by an invitation, in working days (Monday to Friday), counted in Vietnam's time
 * zone: the days after the day it was sent, up to and including the meeting's day. Sent on a
 * Monday for a Thursday meeting: Tuesday, Wednesday, Thursday = 3. Vietnamese practice asks for
 * at least 3; fewer is a warning, never a refusal.
 */

export const MIN_NOTICE_DAYS = 3;
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The day number (days since 1970-01-01) of an instant in Vietnam. */
function vnDay(iso: string): number {
  return Math.floor((new Date(iso).getTime() + VN_OFFSET_MS) / DAY_MS);
}

/** Working days after the day `sentAt` falls on, up to and including the day of `startsAt`. */
export function workingDaysNotice(sentAt: string, startsAt: string): number {
  const from = vnDay(sentAt);
  const to = vnDay(startsAt);
  let days = 0;
  for (let d = from + 1; d <= to; d++) {
    // 1970-01-01 was a Thursday: day 0 → 4 (Sunday 0 … Saturday 6).
    const weekday = (d + 4) % 7;
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}

export function isLateNotice(sentAt: string, startsAt: string): boolean {
  return workingDaysNotice(sentAt, startsAt) < MIN_NOTICE_DAYS;
}
