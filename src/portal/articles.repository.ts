import { sql, type Kysely, type Selectable } from 'kysely';
import { articleFullText, syncArticleSearch } from '../db/dialect.ts';
import type { DB, Db } from '../db/schema.ts';
import type { PortalArticleTable, PortalCategoryTable } from './portal.tables.ts';

export type ArticleRow = Selectable<PortalArticleTable>;
export type CategoryRow = Selectable<PortalCategoryTable>;
type NewArticle = Omit<ArticleRow, 'id' | 'views' | 'version'> & { views?: number };

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
  return db
    .updateTable('portal_categories')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function setCategoryOrder(db: Db, id: number, sortOrder: number) {
  await db
    .updateTable('portal_categories')
    .set({ sort_order: sortOrder })
    .where('id', '=', id)
    .execute();
}

export async function deleteCategory(db: Db, id: number) {
  await db.deleteFrom('portal_categories').where('id', '=', id).execute();
}

export async function nextCategoryOrder(db: Db): Promise<number> {
  const row = await db
    .selectFrom('portal_categories')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 1;
}

export async function findArticle(db: Db, id: number) {
  return db.selectFrom('portal_articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findArticleBySlug(db: Db, slug: string) {
  return db.selectFrom('portal_articles').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findArticleByImportKey(db: Db, key: string) {
  return db
    .selectFrom('portal_articles')
    .selectAll()
    .where('import_key', '=', key)
    .executeTakeFirst();
}

export async function slugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('portal_articles')
    .select(['slug'])
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function insertArticle(db: Db, row: NewArticle): Promise<ArticleRow> {
  const inserted = await db
    .insertInto('portal_articles')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
  await syncArticleSearch(
    db as Kysely<unknown>,
    inserted.id,
    inserted.title_folded,
    inserted.body_folded,
  );
  return inserted;
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
    .returningAll()
    .executeTakeFirst();
  if (row && (patch.title_folded !== undefined || patch.body_folded !== undefined)) {
    await syncArticleSearch(db as Kysely<unknown>, row.id, row.title_folded, row.body_folded);
  }
  return row;
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
  await db.deleteFrom('portal_article_categories').where('article_id', '=', articleId).execute();
  if (categoryIds.length === 0) return;
  await db
    .insertInto('portal_article_categories')
    .values(categoryIds.map((category_id) => ({ article_id: articleId, category_id })))
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
  order: 'publish' | 'updated';
}

/** A page of articles matching `q`, with the total; ranked when searching. */
export async function queryArticles(db: Db, q: ArticleQuery) {
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
  const fts =
    q.terms && q.terms.length > 0 ? articleFullText(db as Kysely<unknown>, q.terms) : null;
  if (fts) base = base.where(fts.where);
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  let rows = base.selectAll('portal_articles');
  if (fts) rows = rows.select(fts.rank.as('rank')).orderBy('rank', 'desc');
  rows =
    q.order === 'publish'
      ? rows.orderBy('publish_at', 'desc').orderBy('portal_articles.id', 'desc')
      : rows.orderBy('updated_at', 'desc').orderBy('portal_articles.id', 'desc');
  const items = await rows.limit(q.limit).offset(q.offset).execute();
  return { rows: items as ArticleRow[], total: Number(totalRow?.n ?? 0) };
}

/** Scheduled articles whose time has come. */
export async function dueScheduled(db: Db, nowIso: string) {
  return db
    .selectFrom('portal_articles')
    .selectAll()
    .where('state', '=', 'scheduled')
    .where('publish_at', '<=', nowIso)
    .orderBy('publish_at')
    .execute();
}

/** Changes whenever any article changes: the cross-instance cache check. */
export async function contentStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('portal_articles')
    .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirst();
  const cats = await db
    .selectFrom('portal_categories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return `${String(row?.at ?? '')}|${Number(row?.n ?? 0)}|${Number(cats?.n ?? 0)}`;
}

export async function insertRevision(
  db: Db,
  row: Omit<Selectable<DB['portal_revisions']>, 'id'>,
): Promise<void> {
  await db.insertInto('portal_revisions').values(row).execute();
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
