import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrateToLatest, openPostgres, openSqlite } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/*
 * Migrated, empty databases that test suites copy instead of migrating their own. They are
 * built at the start of every run from the migrations in the tree, never kept between runs, so
 * a migration added since the last run is always in them.
 */

/** Where this run's templates are; handed from the global setup to the test files. */
export interface DatabaseTemplates {
  /** A migrated SQLite file; each suite opens a copy of it. */
  sqliteFile: string;
  /** A migrated database on the server each suite is created from, or a PGlite data dump. */
  postgres:
    { kind: 'server'; url: string; template: string } | { kind: 'pglite'; dumpFile: string };
}

export interface BuiltTemplates {
  templates: DatabaseTemplates;
  remove(): Promise<void>;
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Runs statements on the server's maintenance connection (CREATE/DROP DATABASE). */
export async function onServer(serverUrl: string, ...statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A database name no other run on the same server uses. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function buildSqlite(dir: string): Promise<string> {
  const file = path.join(dir, 'template.sqlite');
  const db = openSqlite(file);
  await migrateToLatest(db);
  // Closing checkpoints the write-ahead log into the file, so a plain copy holds everything.
  await db.destroy();
  return file;
}

async function buildServerTemplate(url: string): Promise<string> {
  const template = uniqueDatabaseName('giaoban_template');
  await onServer(url, `CREATE DATABASE ${template}`);
  const db = openPostgres(databaseUrl(url, template), 2);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  // No connection may stay open on a template while databases are created from it.
  await onServer(url, `ALTER DATABASE ${template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  return template;
}

async function buildPgliteDump(dir: string): Promise<string> {
  const pglite = new PGlite();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  await db.destroy();
  const file = path.join(dir, 'pglite.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

/**
 * Migrates one SQLite file and one PostgreSQL template (on the server of TEST_DATABASE_URL, or
 * in PGlite when there is none), in parallel.
 */
export async function buildTemplates(): Promise<BuiltTemplates> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-templates-'));
  const url = process.env.TEST_DATABASE_URL;
  const [sqliteFile, postgres] = await Promise.all([
    buildSqlite(dir),
    url
      ? buildServerTemplate(url).then((template) => ({ kind: 'server' as const, url, template }))
      : buildPgliteDump(dir).then((dumpFile) => ({ kind: 'pglite' as const, dumpFile })),
  ]);
  return {
    templates: { sqliteFile, postgres },
    async remove() {
      fs.rmSync(dir, { recursive: true, force: true });
      if (postgres.kind === 'server') {
        await onServer(
          postgres.url,
          `ALTER DATABASE ${postgres.template} WITH IS_TEMPLATE false`,
          `DROP DATABASE IF EXISTS ${postgres.template} WITH (FORCE)`,
        );
      }
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's migrated templates, from the global setup of the database and HTTP tiers. */
    databaseTemplates: DatabaseTemplates;
  }
}
