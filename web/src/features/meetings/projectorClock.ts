import type { ProjectorState } from '../../../../src/meetings/meetings.schema.ts';

/*
 * The projector's clock, as pure functions of the state the server sent and the time now. The
 * browser's clock may be off from the server's: `offsetMs` (server minus browser, taken when a
 * state arrives) puts "now" on the server's clock, on which startedAt and pausedAt are written.
 */

export type Current = NonNullable<ProjectorState['current']>;

/** Server minus browser clock, from a state read at `serverTime` and received at `receivedAt`. */
export function clockOffset(serverTime: string, receivedAt: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - receivedAt : 0;
}

/** How long the current speaker has spoken, in ms: pauses left out, frozen while paused. */
export function elapsedMs(current: Current, serverNow: number): number {
  const end = current.pausedAt ? Date.parse(current.pausedAt) : serverNow;
  return Math.max(0, end - Date.parse(current.startedAt) - current.pausedMs);
}

export type Phase = 'normal' | 'warning' | 'overtime';

export interface Countdown {
  /** What the countdown shows: `mm:ss`, `h:mm:ss` past an hour, `+mm:ss` in overtime. */
  text: string;
  phase: Phase;
  /** 0 at the start, 1 at the planned end (and beyond in overtime, capped at 1). */
  progress: number;
}

/** Seconds as `mm:ss` (or `h:mm:ss` from an hour on). */
export function clockText(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${sec}`
    : `${String(m).padStart(2, '0')}:${sec}`;
}

/**
 * The countdown of the current speaker. Time left is rounded up (10:00 shows for the whole
 * first second, 00:00 never shows while time is left); overtime counts whole seconds past the end.
 */
export function countdown(current: Current, warningSeconds: number, serverNow: number): Countdown {
  const plannedMs = current.plannedSeconds * 1000;
  const leftMs = plannedMs - elapsedMs(current, serverNow);
  const progress = plannedMs > 0 ? Math.min(1, Math.max(0, 1 - leftMs / plannedMs)) : 1;
  if (leftMs < 0) {
    return { text: `+${clockText(Math.floor(-leftMs / 1000))}`, phase: 'overtime', progress };
  }
  const left = Math.ceil(leftMs / 1000);
  return {
    text: clockText(left),
    phase: left <= warningSeconds ? 'warning' : 'normal',
    progress,
  };
}

/**
 * The meeting's time spent so far, in seconds: the server's total as of its `serverTime`, plus
 * what the current speaker has spoken since (nothing while paused).
 */
export function spentSeconds(state: ProjectorState, serverNow: number): number {
  const since = state.current
    ? elapsedMs(state.current, serverNow) - elapsedMs(state.current, Date.parse(state.serverTime))
    : 0;
  return state.totals.spentSeconds + Math.max(0, since) / 1000;
}
