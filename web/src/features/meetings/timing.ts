/*
 * The meeting's clock arithmetic, pure: what a countdown shows, the state of its colour, the
 * agenda's planned total against the meeting's length, and the working days an invitation
 * gives. Shared by the running tab and the agenda; tested beside (timing.test.ts).
 */

/** Seconds as m:ss, or h:mm:ss from an hour; negative values are shown by their size. */
export function formatClock(seconds: number): string {
  const whole = Math.floor(Math.abs(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Whole minutes of a duration in seconds, for the agenda's duration inputs. */
export function minutesOf(seconds: number): number {
  return Math.round(seconds / 60);
}

/** What a speaker's timer needs: when they began, a pause under way, the pauses so far. */
export interface SpeakerTiming {
  startedAt: string;
  pausedAt: string | null;
  pausedMs: number;
}

/**
 * Seconds spoken so far: (pausedAt ?? now) − startedAt − pausedMs, with now the browser's clock
 * corrected by `offsetMs` (server time − browser time when the state was read).
 */
export function elapsedSeconds(t: SpeakerTiming, browserNowMs: number, offsetMs = 0): number {
  const until = t.pausedAt ? Date.parse(t.pausedAt) : browserNowMs + offsetMs;
  const ms = until - Date.parse(t.startedAt) - t.pausedMs;
  return Math.max(0, ms / 1000);
}

/** The server's clock minus the browser's, from a `serverTime` read at `receivedAtMs`. */
export function clockOffset(serverTime: string, receivedAtMs: number): number {
  return Date.parse(serverTime) - receivedAtMs;
}

export type CountdownPhase = 'normal' | 'warning' | 'overtime';

/** A countdown's state: time left (negative once over), and its colour's phase. */
export function countdown(
  plannedSeconds: number,
  elapsed: number,
  warningSeconds: number,
): { remaining: number; phase: CountdownPhase } {
  const remaining = plannedSeconds - elapsed;
  const phase: CountdownPhase =
    remaining < 0 ? 'overtime' : remaining <= warningSeconds ? 'warning' : 'normal';
  return { remaining, phase };
}

/** The meeting's planned length in seconds, from its start and planned end (0 if unknown). */
export function meetingLengthSeconds(startsAt: string, plannedEndAt: string | null): number {
  if (!plannedEndAt) return 0;
  return Math.max(0, Math.round((Date.parse(plannedEndAt) - Date.parse(startsAt)) / 1000));
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
