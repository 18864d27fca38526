import { sql, type Kysely, type Selectable } from 'kysely';
import { syncArticleSearch, syncArticleSearchMany } from '../db/dialect.ts';
import type { DB, Db } from '../db/schema.ts';
import type { PortalArticleTable, PortalCategoryTable } from './portal.tables.ts';
import { searchArticles } from './search.repository.ts';

export type ArticleRow = Selectable<PortalArticleTable>;
export type CategoryRow = Selectable<PortalCategoryTable>;
type NewArticle = Omit<ArticleRow, 'id' | 'views' | 'version' | 'meeting_id'> & {
  views?: number;
  meeting_id?: number | null;
};

/**
 * The columns of an article row, named: PostgreSQL also keeps the stored search vector, which
 * no reader of a row needs.
 */
const ARTICLE_COLUMNS = [
  'id',
  'slug',
  'title',
  'title_folded',
  'summary',
  'body_html',
  'body_folded',
  'byline',
  'cover_image_id',
  'cover_alt',
  'state',
  'publish_at',
  'views',
  'import_key',
  'created_by',
  'version',
  'created_at',
  'updated_at',
  'meeting_id',
] as const;
const ARTICLE = ARTICLE_COLUMNS.map((c) => `portal_articles.${c}` as const);

/**
 * Tells every instance's page cache that articles or categories changed: one counter row,
 * bumped in the same transaction as the change (contentStamp reads it).
 */
export async function bumpChanges(db: Db): Promise<void> {
  await db
    .updateTable('portal_changes')
    .set({ counter: sql<number>`counter + 1` })
    .where('id', '=', 1)
    .execute();
}

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  return db
    .selectFrom('portal_categories')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export async function findCategoryBySlug(db: Db, slug: string) {
  return db.selectFrom('portal_categories').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertCategory(
  db: Db,
  row: Omit<CategoryRow, 'id' | 'version'>,
): Promise<CategoryRow> {
  await bumpChanges(db);
  return db.insertInto('portal_categories').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findCategory(db: Db, id: number) {
  return db.selectFrom('portal_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many articles each category holds, by category id. */
export async function countArticlesByCategory(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('portal_article_categories')
    .select((eb) => ['category_id', eb.fn.countAll().as('n')])
    .groupBy('category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

/** Renames a category if `version` is still current; undefined when it is not. */
export async function updateCategory(
  db: Db,
  id: number,
  version: number,
  patch: { name?: string },
) {
  await bumpChanges(db);
  return db
    .updateTable('portal_categories')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function setCategoryOrder(db: Db, id: number, sortOrder: number) {
  await bumpChanges(db);
  await db
    .updateTable('portal_categories')
    .set({ sort_order: sortOrder })
    .where('id', '=', id)
    .execute();
}

export async function deleteCategory(db: Db, id: number) {
  await bumpChanges(db);
  await db.deleteFrom('portal_categories').where('id', '=', id).execute();
}

export async function nextCategoryOrder(db: Db): Promise<number> {
  const row = await db
    .selectFrom('portal_categories')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 1;
}

export async function findArticle(db: Db, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('portal_articles').select(ARTICLE).where('id', '=', id).executeTakeFirst();
}

/** The article drafted from a meeting, if any. */
export async function findArticleOfMeeting(
  db: Db,
  meetingId: number,
): Promise<ArticleRow | undefined> {
  return db
    .selectFrom('portal_articles')
    .select(ARTICLE)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** The articles drafted from some meetings. */
export async function articlesOfMeetings(db: Db, meetingIds: readonly number[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('portal_articles')
    .select(['id', 'meeting_id', 'state'])
    .where('meeting_id', 'in', [...meetingIds])
    .execute();
}

export async function findArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  return db
    .selectFrom('portal_articles')
    .select(ARTICLE)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function findArticleByImportKey(db: Db, key: string): Promise<ArticleRow | undefined> {
  return db
    .selectFrom('portal_articles')
    .select(ARTICLE)
    .where('import_key', '=', key)
    .executeTakeFirst();
}

/** Which of `slugs` are taken: one lookup of the unique index per slug. */
export async function takenSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let at = 0; at < slugs.length; at += 1000) {
    const rows = await db
      .selectFrom('portal_articles')
      .select(['slug'])
      .where('slug', 'in', slugs.slice(at, at + 1000))
      .execute();
    for (const r of rows) taken.add(r.slug);
  }
  return taken;
}

export async function insertArticle(db: Db, row: NewArticle): Promise<ArticleRow> {
  await bumpChanges(db);
  const inserted = await db
    .insertInto('portal_articles')
    .values(row)
    .returning(ARTICLE_COLUMNS)
    .executeTakeFirstOrThrow();
  await syncArticleSearch(
    db as Kysely<unknown>,
    inserted.id,
    inserted.title_folded,
    inserted.body_folded,
  );
  return inserted;
}

/**
 * Inserts many new articles (with their search rows) in a few statements, each with its
 * categories: the bulk path of imports. Returns the new ids in the order of `rows`.
 */
export async function insertArticles(
  db: Db,
  rows: ReadonlyArray<{ article: NewArticle; categoryIds: readonly number[] }>,
): Promise<number[]> {
  if (rows.length === 0) return [];
  await bumpChanges(db);
  const ids: number[] = [];
  // At most 200 rows per statement keeps PostgreSQL well below its 65,535 parameters.
  for (let at = 0; at < rows.length; at += 200) {
    const chunk = rows.slice(at, at + 200);
    const inserted = await db
      .insertInto('portal_articles')
      .values(chunk.map((r) => r.article))
      .returning('id')
      .execute();
    const chunkIds = inserted.map((r) => r.id);
    await syncArticleSearchMany(
      db as Kysely<unknown>,
      chunk.map((r, i) => ({
        id: chunkIds[i]!,
        title: r.article.title_folded,
        body: r.article.body_folded,
      })),
    );
    const links = chunk.flatMap((r, i) =>
      r.categoryIds.map((category_id) => ({
        article_id: chunkIds[i]!,
        category_id,
        published_at: publishedAt(r.article),
      })),
    );
    if (links.length > 0) await db.insertInto('portal_article_categories').values(links).execute();
    ids.push(...chunkIds);
  }
  return ids;
}

/** Updates when `version` is current (and bumps it); undefined when it is stale. */
export async function updateArticle(
  db: Db,
  id: number,
  version: number,
  patch: Partial<Omit<ArticleRow, 'id' | 'version'>>,
): Promise<ArticleRow | undefined> {
  const row = await db
    .updateTable('portal_articles')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(ARTICLE_COLUMNS)
    .executeTakeFirst();
  if (!row) return row;
  await bumpChanges(db);
  if (patch.title_folded !== undefined || patch.body_folded !== undefined) {
    await syncArticleSearch(db as Kysely<unknown>, row.id, row.title_folded, row.body_folded);
  }
  if (patch.state !== undefined || patch.publish_at !== undefined) {
    await db
      .updateTable('portal_article_categories')
      .set({ published_at: publishedAt(row) })
      .where('article_id', '=', row.id)
      .execute();
  }
  return row;
}

/** What the category links carry: the publish time while the article is published. */
function publishedAt(row: Pick<ArticleRow, 'state' | 'publish_at'>): string | null {
  return row.state === 'published' ? row.publish_at : null;
}

/** Adds `n` views in one statement (never read-modify-write); returns the new stored count. */
export async function addViews(db: Db, id: number, n: number): Promise<number | undefined> {
  const row = await db
    .updateTable('portal_articles')
    .set({ views: sql<number>`views + ${n}` })
    .where('id', '=', id)
    .returning('views')
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.views);
}

export async function setArticleCategories(db: Db, articleId: number, categoryIds: number[]) {
  await bumpChanges(db);
  await db.deleteFrom('portal_article_categories').where('article_id', '=', articleId).execute();
  if (categoryIds.length === 0) return;
  const article = await db
    .selectFrom('portal_articles')
    .select(['state', 'publish_at'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const published_at = publishedAt(article);
  await db
    .insertInto('portal_article_categories')
    .values(
      categoryIds.map((category_id) => ({ article_id: articleId, category_id, published_at })),
    )
    .execute();
}

/** The categories of each article, in category order. */
export async function categoriesOf(
  db: Db,
  articleIds: number[],
): Promise<Map<number, CategoryRow[]>> {
  const map = new Map<number, CategoryRow[]>();
  if (articleIds.length === 0) return map;
  const rows = await db
    .selectFrom('portal_article_categories as ac')
    .innerJoin('portal_categories as c', 'c.id', 'ac.category_id')
    .select([
      'ac.article_id',
      'c.id',
      'c.slug',
      'c.name',
      'c.sort_order',
      'c.created_at',
      'c.version',
    ])
    .where('ac.article_id', 'in', articleIds)
    .orderBy('c.sort_order')
    .execute();
  for (const { article_id, ...category } of rows) {
    const list = map.get(article_id) ?? [];
    list.push(category);
    map.set(article_id, list);
  }
  return map;
}

export interface ArticleQuery {
  states?: string[];
  /** Only articles whose publish time is at or before this instant. */
  publishedBefore?: string;
  categoryId?: number;
  fromIso?: string;
  toIso?: string;
  /** Folded search terms; when given, results come ranked. */
  terms?: string[];
  excludeId?: number;
  limit: number;
  offset: number;
  /** Newest publication first, last edited first, or soonest publication first (scheduled). */
  order: 'publish' | 'updated' | 'soonest';
  /** Count the matches too (a list page's number of pages); off for the home page's lists. */
  withTotal?: boolean;
}

export interface ArticlePage {
  rows: ArticleRow[];
  total: number;
  /** Searches only: more matches than `total` (a count shown as "more than"). */
  more: boolean;
  /** Searches only: the search ran out of time and found nothing it could show. */
  timedOut: boolean;
}

/** The article rows of `ids`, in that order. */
export async function rowsByIds(db: Db, ids: readonly number[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('portal_articles')
    .select(ARTICLE)
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A published category's page, newest first, from the index of its links alone: only the
 * page's rows are read from the articles.
 */
async function categoryPage(db: Db, q: ArticleQuery & { categoryId: number }) {
  let links = db
    .selectFrom('portal_article_categories')
    .where('category_id', '=', q.categoryId)
    .where('published_at', 'is not', null);
  if (q.publishedBefore) links = links.where('published_at', '<=', q.publishedBefore);
  if (q.fromIso) links = links.where('published_at', '>=', q.fromIso);
  if (q.toIso) links = links.where('published_at', '<', q.toIso);
  if (q.excludeId !== undefined) links = links.where('article_id', '!=', q.excludeId);
  const ids = await links
    .select('article_id')
    .orderBy('published_at', 'desc')
    .orderBy('article_id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const total = q.withTotal
    ? Number(
        (await links.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0,
      )
    : 0;
  return {
    rows: await rowsByIds(
      db,
      ids.map((r) => r.article_id),
    ),
    total,
  };
}

const onlyPublished = (q: ArticleQuery) => q.states?.length === 1 && q.states[0] === 'published';

/** A page of articles matching `q`, with the total when asked; ranked when searching. */
export async function queryArticles(db: Db, q: ArticleQuery): Promise<ArticlePage> {
  if (q.terms && q.terms.length > 0) {
    const hits = await searchArticles(db, q.terms, q, { limit: q.limit, offset: q.offset });
    return { ...hits, rows: await rowsByIds(db, hits.ids) };
  }
  if (q.categoryId !== undefined && onlyPublished(q) && q.order === 'publish') {
    const page = await categoryPage(db, { ...q, categoryId: q.categoryId });
    return { ...page, more: false, timedOut: false };
  }
  let base = db.selectFrom('portal_articles');
  if (q.states) base = base.where('state', 'in', q.states);
  if (q.publishedBefore) base = base.where('publish_at', '<=', q.publishedBefore);
  if (q.fromIso) base = base.where('publish_at', '>=', q.fromIso);
  if (q.toIso) base = base.where('publish_at', '<', q.toIso);
  if (q.excludeId !== undefined) base = base.where('portal_articles.id', '!=', q.excludeId);
  if (q.categoryId !== undefined) {
    const categoryId = q.categoryId;
    base = base.where('portal_articles.id', 'in', (eb) =>
      eb
        .selectFrom('portal_article_categories')
        .select('article_id')
        .where('category_id', '=', categoryId),
    );
  }
  const totalRow = q.withTotal
    ? await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
    : undefined;
  let rows = base.select(ARTICLE);
  rows =
    q.order === 'publish'
      ? rows.orderBy('publish_at', 'desc').orderBy('portal_articles.id', 'desc')
      : q.order === 'soonest'
        ? rows.orderBy('publish_at').orderBy('portal_articles.id')
        : rows.orderBy('updated_at', 'desc').orderBy('portal_articles.id', 'desc');
  const items = await rows.limit(q.limit).offset(q.offset).execute();
  return { rows: items, total: Number(totalRow?.n ?? 0), more: false, timedOut: false };
}

/** Scheduled articles whose time has come. */
export async function dueScheduled(db: Db, nowIso: string): Promise<ArticleRow[]> {
  return db
    .selectFrom('portal_articles')
    .select(ARTICLE)
    .where('state', '=', 'scheduled')
    .where('publish_at', '<=', nowIso)
    .orderBy('publish_at')
    .execute();
}

/** Changes whenever an article or category changes: the cross-instance cache check. */
export async function contentStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('portal_changes')
    .select('counter')
    .where('id', '=', 1)
    .executeTakeFirst();
  return String(row?.counter ?? 0);
}

type NewRevision = Omit<Selectable<DB['portal_revisions']>, 'id'>;

/** The revision row of an article as stored, by `actor` (null: the importer). */
export function revisionRow(
  actor: { id: number; fullName: string } | null,
  row: Pick<
    ArticleRow,
    'id' | 'version' | 'title' | 'summary' | 'body_html' | 'byline' | 'updated_at'
  >,
): NewRevision {
  return {
    article_id: row.id,
    version: row.version,
    title: row.title,
    summary: row.summary,
    body_html: row.body_html,
    byline: row.byline,
    actor_id: actor?.id ?? null,
    actor_name: actor?.fullName ?? null,
    created_at: row.updated_at,
  };
}

export async function insertRevision(db: Db, row: NewRevision): Promise<void> {
  await insertRevisions(db, [row]);
}

/** Inserts revisions in statements of 200 rows. */
export async function insertRevisions(db: Db, rows: readonly NewRevision[]): Promise<void> {
  for (let at = 0; at < rows.length; at += 200) {
    await db
      .insertInto('portal_revisions')
      .values(rows.slice(at, at + 200))
      .execute();
  }
}

/** The articles holding any of these import keys. */
export async function findArticlesByImportKeys(
  db: Db,
  keys: readonly string[],
): Promise<ArticleRow[]> {
  const rows: ArticleRow[] = [];
  for (let at = 0; at < keys.length; at += 500) {
    rows.push(
      ...(await db
        .selectFrom('portal_articles')
        .select(ARTICLE)
        .where('import_key', 'in', keys.slice(at, at + 500))
        .execute()),
    );
  }
  return rows;
}

export async function listRevisions(db: Db, articleId: number) {
  return db
    .selectFrom('portal_revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertImage(
  db: Db,
  row: { mime: string; bytes: Buffer; size: number; created_by: number | null; created_at: string },
): Promise<number> {
  const inserted = await db
    .insertInto('portal_images')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findImage(db: Db, id: number) {
  return db.selectFrom('portal_images').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function publishedSlugs(db: Db, nowIso: string) {
  return db
    .selectFrom('portal_articles')
    .select(['slug', 'updated_at', 'publish_at'])
    .where('state', '=', 'published')
    .where('publish_at', '<=', nowIso)
    .orderBy('publish_at', 'desc')
    .limit(50_000)
    .execute();
}
