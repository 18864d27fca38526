import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { sqliteReaderOf } from './database.ts';
import { engineOf, type FullTextIndex } from './dialect.ts';
import { QueryTimeout } from './read-worker.ts';
import type { DB, Db } from './schema.ts';

export type { FullTextIndex } from './dialect.ts';

/*
 * Full-text search over folded text that costs what its answer costs, whatever the words, for
 * every index of the app (the portal's articles, the workspace's records): one query building,
 * one ranking, one time budget. An index is a table with `id`, `title_folded` and, on
 * PostgreSQL, a stored `search_vector` (title weight A, body weight B) with its GIN index; on
 * SQLite an FTS5 table (title, body) whose rowid is the table's id (src/db/dialect.ts creates
 * and refreshes both).
 *
 * One indexed query finds the matches, newest first, and stops at SEARCH_CANDIDATES + 1: only
 * those are ranked, so the commonest word reads as many index entries as a word found in a
 * thousand. A count past SEARCH_CANDIDATES is shown as "more than". The query runs under a
 * time budget enforced below the app: PostgreSQL's statement_timeout in the search's own
 * transaction; on SQLite, in a worker thread with its own read-only connection
 * (read-worker.ts), so the event loop keeps serving while it runs and gives up on it when the
 * budget is spent.
 */

/** How many matches are ranked; past this, the count is "more than" this. */
export const SEARCH_CANDIDATES = 1000;
/** How long one search may run before it answers that it ran out of time. */
export const SEARCH_BUDGET_MS = 2000;
/** The last word matches as a prefix only from this many letters ("ph" would match thousands). */
export const PREFIX_MIN_LETTERS = 3;

/** Extra conditions on the indexed rows, given the alias the query names them by. */
export type FullTextFilter = (alias: string) => RawBuilder<unknown>[];

export interface FullTextCandidate {
  id: number;
  score: number;
  at: string;
}

export interface RankedMatches {
  /** The matches, best first (rank, then newest), at most SEARCH_CANDIDATES. */
  ranked: FullTextCandidate[];
  /** True when there are more matches than were ranked. */
  more: boolean;
  /** True when the budget ran out: no results, and the reader is told so. */
  timedOut: boolean;
}

function checkTerms(terms: readonly string[]): void {
  if (terms.length === 0 || terms.some((t) => !/^[a-z0-9]+$/.test(t))) {
    throw new Error('full-text search needs folded [a-z0-9] terms');
  }
}

/** Whether the last word may also match as the start of a longer word. */
const prefixable = (terms: readonly string[]) =>
  (terms[terms.length - 1] ?? '').length >= PREFIX_MIN_LETTERS;

/** The FTS5 query: every word (the last as a prefix when `prefix`), or the whole phrase. */
export function ftsMatch(terms: readonly string[], prefix = prefixable(terms)): string {
  checkTerms(terms);
  const last = terms.length - 1;
  const all = terms.map((t, i) => (i === last && prefix ? `"${t}"*` : `"${t}"`)).join(' ');
  // The phrase as typed ranks above the same words apart (bm25 counts its matches too).
  return terms.length > 1 ? `(${all}) OR "${terms.join(' ')}"` : all;
}

/** The PostgreSQL tsquery text of the same search. */
export function tsQuery(terms: readonly string[], prefix = prefixable(terms)): string {
  checkTerms(terms);
  const last = terms.length - 1;
  return terms.map((t, i) => (i === last && prefix ? `${t}:*` : t)).join(' & ');
}

const and = (parts: RawBuilder<unknown>[]) =>
  parts.length === 0 ? sql`` : sql` AND ${sql.join(parts, sql` AND `)}`;

function sqliteCandidates(
  ix: FullTextIndex,
  terms: readonly string[],
  filter: FullTextFilter,
  prefix: boolean,
) {
  const phrase = ` ${terms.join(' ')} `;
  const fts = sql.table(ix.fts);
  const ftsRowid = sql.ref(`${ix.fts}.rowid`);
  // The FTS table drives the loop (CROSS JOIN keeps SQLite from reordering it), in rowid order
  // from the newest, each match joined to its row by primary key, until enough are found.
  return sql<FullTextCandidate>`SELECT ${ftsRowid} AS id,
      -bm25(${fts}, 5.0, 1.0) + CASE WHEN instr(' ' || a.title_folded || ' ', ${phrase}) > 0 THEN 10 ELSE 0 END AS score,
      ${sql.ref(`a.${ix.at}`)} AS at
    FROM ${fts} CROSS JOIN ${sql.table(ix.table)} a
    WHERE ${fts} MATCH ${ftsMatch(terms, prefix)} AND a.id = ${ftsRowid}${and(filter('a'))}
    ORDER BY ${ftsRowid} DESC LIMIT ${SEARCH_CANDIDATES + 1}`;
}

function postgresCandidates(
  ix: FullTextIndex,
  terms: readonly string[],
  filter: FullTextFilter,
  prefix: boolean,
) {
  const query = tsQuery(terms, prefix);
  const phrase = terms.join(' ');
  const table = sql.table(ix.table);
  // The GIN index finds the matches; only the newest CANDIDATES + 1 are ranked, from their
  // stored vectors.
  return sql<FullTextCandidate>`SELECT a.id, ${sql.ref(`a.${ix.at}`)} AS at,
      ts_rank(a.search_vector, to_tsquery('simple', ${query}))
        + CASE WHEN a.search_vector @@ phraseto_tsquery('simple', ${phrase}) THEN 5 ELSE 0 END
        + CASE WHEN position(${` ${phrase} `} in ' ' || a.title_folded || ' ') > 0 THEN 10 ELSE 0 END AS score
    FROM (SELECT c.id FROM ${table} c
          WHERE c.search_vector @@ to_tsquery('simple', ${query})${and(filter('c'))}
          ORDER BY c.id DESC LIMIT ${SEARCH_CANDIDATES + 1}) m
    JOIN ${table} a ON a.id = m.id`;
}

const isPgTimeout = (e: unknown) => (e as { code?: unknown } | null)?.code === '57014';

async function candidates(
  db: Db,
  ix: FullTextIndex,
  terms: readonly string[],
  filter: FullTextFilter,
  prefix: boolean,
  budgetMs: number,
): Promise<FullTextCandidate[]> {
  if (engineOf(db as Kysely<unknown>) === 'sqlite') {
    const query = sqliteCandidates(ix, terms, filter, prefix).compile(db);
    const reader = sqliteReaderOf(db);
    if (reader) return reader.query<FullTextCandidate>(query.sql, query.parameters, budgetMs);
    // In memory or inside a transaction: no second connection can see these rows.
    return (await db.executeQuery(query)).rows;
  }
  const run = async (trx: Transaction<DB>) => {
    await sql`SELECT set_config('statement_timeout', ${String(budgetMs)}, true)`.execute(trx);
    return (await postgresCandidates(ix, terms, filter, prefix).execute(trx)).rows;
  };
  try {
    if (db.isTransaction) {
      // Inside the caller's transaction a savepoint keeps a timeout from aborting it.
      const trx = db as Transaction<DB>;
      await sql`SAVEPOINT full_text_search`.execute(trx);
      try {
        const rows = await run(trx);
        await sql`SELECT set_config('statement_timeout', '0', true)`.execute(trx);
        await sql`RELEASE SAVEPOINT full_text_search`.execute(trx);
        return rows;
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT full_text_search`.execute(trx);
        throw error;
      }
    }
    return await db.transaction().execute(run);
  } catch (error) {
    if (isPgTimeout(error)) throw new QueryTimeout(budgetMs);
    throw error;
  }
}

/**
 * The rows of the index matching every folded term, best first (rank, then newest), among the
 * newest SEARCH_CANDIDATES matches.
 */
export async function rankedMatches(
  db: Db,
  ix: FullTextIndex,
  terms: readonly string[],
  filter: FullTextFilter,
  budgetMs = SEARCH_BUDGET_MS,
): Promise<RankedMatches> {
  const started = Date.now();
  let found: FullTextCandidate[];
  try {
    // The words as typed first. Only when they find no more than can be ranked does the last
    // word also match longer words ("phuon" → "phuong"): expanding a prefix merges the index
    // entries of every word it starts, which for a short, common start is most of the index.
    found = await candidates(db, ix, terms, filter, false, budgetMs);
    if (found.length <= SEARCH_CANDIDATES && prefixable(terms)) {
      const left = budgetMs - (Date.now() - started);
      if (left <= 0) throw new QueryTimeout(budgetMs);
      found = await candidates(db, ix, terms, filter, true, left);
    }
  } catch (error) {
    if (error instanceof QueryTimeout) return { ranked: [], more: false, timedOut: true };
    throw error;
  }
  const ranked = found
    .slice(0, SEARCH_CANDIDATES)
    .map((c) => ({ id: Number(c.id), score: Number(c.score), at: c.at ?? '' }))
    .sort(byRank);
  return { ranked, more: found.length > SEARCH_CANDIDATES, timedOut: false };
}

/** Best first: rank, then newest, then the higher id. */
export function byRank(x: FullTextCandidate, y: FullTextCandidate): number {
  return y.score - x.score || (y.at < x.at ? -1 : y.at > x.at ? 1 : y.id - x.id);
}
