import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { migrateToLatest, openPostgres } from '../src/db/database.ts';
import type { ProjectorState } from '../src/meetings/meetings.schema.ts';
import {
  openEventStream,
  type EventStreamClient,
} from '../src/test-support/event-stream-client.ts';
import { TEST_PASSWORD } from '../src/test-support/factories.ts';
import { buildRunningMeeting } from '../src/test-support/live-meeting.ts';
import { load, ms, pct, startServeCommand, stopChild } from './support/http.ts';

/*
 * 200 projector clients on two app instances sharing one PostgreSQL, and the time from the
 * secretary's "next speaker" (POST …/speaker on instance A) to the last client's update, over
 * 30 rounds. Goal: p99 under 1 s. Beside it, the baseline: the time of the POST itself (the
 * change, committed and answered), which no client can see sooner.
 *
 *   npm run bench -- meetings-live
 *
 * The clients are raw HTTP requests parsing the event stream in this process (no EventSource
 * polyfill); whether they keep up is measured, not assumed: the event-loop delay of this
 * process during the rounds is printed, and must stay far below the latencies it measures.
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) names the
 * server where a fresh database is created and dropped (LISTEN/NOTIFY needs a real server).
 */

const CLIENTS = 200;
const ROUNDS = 30;
const WARMUP = 3;
const SESSIONS = 10;
const GOAL_MS = 1000;

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

function currentItemOf(data: string): number | null {
  return (JSON.parse(data) as ProjectorState).current?.itemId ?? null;
}

export async function run(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `giaoban_bench_live_${process.pid}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log(
      `PostgreSQL at ${new URL(url).host} unreachable: this benchmark needs a server (LISTEN/NOTIFY between instances); skipped.`,
    );
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const databaseUrl = target.toString();
  const children: Awaited<ReturnType<typeof startServeCommand>>[] = [];
  const clients: EventStreamClient[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    const db = openPostgres(databaseUrl, 4);
    let meeting: Awaited<ReturnType<typeof buildRunningMeeting>>;
    try {
      await migrateToLatest(db);
      meeting = await buildRunningMeeting(db, { items: ROUNDS + WARMUP + 2, readers: SESSIONS });
    } finally {
      await db.destroy();
    }
    const env = {
      DATABASE_URL: databaseUrl,
      GIAOBAN_DEMO: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    };
    children.push(await startServeCommand(env), await startServeCommand(env));
    const [a, b] = children.map((c) => c.base) as [string, string];
    const secretary = await login(a, meeting.secretary);
    const sessions: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      sessions.push(await login(i % 2 ? b : a, meeting.readers[i]!));
    }

    const path = `/api/v1/meetings/${meeting.meetingId}/events`;
    for (let i = 0; i < CLIENTS; i++) {
      const base = i % 2 ? b : a;
      clients.push(
        await openEventStream(`${base}${path}`, { cookie: sessions[i % SESSIONS]! }, agent),
      );
    }
    if (clients.some((c) => c.status !== 200)) throw new Error('a client was refused');
    await Promise.all(clients.map((c) => c.next()));
    console.log(
      `${CLIENTS} clients connected, ${CLIENTS / 2} on each of two instances (PostgreSQL)`,
    );

    const next = async () => {
      const started = performance.now();
      const response = await fetch(`${a}/api/v1/meetings/${meeting.meetingId}/speaker`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: secretary },
        body: JSON.stringify({ action: 'next' }),
      });
      const answered = performance.now();
      if (response.status !== 200)
        throw new Error(`next speaker: ${response.status} ${await response.text()}`);
      const agenda = (await response.json()) as { currentItemId: number | null };
      return { started, answered, itemId: agenda.currentItemId };
    };

    const lastClient: number[] = [];
    const allClients: number[] = [];
    const posts: number[] = [];
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const cpuBefore = process.cpuUsage();
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const froms = clients.map((c) => c.events.length);
      if (round === WARMUP) delay.enable();
      const { started, answered, itemId } = await next();
      const arrivals = await Promise.all(
        clients.map((c, i) => c.next((e) => currentItemOf(e.data) === itemId, froms[i])),
      );
      const times = arrivals.map((e) => e.at - started);
      if (round >= WARMUP) {
        lastClient.push(Math.max(...times));
        allClients.push(...times);
        posts.push(answered - started);
      }
      // Rounds apart, as a secretary's clicks are: each round starts from a quiet system.
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    delay.disable();
    const cpu = process.cpuUsage(cpuBefore);

    console.log(`${ROUNDS} rounds of "next speaker" on instance A (${load()}):`);
    console.log(
      `  last client's update   p50 ${ms(pct(lastClient, 50))}  p99 ${ms(pct(lastClient, 99))}  max ${ms(Math.max(...lastClient))}   goal p99 < ${GOAL_MS} ms: ${pct(lastClient, 99) < GOAL_MS ? 'met' : 'NOT met'}`,
    );
    console.log(
      `  any client's update    p50 ${ms(pct(allClients, 50))}  p99 ${ms(pct(allClients, 99))}`,
    );
    console.log(
      `  baseline: the POST     p50 ${ms(pct(posts, 50))}  p99 ${ms(pct(posts, 99))}   (last client / POST at p50: ${(pct(lastClient, 50) / pct(posts, 50)).toFixed(1)}×)`,
    );
    console.log(
      `  measuring client: event-loop delay p99 ${ms(delay.percentile(99) / 1e6)}  max ${ms(delay.max / 1e6)}; CPU ${ms((cpu.user + cpu.system) / 1000 / ROUNDS)} per round`,
    );
  } finally {
    for (const c of clients) c.close();
    agent.destroy();
    for (const c of children) await stopChild(c.child);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
