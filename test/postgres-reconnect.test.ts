import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/database.ts';

const url = process.env.TEST_DATABASE_URL;

describe('PostgreSQL connection pool [postgres (server)]', () => {
  // Needs a real server to end a connection from its side; PGlite has no separate backends.
  // CI sets TEST_DATABASE_URL, so this runs there.
  it.runIf(url)('survives the server ending an idle connection, and reconnects', async () => {
    const db = openPostgres(url!, 2);
    const watcher = openPostgres(url!, 1);
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      const pid = rows[0]!.pid;
      await sql`select pg_terminate_backend(${pid})`.execute(watcher);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      await db.destroy();
      await watcher.destroy();
    }
  });
});
