import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  type MigrationResultSet,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { engineOf, storageProblemOf, type Engine } from './dialect.ts';
import { migrations } from './migrations/index.ts';
import { SqliteReader } from './read-worker.ts';
import type { DB } from './schema.ts';
import { describeStorageError } from './storage.ts';
import { AppSqliteDialect } from './sqlite-dialect.ts';

export type Database = Kysely<DB>;

const sqliteFiles = new WeakMap<object, string>();
const readers = new WeakMap<object, SqliteReader>();

/**
 * The off-thread reader of a SQLite database opened from a file (see read-worker.ts), or null
 * for PostgreSQL, an in-memory database, or a transaction (which must see its own writes).
 */
export function sqliteReaderOf(db: object): SqliteReader | null {
  const file = sqliteFiles.get(db);
  if (file === undefined) return null;
  let reader = readers.get(db);
  if (!reader) {
    reader = new SqliteReader(file);
    readers.set(db, reader);
  }
  return reader;
}

/** The SQLite file a database handle was opened on; null for PostgreSQL or in memory. */
export function sqliteFileOf(db: object): string | null {
  return sqliteFiles.get(db) ?? null;
}

/**
 * Opens the embedded SQLite file with the settings the app relies on. A file or folder that
 * cannot be opened or written is an error naming the path and the reason (read-only, disk
 * full, not a database), not SQLite's bare "unable to open database file".
 */
export function openSqlite(file: string): Database {
  const inMemory = file === ':memory:' || file === '';
  let sqlite: SQLite.Database | undefined;
  try {
    if (!inMemory) fs.mkdirSync(path.dirname(file), { recursive: true });
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
  } catch (error) {
    sqlite?.close();
    if (inMemory) throw error;
    throw new Error(
      `Cannot open the SQLite database ${describeStorageError(error, path.resolve(file))}`,
      { cause: error },
    );
  }
  const db = new Kysely<DB>({ dialect: new AppSqliteDialect(sqlite) });
  if (!inMemory) sqliteFiles.set(db, path.resolve(file));
  return db;
}

const postgresUrls = new WeakMap<object, string>();

/**
 * The connection string a PostgreSQL pool was opened with (for a connection of its own, as the
 * live bus's LISTEN); null for SQLite, PGlite or a transaction.
 */
export function postgresUrlOf(db: object): string | null {
  return postgresUrls.get(db) ?? null;
}

/** Opens a PostgreSQL connection pool. */
export function openPostgres(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection the server ends (restart, failover, a forced drop) must not crash the
  // process: the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  postgresUrls.set(db, connectionString);
  return db;
}

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else SQLite. */
export function openDatabase(config: Config): Database {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.sqliteFile);
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Database): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  // Nothing pending (every start but the first after an upgrade): no write lock is taken, so a
  // command started beside a busy app does not wait for it.
  const known = await migrator.getMigrations();
  if (known.every((m) => m.executedAt !== undefined)) return { results: [] };
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause =
      result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
    const where = sqliteFileOf(db) ?? 'the PostgreSQL server';
    const reason = storageProblemOf(cause) ? describeStorageError(cause, where) : cause.message;
    throw new Error(
      `${failed ? `Migration ${failed.migrationName}` : 'Migrating'} failed, nothing was changed: ${reason}`,
      { cause },
    );
  }
  // All pending migrations ran in one transaction on both engines; check they are all recorded.
  const missing = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined);
  if (missing.length > 0) {
    throw new Error(`Migrations not applied: ${missing.map((m) => m.name).join(', ')}`);
  }
  return result;
}

export function databaseEngine(db: Database): Engine {
  return engineOf(db as Kysely<unknown>);
}

/**
 * Runs `fn` in a transaction of its own, or in the one `db` already is (the demo loads in one):
 * what a job does batch by batch can also be done inside a caller's transaction.
 */
export function inTransaction<T>(
  db: Database | Transaction<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}
