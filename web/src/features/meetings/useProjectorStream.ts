import { useEffect, useRef, useState } from 'react';
import type { ProjectorState } from '../../../../src/meetings/meetings.schema.ts';
import { getLang } from '../../i18n';
import { clockOffset } from './projectorClock';

/*
 * The projector's state, pushed by the server (GET /api/v1/meetings/{id}/events, server-sent
 * events): the current state on connect and after every change. EventSource reconnects by
 * itself after a network drop (the server's `retry:`), and the server sends the state again on
 * reconnect, so the page shows the right state once it is back. An answer other than the
 * stream (a 5xx, the server restarting) closes the EventSource for good: the hook asks the
 * route what it answers now and opens a new one after a growing delay, unless the answer is a
 * refusal (not signed in, no access, no such meeting), which the page shows.
 */

export interface ProjectorStream {
  state: ProjectorState | null;
  /** Server clock minus browser clock, from the last state received. */
  offsetMs: number;
  /** The stream is open (false while reconnecting). */
  connected: boolean;
  /** A refusal the page shows instead: its status and message. */
  refusal: { status: number; message: string } | null;
  retry: () => void;
}

export function eventsUrl(meetingId: number | string): string {
  return `/api/v1/meetings/${encodeURIComponent(String(meetingId))}/events`;
}

/** The server's error message, or the status. */
async function messageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

export function useProjectorStream(meetingId: string): ProjectorStream {
  const [state, setState] = useState<ProjectorState | null>(null);
  const [offsetMs, setOffset] = useState(0);
  const [connected, setConnected] = useState(false);
  const [refusal, setRefusal] = useState<ProjectorStream['refusal']>(null);
  const [attempt, setAttempt] = useState(0);
  const failures = useRef(0);

  useEffect(() => {
    const url = eventsUrl(meetingId);
    let source: EventSource | null = null;
    let timer: number | undefined;
    let stopped = false;
    const probe = new AbortController();

    const open = () => {
      if (stopped) return;
      source = new EventSource(url);
      source.addEventListener('open', () => setConnected(true));
      source.addEventListener('state', (event) => {
        const next = JSON.parse((event as MessageEvent<string>).data) as ProjectorState;
        setOffset(clockOffset(next.serverTime, Date.now()));
        setState(next);
        setConnected(true);
        failures.current = 0;
      });
      source.addEventListener('error', () => {
        setConnected(false);
        // CONNECTING: the browser is already reconnecting. CLOSED: it has given up.
        if (source?.readyState === EventSource.CLOSED) void diagnose();
      });
    };

    const again = () => {
      failures.current++;
      const delay = Math.min(30_000, 1000 * 2 ** Math.min(failures.current, 5));
      timer = window.setTimeout(open, delay);
    };

    const diagnose = async () => {
      source?.close();
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { accept: 'text/event-stream', 'accept-language': getLang() },
          credentials: 'same-origin',
          signal: probe.signal,
        });
      } catch {
        if (!stopped) again();
        return;
      }
      if (response.ok) {
        // It streams again: drop this probe and follow the stream with an EventSource.
        void response.body?.cancel();
        if (!stopped) open();
        return;
      }
      if (response.status >= 400 && response.status < 500) {
        const message = await messageOf(response);
        if (!stopped) setRefusal({ status: response.status, message });
        return;
      }
      if (!stopped) again();
    };

    open();
    return () => {
      stopped = true;
      probe.abort();
      window.clearTimeout(timer);
      source?.close();
    };
  }, [meetingId, attempt]);

  return {
    state,
    offsetMs,
    connected,
    refusal,
    retry: () => {
      setRefusal(null);
      failures.current = 0;
      setAttempt((n) => n + 1);
    },
  };
}
