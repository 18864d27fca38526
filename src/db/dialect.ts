import {
  type ColumnDataType,
  type ColumnDefinitionBuilder,
  type Expression,
  type RawBuilder,
  type SqlBool,
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

/** Now as the ISO-8601 UTC string every timestamp column holds. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** The column type for bytes stored in the database (images): BLOB / BYTEA. */
export function binaryColumnType(db: Kysely<unknown>): ColumnDataType {
  return engineOf(db) === 'sqlite' ? 'blob' : 'bytea';
}

// Full-text search over the portal's folded article text. SQLite keeps a separate FTS5 table
// (rowid = article id) that the repository refreshes on every write; PostgreSQL indexes an
// expression over the folded columns, so there is nothing to refresh.

const PG_ARTICLE_VECTOR = sql`(setweight(to_tsvector('simple', portal_articles.title_folded), 'A') || setweight(to_tsvector('simple', portal_articles.body_folded), 'B'))`;

/** Creates the article search index (migration 0202). */
export async function createArticleSearchIndex(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE portal_search USING fts5(title, body, tokenize = 'unicode61')`.execute(
      db,
    );
  } else {
    await sql`CREATE INDEX portal_articles_search_idx ON portal_articles USING gin ((setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'B')))`.execute(
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
  if (engineOf(db) !== 'sqlite') return;
  await sql`DELETE FROM portal_search WHERE rowid = ${id}`.execute(db);
  if (titleFolded !== null) {
    await sql`INSERT INTO portal_search (rowid, title, body) VALUES (${id}, ${titleFolded}, ${bodyFolded})`.execute(
      db,
    );
  }
}

/**
 * The condition and rank (higher is better) of a full-text match of folded `terms` ([a-z0-9]+
 * words, all required; the last one also as a prefix) against `portal_articles`.
 */
export function articleFullText(
  db: Kysely<unknown>,
  terms: readonly string[],
): { where: Expression<SqlBool>; rank: RawBuilder<number> } {
  if (terms.some((t) => !/^[a-z0-9]+$/.test(t)) || terms.length === 0) {
    throw new Error('articleFullText needs folded [a-z0-9] terms');
  }
  const last = terms.length - 1;
  const phrase = terms.join(' ');
  // Relevance: BM25 / ts_rank, plus a bonus when the words appear together as typed, and a
  // larger one when they do so in the title ("thi uy tu son giao ban" finds that article first).
  if (engineOf(db) === 'sqlite') {
    const match = terms.map((t, i) => (i === last ? `"${t}"*` : `"${t}"`)).join(' ');
    const inText = `"${phrase}"`;
    const inTitle = `title : "${phrase}"`;
    const has = (q: string) =>
      sql`EXISTS (SELECT 1 FROM portal_search WHERE portal_search MATCH ${q} AND rowid = portal_articles.id)`;
    return {
      where: sql<SqlBool>`portal_articles.id IN (SELECT rowid FROM portal_search WHERE portal_search MATCH ${match})`,
      rank: sql<number>`((SELECT -bm25(portal_search, 5.0, 1.0) FROM portal_search WHERE portal_search MATCH ${match} AND rowid = portal_articles.id) + 5 * ${has(inText)} + 10 * ${has(inTitle)})`,
    };
  }
  const query = terms.map((t, i) => (i === last ? `${t}:*` : t)).join(' & ');
  return {
    where: sql<SqlBool>`${PG_ARTICLE_VECTOR} @@ to_tsquery('simple', ${query})`,
    rank: sql<number>`(ts_rank(${PG_ARTICLE_VECTOR}, to_tsquery('simple', ${query})) + 5 * (${PG_ARTICLE_VECTOR} @@ phraseto_tsquery('simple', ${phrase}))::int + 10 * (to_tsvector('simple', portal_articles.title_folded) @@ phraseto_tsquery('simple', ${phrase}))::int)`,
  };
}
