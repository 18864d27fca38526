import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSqlite, sqliteReaderOf, type Database } from './database.ts';
import { QueryTimeout } from './read-worker.ts';

// Seconds of work on any machine: SQLite counts to 30 million one row at a time (about 4 million
// a second on a 2-core machine at rest). A worker busy in SQLite ends only when the statement
// returns, so closing the reader waits that long: the tests allow for a loaded machine.
const SLOW = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000000) SELECT count(*) AS c FROM n`;
const LOADED_MACHINE_MS = 180_000;

let dir: string;
let db: Database;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-reader-'));
  db = openSqlite(path.join(dir, 'test.sqlite'));
});
afterAll(async () => {
  await sqliteReaderOf(db)?.close();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

it(
  'runs a query off the event loop: the app goes on answering while it runs',
  async () => {
    const reader = sqliteReaderOf(db)!;
    let slowDone = false;
    const slow = reader.query(SLOW, [], 60_000).then(
      () => (slowDone = true),
      () => (slowDone = true),
    );
    // Meanwhile the main thread's own connection and timers keep working.
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect((await sql<{ x: number }>`SELECT ${i} + 1 AS x`.execute(db)).rows[0]?.x).toBe(i + 1);
    }
    expect(slowDone).toBe(false);
    await reader.close();
    await slow;
  },
  LOADED_MACHINE_MS,
);

it(
  'gives up on a query past its budget and serves the next one with a fresh worker',
  async () => {
    const other = openSqlite(path.join(dir, 'test.sqlite'));
    try {
      const reader = sqliteReaderOf(other)!;
      const started = Date.now();
      await expect(reader.query(SLOW, [], 200)).rejects.toBeInstanceOf(QueryTimeout);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(await reader.query<{ x: number }>('SELECT ? + 1 AS x', [1], 5000)).toEqual([{ x: 2 }]);
      await reader.close();
    } finally {
      await other.destroy();
    }
  },
  LOADED_MACHINE_MS,
);

it('has no reader for an in-memory database (no second connection could see it)', async () => {
  const memory = openSqlite(':memory:');
  expect(sqliteReaderOf(memory)).toBeNull();
  await memory.destroy();
});
