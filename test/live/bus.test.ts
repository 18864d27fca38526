import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresUrlOf } from '../../src/db/database.ts';
import { InProcessBus, liveTopic, type LiveBus } from '../../src/live/bus.ts';
import { PostgresBus, type LiveLog } from '../../src/live/postgres-bus.ts';
import { createTestDatabase, type TestDatabase } from '../../src/test-support/engines.ts';

/*
 * The live bus: topics published on one instance reach the subscribers of every instance on
 * the same PostgreSQL database, the listening connection comes back after the server ends it,
 * and SQLite's bus stays in the process.
 */

/** Resolves with the next `n` topics `bus` delivers for `topic`. */
function heard(bus: LiveBus, topic: string, n = 1): Promise<string[]> {
  return new Promise((resolve) => {
    const got: string[] = [];
    const stop = bus.subscribe(topic, (t) => {
      got.push(t);
      if (got.length === n) {
        stop();
        resolve(got);
      }
    });
  });
}

const quiet: LiveLog & { warnings: string[] } = {
  warnings: [],
  info() {},
  warn(_obj, msg) {
    quiet.warnings.push(msg);
  },
  error(_obj, msg) {
    quiet.warnings.push(msg);
  },
};

const serverUrl = process.env.TEST_DATABASE_URL;

// Needs a real server: PGlite runs in one process and has no backends to end.
describe.runIf(serverUrl)('PostgreSQL live bus [postgres (server)]', () => {
  let handle: TestDatabase;
  let url: string;
  const buses: PostgresBus[] = [];
  const bus = () => {
    const b = new PostgresBus({
      connectionString: url,
      db: handle.db,
      log: quiet,
      minDelayMs: 50,
      maxDelayMs: 400,
    });
    buses.push(b);
    return b;
  };

  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
    url = postgresUrlOf(handle.db)!;
    expect(url).toBeTruthy();
  });
  afterAll(async () => {
    for (const b of buses) await b.close();
    await handle.close();
  });

  it("two buses on one database hear each other's topics, and their own", async () => {
    const a = bus();
    const b = bus();
    await Promise.all([a.start(), b.start()]);
    expect(a.listening && b.listening).toBe(true);
    const topic = liveTopic.meeting(41);
    const onB = heard(b, topic);
    const onA = heard(a, topic);
    const elsewhere = heard(b, liveTopic.meeting(42));
    await a.publish(topic);
    expect(await onB).toEqual([topic]);
    expect(await onA).toEqual([topic]);
    await b.publish(liveTopic.meeting(42));
    expect(await elsewhere).toEqual([liveTopic.meeting(42)]);
  });

  it('comes back after the server ends its connection, tells every topic once, and delivers again', async () => {
    const a = bus();
    const b = bus();
    await Promise.all([a.start(), b.start()]);
    const topic = liveTopic.meeting(7);
    const other = liveTopic.meeting(8);
    const before = b.connections;
    const pid = b.backendPid!;
    // After the reconnect each local topic hears one change, whatever happened meanwhile.
    const replayed = Promise.all([heard(b, topic), heard(b, other)]);
    await sql`select pg_terminate_backend(${pid})`.execute(handle.db);
    expect(await replayed).toEqual([[topic], [other]]);
    await b.whenListening();
    expect(b.connections).toBe(before + 1);
    expect(b.backendPid).not.toBe(pid);
    expect(quiet.warnings.some((w) => w.includes('reconnecting'))).toBe(true);

    const again = heard(b, topic);
    await a.publish(topic);
    expect(await again).toEqual([topic]);
  });

  it('keeps trying while the server refuses it, and never throws', async () => {
    const wrong = new URL(url);
    wrong.pathname = '/giaoban_no_such_database';
    const b = new PostgresBus({
      connectionString: wrong.toString(),
      db: handle.db,
      log: quiet,
      minDelayMs: 20,
      maxDelayMs: 40,
    });
    buses.push(b);
    const warned = quiet.warnings.length;
    await b.start();
    expect(b.listening).toBe(false);
    await vi.waitFor(() => expect(quiet.warnings.length - warned).toBeGreaterThanOrEqual(3));
    // Its own subscribers still hear what it publishes (through the pool, which works).
    const own = heard(b, 'x');
    await b.publish('x');
    expect(await own).toEqual(['x']);
    await b.close();
  });
});

describe('in-process live bus [sqlite]', () => {
  it('delivers to the subscribers of that topic only, until they unsubscribe', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    const stop = bus.subscribe('a', (t) => seen.push(`1:${t}`));
    bus.subscribe('a', (t) => seen.push(`2:${t}`));
    bus.subscribe('b', (t) => seen.push(`3:${t}`));
    const delivered = heard(bus, 'a');
    await bus.publish('a');
    await delivered;
    expect(seen).toEqual(['1:a', '2:a']);
    stop();
    const again = heard(bus, 'a');
    await bus.publish('a');
    await again;
    expect(seen).toEqual(['1:a', '2:a', '2:a']);
    await bus.close();
  });
});
