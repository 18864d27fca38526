import {
  type ColumnDataType,
  type ColumnDefinitionBuilder,
  sql,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  SqliteAdapter,
} from 'kysely';

/**
 * Everything that differs between SQLite and PostgreSQL lives here, so the rest of the code
 * writes one query for both engines.
 */
export type Engine = 'sqlite' | 'postgres';

/** Which engine a Kysely instance (or transaction) talks to. */
export function engineOf(db: Kysely<unknown>): Engine {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  if (adapter instanceof PostgresAdapter) return 'postgres';
  throw new Error('Unsupported database adapter');
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function withId<T extends string>(
  db: Kysely<unknown>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return engineOf(db) === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'serial', (c) => c.primaryKey());
}

/** A foreign key column to `table.id`. */
export function reference(table: string, onDelete: 'cascade' | 'restrict' = 'restrict') {
  return (c: ColumnDefinitionBuilder) => c.references(`${table}.id`).onDelete(onDelete);
}

/** True when an error from either engine is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown };
  return (
    e.code === '23505' || // PostgreSQL unique_violation
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** True when an error from either engine is a foreign-key violation. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function* codesOf(error: unknown): Generator<string> {
  // The driver's error, or the one it caused (a migration's, a wrapped one), a few levels deep.
  for (let e = error, depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') yield code;
    e = (e as { cause?: unknown }).cause;
  }
}

/**
 * True when the database refused for a moment because another connection holds a lock: SQLite
 * past its busy timeout, PostgreSQL's lock_not_available, serialization_failure and
 * deadlock_detected. Trying the same transaction again later can succeed.
 */
export function isBusy(error: unknown): boolean {
  for (const code of codesOf(error)) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(code) || ['55P03', '40001', '40P01'].includes(code))
      return true;
  }
  return false;
}

/** What is wrong with the storage under the database, as the app tells users and admins. */
export type StorageProblem = 'disk_full' | 'read_only' | 'io_error' | 'cannot_open';

/**
 * The storage problem behind an error from either engine, or null. SQLite: SQLITE_FULL (the
 * disk, or its own max_page_count), SQLITE_READONLY*, SQLITE_IOERR*, SQLITE_CANTOPEN*; the
 * file system's ENOSPC, EROFS, EIO. PostgreSQL: disk_full (53100), read_only_sql_transaction
 * (25006, a read-only replica or default_transaction_read_only), io_error (58030). A full disk
 * on the PostgreSQL server cannot be produced in the tests here; 53100 is what it answers.
 */
export function storageProblemOf(error: unknown): StorageProblem | null {
  for (const code of codesOf(error)) {
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return 'disk_full';
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === '25006')
      return 'read_only';
    if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === '58030') return 'io_error';
    if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot_open';
  }
  return null;
}

/** Now as the ISO-8601 UTC string every timestamp column holds. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** The column type for bytes stored in the database (images): BLOB / BYTEA. */
export function binaryColumnType(db: Kysely<unknown>): ColumnDataType {
  return engineOf(db) === 'sqlite' ? 'blob' : 'bytea';
}

// Full-text search over folded text (src/db/full-text.ts queries it). SQLite keeps a separate
// FTS5 table (rowid = the indexed row's id) that the writer refreshes in the same transaction;
// PostgreSQL keeps a stored generated tsvector column on the row itself, so there is nothing to
// refresh. The portal's articles (portal_articles / portal_search) and the workspace's records
// (search_entries / search_fts) are two indexes of this one kind.

/** Where a full-text index lives (src/db/full-text.ts searches it). */
export interface FullTextIndex {
  /** The table of the indexed rows (id, title_folded, body_folded; search_vector on PostgreSQL). */
  table: string;
  /** The SQLite FTS5 table (title, body), rowid = the row's id. */
  fts: string;
  /** The column the ranking's tie-break reads (newest first). */
  at: string;
}

/** The stored vector of an indexed table's folded title (weight A) and body (weight B). */
const VECTOR = sql.raw(
  "setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'B')",
);

/**
 * Makes `table` (with title_folded and body_folded) searchable: SQLite, the FTS5 table `fts`;
 * PostgreSQL, the stored search_vector column and its GIN index.
 */
export async function createFullTextIndex(
  db: Kysely<unknown>,
  table: string,
  fts: string,
): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE ${sql.table(fts)} USING fts5(title, body, tokenize = 'unicode61')`.execute(
      db,
    );
  } else {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${VECTOR}) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX ${sql.raw(`${table}_vector_idx`)} ON ${sql.table(table)} USING gin (search_vector)`.execute(
      db,
    );
  }
}

export async function dropFullTextIndex(
  db: Kysely<unknown>,
  table: string,
  fts: string,
): Promise<void> {
  if (engineOf(db) === 'sqlite') await sql`DROP TABLE ${sql.table(fts)}`.execute(db);
  else {
    await sql`DROP INDEX ${sql.raw(`${table}_vector_idx`)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN search_vector`.execute(db);
  }
}

/** Refreshes the FTS rows of some ids (SQLite only): null title removes the row. */
export async function syncFullTextRows(
  db: Kysely<unknown>,
  fts: string,
  rows: ReadonlyArray<{ id: number; title: string | null; body: string }>,
): Promise<void> {
  if (engineOf(db) !== 'sqlite' || rows.length === 0) return;
  const table = sql.table(fts);
  await sql`DELETE FROM ${table} WHERE rowid IN (${sql.join(rows.map((r) => r.id))})`.execute(db);
  const kept = rows.filter((r) => r.title !== null);
  for (let at = 0; at < kept.length; at += 200) {
    const values = kept.slice(at, at + 200).map((r) => sql`(${r.id}, ${r.title}, ${r.body})`);
    await sql`INSERT INTO ${table} (rowid, title, body) VALUES ${sql.join(values)}`.execute(db);
  }
}

/** Creates the article search index (migration 0202; 0204 moved PostgreSQL's to a column). */
export async function createArticleSearchIndex(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE portal_search USING fts5(title, body, tokenize = 'unicode61')`.execute(
      db,
    );
  } else {
    await sql`CREATE INDEX portal_articles_search_idx ON portal_articles USING gin ((${VECTOR}))`.execute(
      db,
    );
  }
}

export async function dropArticleSearchIndex(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') await sql`DROP TABLE portal_search`.execute(db);
  else await sql`DROP INDEX portal_articles_search_idx`.execute(db);
}

/** Refreshes one article's row of the search index (SQLite only; PostgreSQL indexes the row). */
export async function syncArticleSearch(
  db: Kysely<unknown>,
  id: number,
  titleFolded: string | null,
  bodyFolded = '',
): Promise<void> {
  await syncFullTextRows(db, 'portal_search', [{ id, title: titleFolded, body: bodyFolded }]);
}

/** Adds the search rows of new articles in one statement (SQLite only, as above). */
export async function syncArticleSearchMany(
  db: Kysely<unknown>,
  rows: ReadonlyArray<{ id: number; title: string; body: string }>,
): Promise<void> {
  if (engineOf(db) !== 'sqlite' || rows.length === 0) return;
  const values = rows.map((r) => sql`(${r.id}, ${r.title}, ${r.body})`);
  await sql`INSERT INTO portal_search (rowid, title, body) VALUES ${sql.join(values)}`.execute(db);
}
