import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessBus } from '../../src/live/bus.ts';
import { PostgresBus } from '../../src/live/postgres-bus.ts';
import { EventStreams, formatEvent } from '../../src/live/sse.ts';
import { createTestDatabase, type TestDatabase } from '../../src/test-support/engines.ts';
import {
  openEventStream,
  type EventStreamClient,
} from '../../src/test-support/event-stream-client.ts';
import { buildTestApp } from '../../src/test-support/factories.ts';

/*
 * The event-stream helper on a route of its own: a counter as the state, read on connect and
 * after each change of its topic. Real sockets (app.listen), as a browser connects.
 */

describe('event streams', () => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let value = 0;
  let reads = 0;
  let slowRead: Promise<void> | null = null;
  let quick: EventStreams;
  let shared: EventStreams;
  const refusedTo = new Set<number>();
  let strictFirst = 0;
  const clients: EventStreamClient[] = [];
  const open = async (path: string, headers?: Record<string, string>) => {
    const client = await openEventStream(`${base}${path}`, headers);
    clients.push(client);
    return client;
  };
  const stateOf = (client: EventStreamClient, i: number) =>
    JSON.parse(client.events[i]!.data) as { value: number };

  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
    app = await buildTestApp(handle.db);
    quick = new EventStreams(app.live, { heartbeatMs: 50, retryMs: 1234, recheckMs: 60_000 });
    const read = async () => {
      reads++;
      if (slowRead) await slowRead;
      return { value };
    };
    app.get('/test/stream', { schema: { hide: true }, compress: false }, (request, reply) =>
      app.eventStreams.send(request, reply, { topic: 'counter', event: 'state', read }),
    );
    app.get('/test/quick', { schema: { hide: true }, compress: false }, (request, reply) =>
      quick.send(request, reply, { topic: 'quick', event: 'state', read }),
    );
    app.get('/test/refused', { schema: { hide: true }, compress: false }, (request, reply) =>
      app.eventStreams.send(request, reply, {
        topic: 'counter',
        event: 'state',
        read: () => Promise.reject(new Error('gone')),
        onReadError: () => 'end',
      }),
    );
    shared = new EventStreams(app.live, { heartbeatMs: 60_000, retryMs: 2000, recheckMs: 60_000 });
    let n = 0;
    app.get('/test/shared', { schema: { hide: true }, compress: false }, (request, reply) => {
      const who = ++n;
      return shared.send(request, reply, {
        topic: 'shared',
        event: 'state',
        share: 'shared',
        read: () =>
          refusedTo.has(who) ? Promise.reject(new Error('refused')) : Promise.resolve({ value }),
      });
    });
    const strictStreams = new EventStreams(app.live, {
      heartbeatMs: 60_000,
      retryMs: 2000,
      recheckMs: 0,
    });
    app.get('/test/strict', { schema: { hide: true }, compress: false }, (request, reply) => {
      const who = ++n;
      if (strictFirst === 0) strictFirst = who;
      return strictStreams.send(request, reply, {
        topic: 'strict',
        event: 'state',
        share: 'strict',
        read: () =>
          refusedTo.has(who) ? Promise.reject(new Error('refused')) : Promise.resolve({ value }),
        onReadError: () => 'end',
      });
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await app.close();
    await handle.close();
  });

  it('formats an event with an id, a name and one data line per line', () => {
    expect(formatEvent(3, 'state', '{"a":1}')).toBe('id: 3\nevent: state\ndata: {"a":1}\n\n');
    expect(formatEvent(4, 'note', 'one\ntwo')).toBe('id: 4\nevent: note\ndata: one\ndata: two\n\n');
  });

  it('is an uncompressed text/event-stream with the security headers, and sends the state on connect', async () => {
    value = 5;
    const client = await open('/test/stream', { 'accept-encoding': 'gzip, br' });
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.headers['content-encoding']).toBeUndefined();
    expect(client.headers['cache-control']).toBe('no-cache, no-transform');
    expect(client.headers['content-security-policy']).toContain("default-src 'self'");
    const first = await client.next();
    expect(first).toMatchObject({ id: '1', event: 'state' });
    expect(JSON.parse(first.data)).toEqual({ value: 5 });
    expect(client.retry).toBe(2000);
    client.close();
  });

  it('sends the new state after each change, and numbers on from Last-Event-ID', async () => {
    value = 1;
    const client = await open('/test/stream', { 'last-event-id': '41' });
    await client.next();
    expect(client.events[0]!.id).toBe('42');
    value = 2;
    await app.live.publish('counter');
    await client.next((e) => e.id === '43');
    expect(stateOf(client, 1)).toEqual({ value: 2 });
    await app.live.publish('another-topic');
    value = 3;
    await app.live.publish('counter');
    await client.next((e) => e.id === '44');
    expect(stateOf(client, 2)).toEqual({ value: 3 });
    client.close();
  });

  it('coalesces a burst: one read in flight, and a last read after the last change', async () => {
    const client = await open('/test/stream');
    await client.next();
    let release: () => void = () => {};
    slowRead = new Promise((resolve) => (release = resolve));
    const before = reads;
    for (let i = 0; i < 50; i++) {
      value = 100 + i;
      await app.live.publish('counter');
    }
    await vi.waitFor(() => expect(reads - before).toBe(1));
    slowRead = null;
    release();
    await client.next((e) => (JSON.parse(e.data) as { value: number }).value === 149);
    // The read held up by the burst, then one for all the changes that came meanwhile.
    expect(reads - before).toBe(2);
    expect(client.events.length).toBe(3);
    client.close();
  });

  it('sends heartbeat comments and the retry it is given', async () => {
    const client = await open('/test/quick');
    await vi.waitFor(() => expect(client.comments).toBeGreaterThanOrEqual(2));
    expect(client.retry).toBe(1234);
    client.close();
    await vi.waitFor(() => expect(quick.count()).toBe(0));
  });

  it('counts its connections and stops following the topic when the browser goes', async () => {
    const before = app.eventStreams.count('counter');
    const a = await open('/test/stream');
    const b = await open('/test/stream');
    await Promise.all([a.next(), b.next()]);
    expect(app.eventStreams.count('counter')).toBe(before + 2);
    a.close();
    b.close();
    await vi.waitFor(() => expect(app.eventStreams.count('counter')).toBe(before));
    const readsNow = reads;
    await app.live.publish('counter');
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(readsNow);
  });

  it('shares one read per change among the streams of a key, each reading its own first', async () => {
    value = 7;
    const streams = await Promise.all(Array.from({ length: 5 }, () => open('/test/shared')));
    await Promise.all(streams.map((s) => s.next()));
    expect(shared.reads).toBe(5);
    value = 8;
    await app.live.publish('shared');
    await Promise.all(streams.map((s) => s.next((e) => e.data === '{"value":8}')));
    expect(shared.reads).toBe(6);
    // The stream whose read is refused falls back to its own (which the others do not need).
    refusedTo.add(1);
    value = 9;
    await app.live.publish('shared');
    await Promise.all(streams.slice(1).map((s) => s.next((e) => e.data === '{"value":9}')));
    for (const s of streams) s.close();
    await vi.waitFor(() => expect(shared.count()).toBe(0));
  });

  it('checks each shared stream on its own every recheckMs, ending one whose right is gone', async () => {
    // recheckMs of 0: every change is read by each stream itself.
    const strict = await open('/test/strict');
    const other = await open('/test/strict');
    await Promise.all([strict.next(), other.next()]);
    refusedTo.add(strictFirst);
    await app.live.publish('strict');
    await strict.ended;
    await other.next((e) => e.id === '2');
    other.close();
  });

  it('ends the stream when reading the state is refused', async () => {
    const client = await open('/test/refused');
    await client.ended;
    expect(client.events).toEqual([]);
    await vi.waitFor(() => expect(app.eventStreams.count()).toBe(0));
  });
});

describe('the app ends its streams when it closes', () => {
  it('closes with a browser still connected, and the browser sees the end', async () => {
    const handle = await createTestDatabase('sqlite');
    const app = await buildTestApp(handle.db);
    expect(app.live).toBeInstanceOf(InProcessBus);
    app.get('/test/stream', { schema: { hide: true }, compress: false }, (request, reply) =>
      app.eventStreams.send(request, reply, {
        topic: 't',
        event: 'state',
        read: () => Promise.resolve({}),
      }),
    );
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const client = await openEventStream(`${base}/test/stream`);
    await client.next();
    await app.close();
    await client.ended;
    await handle.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('the live bus the app picks', () => {
  it('is PostgreSQL LISTEN/NOTIFY on a PostgreSQL server, listening once the app is ready', async () => {
    const handle = await createTestDatabase('postgres');
    const app = await buildTestApp(handle.db);
    try {
      expect(app.live).toBeInstanceOf(PostgresBus);
      await app.ready();
      expect((app.live as PostgresBus).listening).toBe(true);
    } finally {
      await app.close();
      await handle.close();
    }
    expect((app.live as PostgresBus).listening).toBe(false);
  });
});
