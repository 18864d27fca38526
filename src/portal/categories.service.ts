import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../db/dialect.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Invalid, NotFound, StaleVersion } from '../http/errors.ts';
import { slugify } from '../text/index.ts';
import type { Ctx } from '../units/roles.ts';
import * as repo from './articles.repository.ts';
import type { CategoryRow } from './articles.repository.ts';
import { presentCategory } from './articles.presenters.ts';
import type { CategoryEntry, CreateCategoryBody, UpdateCategoryBody } from './articles.schema.ts';
import { requireEditor } from './portal.policy.ts';

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
