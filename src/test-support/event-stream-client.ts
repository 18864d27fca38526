import http from 'node:http';

/*
 * A light server-sent events client for tests and benchmarks: one raw HTTP request, its body
 * parsed into events as it arrives. No reconnecting (a test says when to reconnect), no
 * polyfill; hundreds of them cost little more than their sockets.
 */

export interface StreamEvent {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when the event's last line arrived. */
  at: number;
}

export interface EventStreamClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: StreamEvent[];
  /** Comment lines (heartbeats) seen so far. */
  comments: number;
  /** The `retry:` the server asked for, if any. */
  retry: number | null;
  /** Resolves with the first event from index `from` on that `match` accepts. */
  next(match?: (event: StreamEvent) => boolean, from?: number): Promise<StreamEvent>;
  /** Resolves once the server has ended the stream. */
  ended: Promise<void>;
  /** Calls `listener` on every event from now on. */
  onEvent(listener: (event: StreamEvent) => void): void;
  close(): void;
}

/** Parses the `text/event-stream` format (lines, `field: value`, blank line ends an event). */
export class EventStreamParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | null = null;

  constructor(
    private readonly onEvent: (event: Omit<StreamEvent, 'at'>) => void,
    private readonly onComment: () => void = () => {},
    private readonly onRetry: (ms: number) => void = () => {},
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(
        this.buffer[nl] === '\r' && this.buffer[nl + 1] === '\n' ? nl + 2 : nl + 1,
      );
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
      }
      this.data = [];
      this.event = '';
      return;
    }
    if (line.startsWith(':')) return this.onComment();
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id') this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }
}

/** Opens `url` as an event stream; resolves once the response's headers have arrived. */
export function openEventStream(
  url: string,
  headers: Record<string, string> = {},
  agent?: http.Agent,
): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { accept: 'text/event-stream', ...headers }, agent },
      (response) => {
        response.setEncoding('utf8');
        const waiters = new Set<() => void>();
        const listeners: ((event: StreamEvent) => void)[] = [];
        let endedResolve: () => void = () => {};
        const client: EventStreamClient = {
          status: response.statusCode ?? 0,
          headers: response.headers,
          events: [],
          comments: 0,
          retry: null,
          ended: new Promise<void>((r) => (endedResolve = r)),
          next(match = () => true, from = 0) {
            return new Promise((resolveNext, rejectNext) => {
              const check = () => {
                const found = client.events.slice(from).find(match);
                if (found) {
                  waiters.delete(check);
                  resolveNext(found);
                } else if (response.complete || response.destroyed) {
                  waiters.delete(check);
                  rejectNext(new Error('the stream ended before the event came'));
                }
              };
              waiters.add(check);
              check();
            });
          },
          onEvent(listener) {
            listeners.push(listener);
          },
          close() {
            request.destroy();
          },
        };
        const parser = new EventStreamParser(
          (event) => {
            const full = { ...event, at: performance.now() };
            client.events.push(full);
            for (const listener of listeners) listener(full);
            for (const check of [...waiters]) check();
          },
          () => client.comments++,
          (ms) => (client.retry = ms),
        );
        response.on('data', (chunk: string) => parser.push(chunk));
        const end = () => {
          endedResolve();
          for (const check of [...waiters]) check();
        };
        response.on('end', end);
        response.on('close', end);
        response.on('error', () => {});
        resolve(client);
      },
    );
    request.on('error', reject);
  });
}
