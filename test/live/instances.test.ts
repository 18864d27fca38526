import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateToLatest, openSqlite, postgresUrlOf } from '../../src/db/database.ts';
import type { Agenda, ProjectorState } from '../../src/meetings/meetings.schema.ts';
import { createTestDatabase, type TestDatabase } from '../../src/test-support/engines.ts';
import {
  openEventStream,
  type EventStreamClient,
} from '../../src/test-support/event-stream-client.ts';
import { TEST_PASSWORD } from '../../src/test-support/factories.ts';
import { buildRunningMeeting, type RunningMeeting } from '../../src/test-support/live-meeting.ts';
import { startServerProcess, type ServerProcess } from '../processes.ts';

/*
 * Two app instances (processes of their own) on one PostgreSQL database: a projector's stream
 * on instance B follows the secretary's "next speaker" on instance A within a second, shows the
 * right state after its stream is cut and opened again, and keeps following after the server
 * ends both instances' listening connections. And SQLite served by two worker processes: a
 * change made through one worker reaches the streams of both.
 */

const url = process.env.TEST_DATABASE_URL;
const stateOf = (data: string) => JSON.parse(data) as ProjectorState;

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

// LISTEN/NOTIFY between processes needs a PostgreSQL server (PGlite lives in one process).
describe.runIf(url)('live projector on two app instances [postgres (server)]', () => {
  let handle: TestDatabase;
  let meeting: RunningMeeting;
  let a: ServerProcess;
  let b: ServerProcess;
  let secretary: string;
  let reader: string;
  const clients: EventStreamClient[] = [];
  const stream = async (headers: Record<string, string> = {}) => {
    const client = await openEventStream(`${b.base}/api/v1/meetings/${meeting.meetingId}/events`, {
      cookie: reader,
      ...headers,
    });
    clients.push(client);
    expect(client.status).toBe(200);
    return client;
  };
  /** The secretary's "next speaker" on instance A; resolves with the new current item. */
  const next = async () => {
    const response = await fetch(`${a.base}/api/v1/meetings/${meeting.meetingId}/speaker`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: secretary },
      body: JSON.stringify({ action: 'next' }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as Agenda).currentItemId;
  };
  const showing = (client: EventStreamClient, itemId: number | null, from = 0) =>
    client.next((e) => stateOf(e.data).current?.itemId === itemId, from);

  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
    meeting = await buildRunningMeeting(handle.db, { items: 6, readers: 1 });
    const env = {
      DATABASE_URL: postgresUrlOf(handle.db)!,
      GIAOBAN_DEMO: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    secretary = await login(a.base, meeting.secretary);
    reader = await login(b.base, meeting.readers[0]!);
  }, 90_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
  });

  it("shows A's next speaker on B within a second", async () => {
    const client = await stream();
    await showing(client, meeting.itemIds[0]!);
    const from = client.events.length;
    const started = performance.now();
    const itemId = await next();
    expect(itemId).toBe(meeting.itemIds[1]);
    const event = await showing(client, itemId, from);
    expect(event.at - started).toBeLessThan(1000);
    expect(stateOf(event.data).totals.done).toBe(1);
    client.close();
  });

  it('shows the right state after the stream is cut and opened again', async () => {
    const client = await stream();
    const first = await client.next();
    client.close();
    await client.ended;
    // A change while nobody on B listened to this meeting.
    const itemId = await next();
    const again = await stream({ 'last-event-id': first.id! });
    const shown = await again.next();
    expect(stateOf(shown.data).current?.itemId).toBe(itemId);
    expect(Number(shown.id)).toBeGreaterThan(Number(first.id));
    again.close();
  });

  it('keeps following after the server ends both instances’ listening connections', async () => {
    const client = await stream();
    await client.next();
    const listeners = async () =>
      (
        await sql<{ pid: number }>`select pid from pg_stat_activity
          where application_name = 'giaoban-live' and datname = current_database()`.execute(
          handle.db,
        )
      ).rows.map((r) => r.pid);
    const before = await listeners();
    expect(before).toHaveLength(2);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'giaoban-live' and datname = current_database()`.execute(handle.db);
    const from = client.events.length;
    const itemId = await next();
    // Heard at once if B is listening again, or re-read when it is: either way, shown.
    await showing(client, itemId, from);
    // Both instances listen again, on new connections.
    await vi.waitFor(
      async () => {
        const after = await listeners();
        expect(after).toHaveLength(2);
        expect(after.filter((pid) => before.includes(pid))).toEqual([]);
      },
      { timeout: 10_000, interval: 100 },
    );
    client.close();
  });
});

describe('live projector on worker processes sharing one SQLite file [sqlite (file)]', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-live-workers-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'shows a change made through one worker on the streams of every worker',
    { timeout: 90_000 },
    async () => {
      const db = openSqlite(path.join(dir, 'giaoban.sqlite'));
      await migrateToLatest(db);
      const meeting = await buildRunningMeeting(db, { items: 4, readers: 1 });
      await db.destroy();
      server = await startServerProcess({
        GIAOBAN_DATA_DIR: dir,
        GIAOBAN_DEMO: '0',
        GIAOBAN_WORKERS: '2',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      });
      const secretary = await login(server.base, meeting.secretary);
      const reader = await login(server.base, meeting.readers[0]!);
      // The primary hands connections to the workers in turn: four streams land on both.
      const streams = [];
      for (let i = 0; i < 4; i++) {
        const client = await openEventStream(
          `${server.base}/api/v1/meetings/${meeting.meetingId}/events`,
          { cookie: reader },
        );
        expect(client.status).toBe(200);
        await client.next();
        streams.push(client);
      }
      const response = await fetch(`${server.base}/api/v1/meetings/${meeting.meetingId}/speaker`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: secretary },
        body: JSON.stringify({ action: 'next' }),
      });
      expect(response.status).toBe(200);
      await Promise.all(
        streams.map((c) => c.next((e) => stateOf(e.data).current?.itemId === meeting.itemIds[1])),
      );
      for (const c of streams) c.close();
    },
  );
});
