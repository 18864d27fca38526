/*
 * The meeting's planning arithmetic, pure: the agenda's planned total against the meeting's
 * length, the working days an invitation gives, reordering. (The speaker's countdown is the
 * projector's, projectorClock.ts.) Tested beside (timing.test.ts).
 */

/** Whole minutes of a duration in seconds, for the agenda's duration inputs. */
export function minutesOf(seconds: number): number {
  return Math.round(seconds / 60);
}

/** Whether the agenda's planned durations add up to more than the meeting lasts. */
export function agendaOverrun(
  items: readonly { plannedSeconds: number }[],
  lengthSeconds: number,
): { plannedSeconds: number; overSeconds: number } {
  const plannedSeconds = items.reduce((sum, i) => sum + i.plannedSeconds, 0);
  return { plannedSeconds, overSeconds: lengthSeconds > 0 ? plannedSeconds - lengthSeconds : 0 };
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar day (as days since the epoch) of an instant in Vietnam time. */
function vietnamDay(iso: string): number {
  return Math.floor((Date.parse(iso) + VIETNAM_OFFSET_MS) / 86_400_000);
}

/**
 * Working days (Monday to Friday, Vietnam time) between the day an invitation is sent and the
 * meeting's day, both left out: sent on Friday for a Wednesday meeting gives 2 (Monday,
 * Tuesday). Public holidays are not known here and count as working days.
 */
export function workingDaysBetween(sentAt: string, startsAt: string): number {
  const from = vietnamDay(sentAt);
  const to = vietnamDay(startsAt);
  let days = 0;
  for (let d = from + 1; d < to; d++) {
    // Day 0 of the epoch (1970-01-01) was a Thursday: (d + 4) % 7 is 0 on Sundays.
    const weekday = (d + 4) % 7;
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}

/** Vietnamese practice: an invitation goes out at least this many working days ahead. */
export const INVITATION_WORKING_DAYS = 3;

/** Moves an item of a list from one index to another (agenda reordering), as a new list. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
