import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrateToLatest, openPostgres, openSqlite, type Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/*
 * Every database test runs on both engines, the way Kysely's own suites loop over dialects:
 * SQLite in memory, and PostgreSQL — the server named by TEST_DATABASE_URL (a fresh database
 * per test file, dropped afterwards), or an in-process PGlite when no server is configured.
 */

export const ENGINES = ['sqlite', 'postgres'] as const;
export type TestEngine = (typeof ENGINES)[number];

export interface TestDatabase {
  db: Database;
  close(): Promise<void>;
}

async function createPostgres(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const pglite = new PGlite();
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return { db, close: () => db.destroy() };
  }
  const name = `giaoban_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = openPostgres(target.toString(), 5);
  return {
    db,
    async close() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A new, migrated, empty database of the given engine. */
export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  const handle =
    engine === 'sqlite'
      ? (() => {
          const db = openSqlite(':memory:');
          return { db, close: () => db.destroy() };
        })()
      : await createPostgres();
  await migrateToLatest(handle.db);
  return handle;
}

/** The label test names carry, so the output shows which engine ran. */
export function engineLabel(engine: TestEngine): string {
  return engine === 'postgres'
    ? process.env.TEST_DATABASE_URL
      ? 'postgres (server)'
      : 'postgres (pglite)'
    : 'sqlite';
}

/**
 * Declares the same suite once per engine, with one migrated database shared by the suite's
 * tests (tests make their own data through the factories, so they do not collide).
 */
export function describeEachEngine(
  name: string,
  suite: (get: () => Database, engine: TestEngine) => void,
) {
  for (const engine of ENGINES) {
    describe(`${name} [${engineLabel(engine)}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(engine);
      }, 60_000);
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error('test database not ready');
        return handle.db;
      }, engine);
    });
  }
}
