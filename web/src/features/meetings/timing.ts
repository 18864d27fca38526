/*
 * The meeting's planning arithmetic, pure: the agenda's planned total against the meeting's
 * length, reordering. (The speaker's countdown is the
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

/** Moves an item of a list from one index to another (agenda reordering), as a new list. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
