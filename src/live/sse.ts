import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LiveBus } from './bus.ts';

/*
 * Server-sent events that follow a topic of the live bus: the stream sends the current state
 * when it opens, and again after each change of its topic. A change carries no state: the
 * stream reads it (`read`), so a burst of changes costs one read per connection in flight and
 * one more after the last change, never a queue of reads. A client that does not keep up gets
 * the newest state once it has taken the last one, not every state in between.
 *
 * The stream is text/event-stream, uncompressed (the compress plugin leaves the type alone,
 * and the route says `compress: false`), and passes the app's security headers. Each state is
 * an event with an `id:`; `retry:` tells the browser how soon to reconnect after a drop. A
 * comment line every 15 s keeps proxies and load balancers from closing an idle stream. The
 * app's streams are counted, and ended when the app closes, so shutting down is not held up by
 * browsers that never hang up (each reconnects to an instance that is still running).
 */

export interface EventStreamOptions<T> {
  topic: string;
  /** The current state; an error it throws is given to `onReadError`. */
  read: () => Promise<T>;
  /** The event's name (`event:` field): browsers listen with addEventListener(name). */
  event: string;
  /**
   * The state already read for this request (a route reads it first, so that a refusal is an
   * ordinary error answer): sent as the first event instead of reading again. Call `send`
   * straight after that read, with no other wait between: a change is heard from then on.
   */
  initial?: T;
  /** What to do after `read` failed: `end` the stream, or `keep` it for the next change. */
  onReadError?: (error: unknown) => 'end' | 'keep';
  /**
   * Streams of this instance with the same key take the state after a change from one read,
   * made with one of them's `read`: for a state that is the same for everyone allowed to see
   * it (a meeting's projector), so that a hundred screens cost one read, not a hundred. Each
   * stream still reads with its own `read` when it opens, when a shared read fails, and at
   * least every `recheckMs` while changes come, so a withdrawn right ends its stream.
   */
  share?: string;
}

export interface EventStreamSettings {
  heartbeatMs: number;
  retryMs: number;
  /** A stream with a `share` key reads on its own at least this often (see `share`). */
  recheckMs: number;
}

export const DEFAULT_EVENT_STREAM_SETTINGS: EventStreamSettings = {
  heartbeatMs: 15_000,
  retryMs: 2000,
  recheckMs: 60_000,
};

/**
 * One read shared by the streams of a key: a read started after the latest change shows that
 * change, so every stream asking after it may take that read's result.
 */
interface SharedRead {
  /** Changes heard so far. */
  changes: number;
  inFlight: Promise<unknown> | null;
  /** `changes` when the read in flight started. */
  inFlightAt: number;
  streams: number;
  unsubscribe: () => void;
}

/** One line of `data:` per line of the text: JSON has none, but a string might. */
export function formatEvent(id: number, event: string, data: string): string {
  const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
  return `id: ${id}\nevent: ${event}\n${lines.join('')}\n`;
}

/** The app's open event streams: counted per topic, ended together when the app closes. */
export class EventStreams {
  private readonly open = new Map<PassThrough, { topic: string; stop: () => void }>();
  private readonly shared = new Map<string, SharedRead>();
  private closing = false;
  /** Reads made for streams (their own and shared ones): for tests and benchmarks. */
  reads = 0;

  constructor(
    private readonly bus: LiveBus,
    readonly settings: EventStreamSettings = DEFAULT_EVENT_STREAM_SETTINGS,
  ) {}

  /** How many streams are open (of one topic, if given). */
  count(topic?: string): number {
    if (topic === undefined) return this.open.size;
    let n = 0;
    for (const stream of this.open.values()) if (stream.topic === topic) n++;
    return n;
  }

  /** Joins the streams of `key` on `topic`; the returned function leaves. */
  private joinShare(key: string, topic: string): [SharedRead, () => void] {
    let entry = this.shared.get(key);
    if (!entry) {
      const created: SharedRead = {
        changes: 0,
        inFlight: null,
        inFlightAt: -1,
        streams: 0,
        // Subscribed before the stream itself: a change counts before the stream asks.
        unsubscribe: this.bus.subscribe(topic, () => void created.changes++),
      };
      entry = created;
      this.shared.set(key, entry);
    }
    const joined = entry;
    joined.streams++;
    return [
      joined,
      () => {
        if (--joined.streams === 0) {
          joined.unsubscribe();
          this.shared.delete(key);
        }
      },
    ];
  }

  /** The read in flight for `entry` if it started after the latest change, else a new one. */
  private sharedRead<T>(entry: SharedRead, read: () => Promise<T>): Promise<T> {
    if (entry.inFlight && entry.inFlightAt === entry.changes) return entry.inFlight as Promise<T>;
    const started = read();
    entry.inFlight = started;
    entry.inFlightAt = entry.changes;
    const clear = () => {
      if (entry.inFlight === started) entry.inFlight = null;
    };
    started.then(clear, clear);
    return started;
  }

  /** Ends every stream (the app is closing); their browsers reconnect elsewhere. */
  endAll(): void {
    this.closing = true;
    for (const { stop } of [...this.open.values()]) stop();
  }

  /**
   * Answers `request` with a stream following `options.topic`. The caller has already checked
   * that the request may read it; the reply is sent when this returns.
   */
  send<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    { topic, read: ownRead, event, initial, onReadError, share }: EventStreamOptions<T>,
  ): FastifyReply {
    const read = () => {
      this.reads++;
      return ownRead();
    };
    const [shared, leaveShare] = share ? this.joinShare(share, topic) : [null, () => {}];
    let ownReadAt = Date.now();
    /** The state after a change: shared when it may be, else (or when that fails) its own. */
    const readState = async (): Promise<T> => {
      if (shared && Date.now() - ownReadAt < this.settings.recheckMs) {
        try {
          return await this.sharedRead(shared, read);
        } catch {
          // Maybe refused to the stream that read it: this stream's own read decides.
        }
      }
      ownReadAt = Date.now();
      return read();
    };
    const stream = new PassThrough();
    const last = Number(request.headers['last-event-id']);
    // Ids go on from the browser's last one, so they only grow across its reconnects.
    let id = Number.isSafeInteger(last) && last >= 0 ? last : 0;
    let closed = false;
    let reading = false;
    let again = false;

    const write = (text: string): boolean => (closed ? true : stream.write(text));
    const sendState = (state: T): boolean => write(formatEvent(++id, event, JSON.stringify(state)));

    const refresh = async (): Promise<void> => {
      if (closed) return;
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          let state: T;
          try {
            state = await readState();
          } catch (error) {
            if ((onReadError?.(error) ?? 'keep') === 'end') stop();
            else request.log.warn({ err: error, topic }, 'event stream: reading the state failed');
            return;
          }
          if (closed) return;
          if (!sendState(state)) {
            // The browser has not taken the last state yet: the next one waits for it.
            await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
          }
        } while (again && !closed);
      } finally {
        reading = false;
      }
    };

    const unsubscribe = this.bus.subscribe(topic, () => void refresh());
    const heartbeat = setInterval(() => write(': keep-alive\n\n'), this.settings.heartbeatMs);
    const stop = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      leaveShare();
      this.open.delete(stream);
      stream.end();
    };
    stream.once('close', stop);
    reply.raw.once('close', stop);
    this.open.set(stream, { topic, stop });
    write(`retry: ${this.settings.retryMs}\n\n`);
    if (this.closing) stop();
    else if (initial !== undefined) sendState(initial);
    else {
      ownReadAt = 0;
      void refresh();
    }
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(stream);
  }
}

/** Decorates the app with its `EventStreams` and ends them before the server closes. */
export function registerEventStreams(
  app: FastifyInstance,
  bus: LiveBus,
  settings?: EventStreamSettings,
): EventStreams {
  const streams = new EventStreams(bus, settings);
  app.decorate('eventStreams', streams);
  app.addHook('preClose', async () => streams.endAll());
  return streams;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The open server-sent event streams (src/live/sse.ts). */
    eventStreams: EventStreams;
  }
}
