import type { Db } from '../db/schema.ts';
import * as repo from './articles.repository.ts';
import type { ArticleRow, CategoryRow } from './articles.repository.ts';
import { searchTerms } from './highlight.ts';
import { vnDayStartIso } from '../text/index.ts';

/*
 * What the public pages read. Everything here is limited to published articles whose publish
 * time has come: a draft, scheduled or unpublished article does not exist for a reader.
 */

export interface Listed {
  row: ArticleRow;
  categories: CategoryRow[];
}

const PUBLIC = (now: string) => ({ states: ['published'], publishedBefore: now });

async function withCategories(db: Db, rows: ArticleRow[]): Promise<Listed[]> {
  const cats = await repo.categoriesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ row, categories: cats.get(row.id) ?? [] }));
}

export async function homeData(db: Db, now: string) {
  const categories = await repo.listCategories(db);
  const latest = await repo.queryArticles(db, {
    ...PUBLIC(now),
    limit: 6,
    offset: 0,
    order: 'publish',
  });
  const sections = [];
  for (const category of categories) {
    const { rows } = await repo.queryArticles(db, {
      ...PUBLIC(now),
      categoryId: category.id,
      limit: 5,
      offset: 0,
      order: 'publish',
    });
    if (rows.length > 0) sections.push({ category, items: await withCategories(db, rows) });
  }
  return { categories, latest: await withCategories(db, latest.rows), sections };
}

/** A page of a category, or null when there is no such category. */
export async function categoryData(
  db: Db,
  slug: string,
  page: number,
  pageSize: number,
  now: string,
) {
  const category = await repo.findCategoryBySlug(db, slug);
  if (!category) return null;
  const { rows, total } = await repo.queryArticles(db, {
    ...PUBLIC(now),
    categoryId: category.id,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    order: 'publish',
    withTotal: true,
  });
  return { category, items: await withCategories(db, rows), total };
}

/** A published article with its categories and related articles, or null. */
export async function articleData(db: Db, slug: string, now: string) {
  const row = await repo.findArticleBySlug(db, slug);
  if (!row || row.state !== 'published' || row.publish_at === null || row.publish_at > now) {
    return null;
  }
  const categories = (await repo.categoriesOf(db, [row.id])).get(row.id) ?? [];
  const related = await repo.queryArticles(db, {
    ...PUBLIC(now),
    categoryId: categories[0]?.id,
    excludeId: row.id,
    limit: 5,
    offset: 0,
    order: 'publish',
  });
  return { row, categories, related: related.rows };
}

export interface SearchParams {
  q: string;
  categorySlug?: string;
  /** YYYY-MM-DD in Vietnamese time, inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  terms: string[];
  category?: CategoryRow;
  items: Listed[];
  /** Matches found (at most SEARCH_CANDIDATES). */
  total: number;
  /** More matches than `total`: shown as "more than". */
  more: boolean;
  /** The search ran out of its time budget. */
  timedOut: boolean;
}

export async function searchData(db: Db, params: SearchParams, now: string): Promise<SearchResult> {
  const terms = searchTerms(params.q);
  const category = params.categorySlug
    ? await repo.findCategoryBySlug(db, params.categorySlug)
    : undefined;
  const none = { terms, category, items: [], total: 0, more: false, timedOut: false };
  if (terms.length === 0 && !category && !params.from && !params.to) return none;
  if (params.categorySlug && !category) return none;
  const found = await repo.queryArticles(db, {
    ...PUBLIC(now),
    categoryId: category?.id,
    fromIso: params.from ? vnDayStartIso(params.from) : undefined,
    toIso: params.to ? vnDayStartIso(params.to, 1) : undefined,
    terms,
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
    order: 'publish',
    withTotal: true,
  });
  return {
    terms,
    category,
    items: await withCategories(db, found.rows),
    total: found.total,
    more: found.more,
    timedOut: found.timedOut,
  };
}

/** The newest articles for a feed (of a category when `slug` is given), or null. */
export async function feedData(db: Db, slug: string | null, now: string) {
  const category = slug ? await repo.findCategoryBySlug(db, slug) : undefined;
  if (slug && !category) return null;
  const { rows } = await repo.queryArticles(db, {
    ...PUBLIC(now),
    categoryId: category?.id,
    limit: 30,
    offset: 0,
    order: 'publish',
  });
  return { category, rows };
}

export async function sitemapData(db: Db, now: string) {
  return {
    articles: await repo.publishedSlugs(db, now),
    categories: await repo.listCategories(db),
  };
}

export async function imageData(db: Db, id: number) {
  return repo.findImage(db, id);
}

/**
 * Adds `n` readers' views to an article's stored count, in one statement so that instances
 * never overwrite each other; returns the new count (undefined when the article is gone).
 */
export function countViews(db: Db, articleId: number, n: number): Promise<number | undefined> {
  return repo.addViews(db, articleId, n);
}

export { listCategories as publicCategories } from './articles.repository.ts';
