import { randomBytes } from 'node:crypto';
import { diffWords } from 'diff';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../db/dialect.ts';
import type { DB } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, NotFound, StaleVersion } from '../http/errors.ts';
import { fold, slugify } from '../text/index.ts';
import type { Ctx } from '../units/roles.ts';
import * as repo from './articles.repository.ts';
import type { ArticleRow, CategoryRow } from './articles.repository.ts';
import type {
  Article,
  ArticleListQuery,
  ArticleSummary,
  Category,
  CategoryEntry,
  CreateArticleBody,
  CreateCategoryBody,
  Revision,
  TransitionBody,
  UpdateArticleBody,
  UploadImageBody,
  UpdateCategoryBody,
} from './articles.schema.ts';
import { searchTerms, highlight, snippet } from './highlight.ts';
import { canEditPortal } from './portal.policy.ts';
import { bodySearchKey, htmlToText, sanitizeBody } from './sanitize.ts';
import { allowedActions, transition, type ArticleState } from './states.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The public path of an article. */
export const articlePath = (slug: string) => `/bai-viet/${slug}`;
export const imagePath = (id: number) => `/anh/${id}`;

export function presentCategory(row: CategoryRow): Category {
  return { id: row.id, slug: row.slug, name: row.name, sortOrder: row.sort_order };
}

export function presentArticle(row: ArticleRow, categories: CategoryRow[] = []): Article {
  return {
    id: row.id,
    slug: row.slug,
    url: articlePath(row.slug),
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    byline: row.byline,
    coverImageId: row.cover_image_id,
    coverImageUrl: row.cover_image_id === null ? null : imagePath(row.cover_image_id),
    coverAlt: row.cover_alt,
    categories: categories.map(presentCategory),
    state: row.state as ArticleState,
    allowedActions: allowedActions(row.state as ArticleState),
    publishAt: row.publish_at,
    views: Number(row.views),
    imported: row.import_key !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A list entry; with search terms, the title and a body snippet carry <mark>ed matches. */
export function presentSummary(
  row: ArticleRow,
  categories: CategoryRow[],
  terms: readonly string[],
): ArticleSummary {
  const text = row.summary || htmlToText(row.body_html);
  const bodyText = terms.length > 0 ? `${row.summary} ${htmlToText(row.body_html)}` : text;
  return {
    id: row.id,
    slug: row.slug,
    url: articlePath(row.slug),
    title: row.title,
    titleHtml: highlight(row.title, terms),
    snippetHtml: snippet(bodyText, terms),
    byline: row.byline,
    categories: categories.map(presentCategory),
    state: row.state as ArticleState,
    publishAt: row.publish_at,
    views: Number(row.views),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function requireEditor(ctx: Ctx): void {
  if (!canEditPortal(ctx.actor)) throw Forbidden();
}

export async function listCategories(db: Db): Promise<CategoryEntry[]> {
  const counts = await repo.countArticlesByCategory(db);
  return (await repo.listCategories(db)).map((row) => entryOf(row, counts));
}

function entryOf(row: CategoryRow, counts: Map<number, number>): CategoryEntry {
  return { ...presentCategory(row), version: row.version, articleCount: counts.get(row.id) ?? 0 };
}

function cleanCategoryName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) throw Invalid({ name: { rule: 'blank' } });
  return name;
}

/** Puts the categories in `ids` order, writing only the positions that change. */
async function renumberCategories(db: Db, ids: number[]): Promise<void> {
  const rows = new Map((await repo.listCategories(db)).map((r) => [r.id, r]));
  for (const [position, id] of ids.entries()) {
    if (rows.get(id)?.sort_order !== position) await repo.setCategoryOrder(db, id, position);
  }
}

/**
 * Renames a category or moves it to another position. The slug stays: it is the category's
 * public address, which readers and feeds already hold.
 */
export async function updateCategory(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdateCategoryBody,
): Promise<CategoryEntry> {
  requireEditor(ctx);
  const row = await repo.findCategory(db, id);
  if (!row) throw NotFound('category');
  if (row.version !== input.version) throw StaleVersion('category');
  const name = input.name === undefined ? undefined : cleanCategoryName(input.name);
  const updated = await repo.updateCategory(db, id, input.version, name ? { name } : {});
  if (!updated) throw StaleVersion('category');
  if (input.sortOrder !== undefined) {
    const others = (await repo.listCategories(db)).map((r) => r.id).filter((c) => c !== id);
    const at = Math.min(input.sortOrder, others.length);
    await renumberCategories(db, [...others.slice(0, at), id, ...others.slice(at)]);
  }
  const after = (await repo.findCategory(db, id))!;
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: null,
    entityType: 'portal_category',
    entityId: id,
    summary: after.name,
    before: presentCategory(row),
    after: presentCategory(after),
  });
  return entryOf(after, await repo.countArticlesByCategory(db));
}

/** Deletes a category no article is filed under. */
export async function deleteCategory(db: Db, ctx: Ctx, id: number): Promise<void> {
  requireEditor(ctx);
  const row = await repo.findCategory(db, id);
  if (!row) throw NotFound('category');
  const count = (await repo.countArticlesByCategory(db)).get(id) ?? 0;
  if (count > 0) throw new AppError(409, 'category_in_use', { name: row.name, count });
  await repo.deleteCategory(db, id);
  await renumberCategories(
    db,
    (await repo.listCategories(db)).map((r) => r.id),
  );
  await recordAudit(db, ctx, {
    action: 'delete',
    unitId: null,
    entityType: 'portal_category',
    entityId: id,
    summary: row.name,
    before: presentCategory(row),
  });
}

export async function createCategory(
  db: Db,
  ctx: Ctx,
  input: CreateCategoryBody,
): Promise<CategoryEntry> {
  requireEditor(ctx);
  const name = cleanCategoryName(input.name);
  const slug = input.slug ?? slugify(name, 100);
  if (!slug) throw Invalid({ slug: { rule: 'invalid' } });
  if (await repo.findCategoryBySlug(db, slug)) throw Invalid({ slug: { rule: 'taken' } });
  const row = await repo.insertCategory(db, {
    slug,
    name,
    sort_order: await repo.nextCategoryOrder(db),
    created_at: nowIso(),
  });
  const category = presentCategory(row);
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: null,
    entityType: 'portal_category',
    entityId: row.id,
    summary: name,
    after: category,
  });
  return entryOf(row, new Map());
}

/** Midnight of a Vietnamese calendar day (YYYY-MM-DD) as UTC ISO, plus `addDays`. */
export function vnDayStartIso(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + addDays, -7)).toISOString();
}

export async function listArticles(db: Db, ctx: Ctx, query: ArticleListQuery) {
  requireEditor(ctx);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const terms = searchTerms(query.q ?? '');
  const { rows, total } = await repo.queryArticles(db, {
    states: query.state ? [query.state] : undefined,
    categoryId: query.categoryId,
    fromIso: query.from ? vnDayStartIso(query.from) : undefined,
    toIso: query.to ? vnDayStartIso(query.to, 1) : undefined,
    terms,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    order: 'updated',
    withTotal: true,
  });
  const cats = await repo.categoriesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentSummary(r, cats.get(r.id) ?? [], terms)),
    total,
    page,
    pageSize,
  };
}

async function loadArticle(db: Db, id: number): Promise<ArticleRow> {
  const row = await repo.findArticle(db, id);
  if (!row) throw NotFound('article');
  return row;
}

async function present(db: Db, row: ArticleRow): Promise<Article> {
  const cats = await repo.categoriesOf(db, [row.id]);
  return presentArticle(row, cats.get(row.id) ?? []);
}

export async function getArticle(db: Db, ctx: Ctx, id: number): Promise<Article> {
  requireEditor(ctx);
  return present(db, await loadArticle(db, id));
}

/**
 * A free slug: `base`, else `base-2` … `base-9`, else `base-` and six random letters and
 * digits. Each try is one lookup of the unique index, so the cost stays the same however many
 * articles share a title.
 */
export async function freeSlug(db: Db, title: string): Promise<string> {
  const base = slugify(title, 100) || 'bai-viet';
  const first = [base, ...Array.from({ length: 8 }, (_, i) => `${base}-${i + 2}`)];
  const taken = await repo.takenSlugs(db, first);
  const free = first.find((s) => !taken.has(s));
  if (free) return free;
  for (;;) {
    const slug = `${base}-${randomBytes(6)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 6)}`;
    if ((await repo.takenSlugs(db, [slug])).size === 0) return slug;
  }
}

async function checkSlug(db: Db, slug: string, exceptId: number | null): Promise<void> {
  const other = await repo.findArticleBySlug(db, slug);
  if (other && other.id !== exceptId) throw new AppError(409, 'slug_taken', { slug });
}

async function checkCategories(db: Db, ids: number[] | undefined): Promise<number[] | undefined> {
  if (ids === undefined) return undefined;
  const unique = [...new Set(ids)];
  const known = new Set((await repo.listCategories(db)).map((c) => c.id));
  if (unique.some((id) => !known.has(id))) throw Invalid({ categoryIds: { rule: 'notFound' } });
  return unique;
}

async function checkImage(db: Db, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  if (!(await repo.findImage(db, id))) throw Invalid({ coverImageId: { rule: 'notFound' } });
}

function cleanLine(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.trim().replace(/\s+/g, ' ');
}

async function saveRevision(db: Db, ctx: Ctx | null, row: ArticleRow): Promise<void> {
  await repo.insertRevision(db, {
    article_id: row.id,
    version: row.version,
    title: row.title,
    summary: row.summary,
    body_html: row.body_html,
    byline: row.byline,
    actor_id: ctx?.actor.id ?? null,
    actor_name: ctx?.actor.fullName ?? null,
    created_at: row.updated_at,
  });
}

export async function createArticle(db: Db, ctx: Ctx, input: CreateArticleBody): Promise<Article> {
  requireEditor(ctx);
  const title = cleanLine(input.title) ?? '';
  if (!title) throw Invalid({ title: { rule: 'blank' } });
  const categoryIds = (await checkCategories(db, input.categoryIds)) ?? [];
  await checkImage(db, input.coverImageId);
  let slug: string;
  if (input.slug) {
    await checkSlug(db, input.slug, null);
    slug = input.slug;
  } else slug = await freeSlug(db, title);
  const summary = (input.summary ?? '').trim();
  const body = sanitizeBody(input.bodyHtml);
  const now = nowIso();
  const row = await repo.insertArticle(db, {
    slug,
    title,
    title_folded: fold(title),
    summary,
    body_html: body,
    body_folded: bodySearchKey(summary, body),
    byline: cleanLine(input.byline) ?? '',
    cover_image_id: input.coverImageId ?? null,
    cover_alt: cleanLine(input.coverAlt) ?? '',
    state: 'draft',
    publish_at: null,
    import_key: null,
    created_by: ctx.actor.id,
    created_at: now,
    updated_at: now,
  });
  await repo.setArticleCategories(db, row.id, categoryIds);
  await saveRevision(db, ctx, row);
  const article = await present(db, row);
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: null,
    entityType: 'portal_article',
    entityId: row.id,
    summary: title,
    after: { title, slug, state: 'draft' },
  });
  return article;
}

export async function updateArticle(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdateArticleBody,
): Promise<Article> {
  requireEditor(ctx);
  const row = await loadArticle(db, id);
  if (row.version !== input.version) throw StaleVersion('article');
  const categoryIds = await checkCategories(db, input.categoryIds);
  await checkImage(db, input.coverImageId);
  if (input.slug !== undefined && input.slug !== row.slug) await checkSlug(db, input.slug, id);
  const title = cleanLine(input.title) ?? row.title;
  if (!title) throw Invalid({ title: { rule: 'blank' } });
  const summary = input.summary?.trim() ?? row.summary;
  const body = input.bodyHtml === undefined ? row.body_html : sanitizeBody(input.bodyHtml);
  const updated = await repo.updateArticle(db, id, input.version, {
    slug: input.slug ?? row.slug,
    title,
    title_folded: fold(title),
    summary,
    body_html: body,
    body_folded: bodySearchKey(summary, body),
    byline: cleanLine(input.byline) ?? row.byline,
    cover_image_id: input.coverImageId === undefined ? row.cover_image_id : input.coverImageId,
    cover_alt: cleanLine(input.coverAlt) ?? row.cover_alt,
    updated_at: nowIso(),
  });
  if (!updated) throw StaleVersion('article');
  if (categoryIds) await repo.setArticleCategories(db, id, categoryIds);
  await saveRevision(db, ctx, updated);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: null,
    entityType: 'portal_article',
    entityId: id,
    summary: title,
    before: { title: row.title, slug: row.slug, byline: row.byline, version: row.version },
    after: { title, slug: updated.slug, byline: updated.byline, version: updated.version },
  });
  return present(db, updated);
}

/** Moves an article through the workflow (states.ts decides what is allowed). */
export async function transitionArticle(
  db: Db,
  ctx: Ctx | null,
  id: number,
  input: TransitionBody,
  now = nowIso(),
): Promise<Article> {
  if (ctx) requireEditor(ctx);
  const row = await loadArticle(db, id);
  if (row.version !== input.version) throw StaleVersion('article');
  const from = row.state as ArticleState;
  const to = transition(from, input.action);
  if (!to) throw new AppError(409, 'article_transition', { action: input.action, state: from });
  let publishAt = row.publish_at;
  switch (input.action) {
    case 'schedule': {
      if (!input.publishAt) throw Invalid({ publishAt: { rule: 'required' } });
      const at = new Date(input.publishAt);
      if (Number.isNaN(at.getTime()))
        throw Invalid({ publishAt: { rule: 'format', params: { format: 'date-time' } } });
      if (at.toISOString() <= now) throw Invalid({ publishAt: { rule: 'futureTime' } });
      publishAt = at.toISOString();
      break;
    }
    case 'publish':
      // Republishing keeps the original time; a first publication (or an early one) is now.
      if (from !== 'unpublished' || publishAt === null) publishAt = now;
      break;
    case 'unschedule':
    case 'to_draft':
      publishAt = null;
      break;
    case 'unpublish':
      break;
  }
  const updated = await repo.updateArticle(db, id, input.version, {
    state: to,
    publish_at: publishAt,
    updated_at: now,
  });
  if (!updated) throw StaleVersion('article');
  await recordAudit(db, ctx ?? { actor: null, requestId: null }, {
    action: 'update',
    unitId: null,
    entityType: 'portal_article',
    entityId: id,
    summary: row.title,
    before: { state: from, publishAt: row.publish_at },
    after: { state: to, publishAt },
  });
  return present(db, updated);
}

/** Publishes every scheduled article whose time has come (the scheduler's job). */
export async function publishDue(db: Db, now = nowIso()): Promise<number> {
  const due = await repo.dueScheduled(db, now);
  for (const row of due) {
    const updated = await repo.updateArticle(db, row.id, row.version, {
      state: 'published',
      updated_at: now,
    });
    if (!updated) continue; // an editor changed it meanwhile: next round
    await recordAudit(
      db,
      { actor: null, requestId: 'scheduler' },
      {
        action: 'update',
        unitId: null,
        entityType: 'portal_article',
        entityId: row.id,
        summary: row.title,
        before: { state: 'scheduled', publishAt: row.publish_at },
        after: { state: 'published', publishAt: row.publish_at },
      },
    );
  }
  return due.length;
}

function revisionText(r: { title: string; summary: string; body_html: string; byline: string }) {
  return [r.title, r.summary, htmlToText(r.body_html), r.byline].filter(Boolean).join('\n');
}

export async function listRevisions(db: Db, ctx: Ctx, id: number): Promise<{ items: Revision[] }> {
  requireEditor(ctx);
  await loadArticle(db, id);
  const rows = await repo.listRevisions(db, id);
  const items = rows.map((r, i) => {
    const older = rows[i + 1];
    const changes = diffWords(older ? revisionText(older) : '', revisionText(r)).map((c) => ({
      value: c.value,
      added: c.added,
      removed: c.removed,
    }));
    return {
      id: r.id,
      version: r.version,
      title: r.title,
      byline: r.byline,
      actorName: r.actor_name,
      createdAt: r.created_at,
      changes,
    };
  });
  return { items };
}

export const IMAGE_MAX_BYTES = 700 * 1024;

/** The image type from its first bytes, or null for anything else. */
export function sniffImage(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (/^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif';
  return null;
}

export async function uploadImage(db: Db, ctx: Ctx, input: UploadImageBody) {
  requireEditor(ctx);
  const bytes = Buffer.from(input.dataBase64.replace(/^data:[^,]*,/, ''), 'base64');
  if (bytes.length > IMAGE_MAX_BYTES) {
    throw Invalid({ dataBase64: { rule: 'imageSize', params: { limit: IMAGE_MAX_BYTES } } });
  }
  const mime = sniffImage(bytes);
  if (!mime) throw Invalid({ dataBase64: { rule: 'imageType' } });
  const id = await repo.insertImage(db, {
    mime,
    bytes,
    size: bytes.length,
    created_by: ctx.actor.id,
    created_at: nowIso(),
  });
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: null,
    entityType: 'portal_image',
    entityId: id,
    summary: `${mime} ${bytes.length} B`,
  });
  return { id, url: imagePath(id) };
}
