import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { migrateToLatest, openPostgres, openSqlite, type Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { databaseUrl, onServer, uniqueDatabaseName, type DatabaseTemplates } from './templates.ts';

/*
 * Every database test runs on both engines, the way Kysely's own suites loop over dialects:
 * SQLite, and PostgreSQL — the server named by TEST_DATABASE_URL (a database per suite, dropped
 * afterwards), or an in-process PGlite when no server is configured. Each suite gets a copy of
 * the run's migrated template (see templates.ts and global-setup.ts) rather than migrating a
 * database of its own.
 */

export const ENGINES = ['sqlite', 'postgres'] as const;
export type TestEngine = (typeof ENGINES)[number];

export interface TestDatabase {
  db: Database;
  close(): Promise<void>;
}

function copySqlite(templateFile: string): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-test-'));
  const file = path.join(dir, 'test.sqlite');
  fs.copyFileSync(templateFile, file);
  const db = openSqlite(file);
  return {
    db,
    async close() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function serverDatabase(url: string, template: string | null): Promise<TestDatabase> {
  const name = uniqueDatabaseName('giaoban_test');
  await onServer(url, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const db = openPostgres(databaseUrl(url, name), 5);
  return {
    db,
    async close() {
      await db.destroy();
      await onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function pglite(dumpFile: string | null): TestDatabase {
  const instance = dumpFile
    ? new PGlite({ loadDataDir: new Blob([fs.readFileSync(dumpFile)]) })
    : new PGlite();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(instance) });
  return { db, close: () => db.destroy() };
}

function fromTemplate(engine: TestEngine, templates: DatabaseTemplates): Promise<TestDatabase> {
  if (engine === 'sqlite') return Promise.resolve(copySqlite(templates.sqliteFile));
  const postgres = templates.postgres;
  return postgres.kind === 'server'
    ? serverDatabase(postgres.url, postgres.template)
    : Promise.resolve(pglite(postgres.dumpFile));
}

/** Without the global setup (a config that does not run it): a database migrated here. */
async function migratedHere(engine: TestEngine): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  const handle =
    engine === 'sqlite'
      ? (() => {
          const db = openSqlite(':memory:');
          return { db, close: () => db.destroy() };
        })()
      : url
        ? await serverDatabase(url, null)
        : pglite(null);
  await migrateToLatest(handle.db);
  return handle;
}

/** A new, migrated, empty database of the given engine. */
export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  const templates = inject('databaseTemplates') as DatabaseTemplates | undefined;
  return templates ? fromTemplate(engine, templates) : migratedHere(engine);
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
