import { randomBytes } from 'node:crypto';
import { diffWords } from 'diff';
import { recordAudit } from '../audit/audit.service.ts';
import { nowOf, systemClock } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Invalid, NotFound, StaleVersion } from '../http/errors.ts';
import { fold, slugify, vnDayStartIso } from '../text/index.ts';
import type { Ctx } from '../units/roles.ts';
import * as repo from './articles.repository.ts';
import type { ArticleRow } from './articles.repository.ts';
import type {
  Article,
  ArticleListQuery,
  CreateArticleBody,
  Revision,
  TransitionBody,
  UpdateArticleBody,
} from './articles.schema.ts';
import { searchTerms } from './highlight.ts';
import { requireEditor } from './portal.policy.ts';
import { presentArticle, presentSummary } from './articles.presenters.ts';
import { bodySearchKey, htmlToText, sanitizeBody } from './sanitize.ts';
import { transition, type ArticleState } from './articles.states.ts';

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
  return (await freeSlugs(db, [title]))[0]!;
}

/**
 * A free slug for each title (as freeSlug), distinct from each other too: the slugs of a batch
 * of new articles, tried in one lookup for the whole batch.
 */
export async function freeSlugs(db: Db, titles: readonly string[]): Promise<string[]> {
  const tries = titles.map((title) => {
    const base = slugify(title, 100) || 'bai-viet';
    return [base, ...Array.from({ length: 8 }, (_, i) => `${base}-${i + 2}`)];
  });
  const taken = await repo.takenSlugs(db, [...new Set(tries.flat())]);
  const slugs: string[] = [];
  for (const [i, first] of tries.entries()) {
    let slug = first.find((s) => !taken.has(s));
    while (slug === undefined) {
      const random = `${first[0]}-${randomBytes(6)
        .toString('base64url')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '0')
        .slice(0, 6)}`;
      if (!taken.has(random) && (await repo.takenSlugs(db, [random])).size === 0) slug = random;
    }
    taken.add(slug);
    slugs[i] = slug;
  }
  return slugs;
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
  await repo.insertRevision(db, repo.revisionRow(ctx?.actor ?? null, row));
}

export async function createArticle(db: Db, ctx: Ctx, input: CreateArticleBody): Promise<Article> {
  requireEditor(ctx);
  return insertDraft(db, ctx, input);
}

/**
 * A new draft, for a caller whose right to write it is checked already (createArticle: an
 * editor; meeting-article.service.ts: also the meeting's convening side), naming the meeting
 * it reports on if any.
 */
export async function insertDraft(
  db: Db,
  ctx: Ctx,
  input: CreateArticleBody,
  meetingId: number | null = null,
): Promise<Article> {
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
  const now = nowOf(ctx);
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
    meeting_id: meetingId,
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
    after: { title, slug, state: 'draft', ...(meetingId !== null && { meetingId }) },
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
    updated_at: nowOf(ctx),
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

/** Moves an article through the workflow (articles.states.ts decides what is allowed). */
export async function transitionArticle(
  db: Db,
  ctx: Ctx | null,
  id: number,
  input: TransitionBody,
  now = nowOf(ctx),
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
  await recordAudit(db, ctx ?? { actor: null, requestId: null, now: () => now }, {
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
export async function publishDue(db: Db, now = systemClock()): Promise<number> {
  const due = await repo.dueScheduled(db, now);
  for (const row of due) {
    // It changed when it went up, at its publishing time, not when the job happened to run (the
    // sitemap's lastmod and the feeds' <updated> say so).
    const updated = await repo.updateArticle(db, row.id, row.version, {
      state: 'published',
      updated_at: row.publish_at ?? now,
    });
    if (!updated) continue; // an editor changed it meanwhile: next round
    await recordAudit(
      db,
      { actor: null, requestId: 'scheduler', now: () => now },
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
