import { sql, type RawBuilder } from 'kysely';
import { rankedMatches, SEARCH_BUDGET_MS, type FullTextIndex } from '../db/full-text.ts';
import type { Db } from '../db/schema.ts';

/*
 * The portal's article search: the app's one full-text mechanism (src/db/full-text.ts) over the
 * articles' own index (the portal_search FTS5 table / the stored search_vector column), with
 * the portal's filters.
 */

export {
  ftsMatch,
  PREFIX_MIN_LETTERS,
  SEARCH_BUDGET_MS,
  SEARCH_CANDIDATES,
  tsQuery,
} from '../db/full-text.ts';

/** The articles' index. */
export const ARTICLE_INDEX: FullTextIndex = {
  table: 'portal_articles',
  fts: 'portal_search',
  at: 'publish_at',
};

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

/** The portal's filters as conditions on the article rows named `a`. */
export function articleFilter(f: SearchFilter) {
  return (a: string): RawBuilder<unknown>[] => {
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
  };
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
  const { ranked, more, timedOut } = await rankedMatches(
    db,
    ARTICLE_INDEX,
    terms,
    articleFilter(filter),
    budgetMs,
  );
  return {
    ids: ranked.slice(page.offset, page.offset + page.limit).map((c) => c.id),
    total: ranked.length,
    more,
    timedOut,
  };
}
