/*
 * The time services stamp on what they write. It travels in the request context (Ctx.now), so a
 * service, a job or a test can run "as of" any moment — the demo runs as of October 2017 — while
 * requests use the system clock.
 */

/** Returns the current instant as an ISO-8601 UTC string, the form every timestamp is stored in. */
export type Clock = () => string;

export const systemClock: Clock = () => new Date().toISOString();

/** A clock stopped at `at` (anything Date parses, e.g. "2017-10-11T09:00:00+07:00"). */
export function fixedClock(at: string): Clock {
  const iso = new Date(at).toISOString();
  return () => iso;
}

/** The time of a context: its clock, or the system clock when it carries none. */
export function nowOf(ctx: { now?: Clock } | null | undefined): string {
  return (ctx?.now ?? systemClock)();
}
