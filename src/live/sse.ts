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
  /** What to do after `read` failed: `end` the stream, or `keep` it for the next change. */
  onReadError?: (error: unknown) => 'end' | 'keep';
}

export interface EventStreamSettings {
  heartbeatMs: number;
  retryMs: number;
}

export const DEFAULT_EVENT_STREAM_SETTINGS: EventStreamSettings = {
  heartbeatMs: 15_000,
  retryMs: 2000,
};

/** One line of `data:` per line of the text: JSON has none, but a string might. */
export function formatEvent(id: number, event: string, data: string): string {
  const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
  return `id: ${id}\nevent: ${event}\n${lines.join('')}\n`;
}

/** The app's open event streams: counted per topic, ended together when the app closes. */
export class EventStreams {
  private readonly open = new Map<PassThrough, { topic: string; stop: () => void }>();
  private closing = false;

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
    { topic, read, event, onReadError }: EventStreamOptions<T>,
  ): FastifyReply {
    const stream = new PassThrough();
    const last = Number(request.headers['last-event-id']);
    // Ids go on from the browser's last one, so they only grow across its reconnects.
    let id = Number.isSafeInteger(last) && last >= 0 ? last : 0;
    let closed = false;
    let reading = false;
    let again = false;

    const write = (text: string): boolean => (closed ? true : stream.write(text));

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
            state = await read();
          } catch (error) {
            if ((onReadError?.(error) ?? 'keep') === 'end') stop();
            else request.log.warn({ err: error, topic }, 'event stream: reading the state failed');
            return;
          }
          if (closed) return;
          if (!write(formatEvent(++id, event, JSON.stringify(state)))) {
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
      this.open.delete(stream);
      stream.end();
    };
    stream.once('close', stop);
    reply.raw.once('close', stop);
    this.open.set(stream, { topic, stop });
    write(`retry: ${this.settings.retryMs}\n\n`);
    if (this.closing) stop();
    else void refresh();
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
