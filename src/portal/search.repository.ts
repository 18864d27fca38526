import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { sqliteReaderOf } from '../db/database.ts';
import { engineOf } from '../db/dialect.ts';
import { QueryTimeout } from '../db/read-worker.ts';
import type { DB, Db } from '../db/schema.ts';

/*
 * Full-text search over the folded article text that costs what its answer costs, whatever the
 * words. One indexed query finds the matches, newest first, and stops at CANDIDATES + 1: only
 * those are ranked, so the commonest word ("dang", in every article) reads as many index
 * entries as a word found in a thousand. A count past CANDIDATES is shown as "more than".
 * The query runs under a time budget enforced below the app: PostgreSQL's statement_timeout
 * in the search's own transaction; on SQLite, in a worker thread with its own read-only
 * connection (read-worker.ts), so the event loop keeps serving while it runs and gives up on
 * it when the budget is spent.
 */

/** How many matches are ranked; past this, the count is "more than" this. */
export const SEARCH_CANDIDATES = 1000;
/** How long one search may run before it answers that it ran out of time. */
export const SEARCH_BUDGET_MS = 2000;
/** The last word matches as a prefix only from this many letters ("ph" would match thousands). */
export const PREFIX_MIN_LETTERS = 3;

export interface SearchFilter {
  states?: string[];
  publishedBefore?: string;
  categoryId?: number;
  fromIso?: string;
  toIso?: string;
}

export interface SearchHits {
  /** The requested page of matches, best first. */
  ids: number[];
  /** Matches found, at most SEARCH_CANDIDATES. */
  total: number;
  /** True when there are more than `total` matches. */
  more: boolean;
  /** True when the budget ran out: no results, and the reader is told so. */
  timedOut: boolean;
}

interface Candidate {
  id: number;
  score: number;
  at: string | null;
}

function checkTerms(terms: readonly string[]): void {
  if (terms.length === 0 || terms.some((t) => !/^[a-z0-9]+$/.test(t))) {
    throw new Error('searchArticles needs folded [a-z0-9] terms');
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

function filters(f: SearchFilter, a: string): RawBuilder<unknown>[] {
  const col = (c: string) => sql.ref(`${a}.${c}`);
  const out: RawBuilder<unknown>[] = [];
  if (f.states) out.push(sql`${col('state')} IN (${sql.join(f.states)})`);
  if (f.publishedBefore) out.push(sql`${col('publish_at')} <= ${f.publishedBefore}`);
  if (f.fromIso) out.push(sql`${col('publish_at')} >= ${f.fromIso}`);
  if (f.toIso) out.push(sql`${col('publish_at')} < ${f.toIso}`);
  if (f.categoryId !== undefined) {
    out.push(
      sql`EXISTS (SELECT 1 FROM portal_article_categories pc WHERE pc.article_id = ${col('id')} AND pc.category_id = ${f.categoryId})`,
    );
  }
  return out;
}

const and = (parts: RawBuilder<unknown>[]) =>
  parts.length === 0 ? sql`` : sql` AND ${sql.join(parts, sql` AND `)}`;

function sqliteCandidates(terms: readonly string[], f: SearchFilter, prefix: boolean) {
  const phrase = ` ${terms.join(' ')} `;
  // The FTS table drives the loop (CROSS JOIN keeps SQLite from reordering it), in rowid order
  // from the newest, each match joined to its article by primary key, until enough are found.
  return sql<Candidate>`SELECT portal_search.rowid AS id,
      -bm25(portal_search, 5.0, 1.0) + CASE WHEN instr(' ' || a.title_folded || ' ', ${phrase}) > 0 THEN 10 ELSE 0 END AS score,
      a.publish_at AS at
    FROM portal_search CROSS JOIN portal_articles a
    WHERE portal_search MATCH ${ftsMatch(terms, prefix)} AND a.id = portal_search.rowid${and(filters(f, 'a'))}
    ORDER BY portal_search.rowid DESC LIMIT ${SEARCH_CANDIDATES + 1}`;
}

function postgresCandidates(terms: readonly string[], f: SearchFilter, prefix: boolean) {
  const query = tsQuery(terms, prefix);
  const phrase = terms.join(' ');
  // The GIN index finds the matches; only the newest CANDIDATES + 1 are ranked, from their
  // stored vectors.
  return sql<Candidate>`SELECT a.id, a.publish_at AS at,
      ts_rank(a.search_vector, to_tsquery('simple', ${query}))
        + CASE WHEN a.search_vector @@ phraseto_tsquery('simple', ${phrase}) THEN 5 ELSE 0 END
        + CASE WHEN position(${` ${phrase} `} in ' ' || a.title_folded || ' ') > 0 THEN 10 ELSE 0 END AS score
    FROM (SELECT c.id FROM portal_articles c
          WHERE c.search_vector @@ to_tsquery('simple', ${query})${and(filters(f, 'c'))}
          ORDER BY c.id DESC LIMIT ${SEARCH_CANDIDATES + 1}) m
    JOIN portal_articles a ON a.id = m.id`;
}

const isPgTimeout = (e: unknown) => (e as { code?: unknown } | null)?.code === '57014';

async function candidates(
  db: Db,
  terms: readonly string[],
  f: SearchFilter,
  prefix: boolean,
  budgetMs: number,
): Promise<Candidate[]> {
  if (engineOf(db as Kysely<unknown>) === 'sqlite') {
    const query = sqliteCandidates(terms, f, prefix).compile(db);
    const reader = sqliteReaderOf(db);
    if (reader) return reader.query<Candidate>(query.sql, query.parameters, budgetMs);
    // In memory or inside a transaction: no second connection can see these rows.
    return (await db.executeQuery(query)).rows;
  }
  const run = async (trx: Transaction<DB>) => {
    await sql`SELECT set_config('statement_timeout', ${String(budgetMs)}, true)`.execute(trx);
    return (await postgresCandidates(terms, f, prefix).execute(trx)).rows;
  };
  try {
    if (db.isTransaction) {
      // Inside the caller's transaction a savepoint keeps a timeout from aborting it.
      const trx = db as Transaction<DB>;
      await sql`SAVEPOINT portal_search`.execute(trx);
      try {
        const rows = await run(trx);
        await sql`SELECT set_config('statement_timeout', '0', true)`.execute(trx);
        await sql`RELEASE SAVEPOINT portal_search`.execute(trx);
        return rows;
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT portal_search`.execute(trx);
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
 * The page [offset, offset + limit) of the articles matching every folded term, best first
 * (rank, then newest), among the newest SEARCH_CANDIDATES matches.
 */
export async function searchArticles(
  db: Db,
  terms: readonly string[],
  filter: SearchFilter,
  page: { limit: number; offset: number },
  budgetMs = SEARCH_BUDGET_MS,
): Promise<SearchHits> {
  const started = Date.now();
  let found: Candidate[];
  try {
    // The words as typed first. Only when they find no more than can be ranked does the last
    // word also match longer words ("phuon" → "phuong"): expanding a prefix merges the index
    // entries of every word it starts, which for a short, common start is most of the index.
    found = await candidates(db, terms, filter, false, budgetMs);
    if (found.length <= SEARCH_CANDIDATES && prefixable(terms)) {
      const left = budgetMs - (Date.now() - started);
      if (left <= 0) throw new QueryTimeout(budgetMs);
      found = await candidates(db, terms, filter, true, left);
    }
  } catch (error) {
    if (error instanceof QueryTimeout) return { ids: [], total: 0, more: false, timedOut: true };
    throw error;
  }
  const more = found.length > SEARCH_CANDIDATES;
  const ranked = found
    .slice(0, SEARCH_CANDIDATES)
    .map((c) => ({ id: Number(c.id), score: Number(c.score), at: c.at ?? '' }))
    .sort((x, y) => y.score - x.score || (y.at < x.at ? -1 : y.at > x.at ? 1 : y.id - x.id));
  return {
    ids: ranked.slice(page.offset, page.offset + page.limit).map((c) => c.id),
    total: ranked.length,
    more,
    timedOut: false,
  };
}
