import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import { isForeignKeyViolation } from '../db/dialect.ts';
import type { Db, UnitRow, UnitUpdate } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, NotFound, StaleVersion } from '../http/errors.ts';
import { fold } from '../text/index.ts';
import { canAdministerUnit, canCreateRootUnit, isAnyAdmin } from './units.policy.ts';
import type { Actor, Ctx, OperatorCtx, UnitKind } from './roles.ts';
import { UnitTree } from './unit-tree.ts';
import * as repo from './units.repository.ts';
import type { CreateUnitBody, MoveUnitBody, Unit, UpdateUnitBody } from './units.schema.ts';

/** Maps a row to what the API returns. */
export function presentUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind as UnitKind,
    name: row.name,
    shortName: row.short_name,
    sortOrder: row.sort_order,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function loadUnitTree(db: Db): Promise<UnitTree> {
  return new UnitTree(await repo.listParentLinks(db));
}

/**
 * The units whose records an admin reads (the audit log): every unit (`'all'`) for an admin of
 * a top-level unit, else the units of their subtrees; 403 for anyone else.
 */
export async function administeredUnits(db: Db, actor: Actor): Promise<'all' | number[]> {
  if (!isAnyAdmin(actor)) throw Forbidden();
  const links = await repo.listParentLinks(db);
  const tree = new UnitTree(links);
  if (canCreateRootUnit(actor, tree)) return 'all';
  return [...links.keys()].filter((id) => canAdministerUnit(actor, id, tree));
}

/** Every unit in tree order: each parent before its children, siblings by display order. */
export async function listUnits(db: Db): Promise<Unit[]> {
  const rows = await repo.listUnits(db);
  const children = new Map<number | null, UnitRow[]>();
  for (const row of rows) {
    const list = children.get(row.parent_id) ?? [];
    list.push(row);
    children.set(row.parent_id, list);
  }
  const ordered: Unit[] = [];
  const visit = (parentId: number | null) => {
    for (const row of children.get(parentId) ?? []) {
      ordered.push(presentUnit(row));
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

export async function getUnit(db: Db, id: number): Promise<Unit> {
  const row = await repo.findUnit(db, id);
  if (!row) throw NotFound('unit');
  return presentUnit(row);
}

function cleanShortName(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function cleanName(value: string, field = 'name'): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw Invalid({ [field]: { rule: 'blank' } });
  return trimmed;
}

async function requireParent(db: Db, parentId: number): Promise<UnitRow> {
  const parent = await repo.findUnit(db, parentId);
  if (!parent) throw Invalid({ parentId: { rule: 'notFound' } });
  if (parent.active !== 1) throw new AppError(409, 'unit_inactive_parent');
  return parent;
}

export async function createUnit(db: Db, ctx: Ctx, input: CreateUnitBody): Promise<Unit> {
  const tree = await loadUnitTree(db);
  if (input.parentId === null) {
    if (!canCreateRootUnit(ctx.actor, tree)) throw Forbidden();
  } else {
    if (!tree.has(input.parentId)) throw Invalid({ parentId: { rule: 'notFound' } });
    if (!canAdministerUnit(ctx.actor, input.parentId, tree)) throw Forbidden();
    await requireParent(db, input.parentId);
  }
  return insertUnit(db, ctx, input);
}

/**
 * The console operator sets a deployment up: a top-level unit, which no signed-in admin can
 * create before there is one to hold the admin role in.
 */
export async function createRootUnitAsOperator(
  db: Db,
  op: OperatorCtx,
  input: Omit<CreateUnitBody, 'parentId'>,
): Promise<Unit> {
  return insertUnit(db, op, { ...input, parentId: null });
}

async function insertUnit(db: Db, who: Ctx | OperatorCtx, input: CreateUnitBody): Promise<Unit> {
  const name = cleanName(input.name);
  const now = nowOf(who);
  const row = await repo.insertUnit(db, {
    parent_id: input.parentId,
    kind: input.kind,
    name,
    name_folded: fold(name),
    short_name: cleanShortName(input.shortName),
    sort_order: await repo.nextSortOrder(db, input.parentId),
    active: 1,
    created_at: now,
    updated_at: now,
  });
  const unit = presentUnit(row);
  await recordAudit(db, who, {
    action: 'create',
    unitId: unit.id,
    entityType: 'unit',
    entityId: unit.id,
    summary: unit.name,
    after: unit,
  });
  return unit;
}

async function loadForChange(db: Db, ctx: Ctx, id: number, version: number) {
  const row = await repo.findUnit(db, id);
  if (!row) throw NotFound('unit');
  const tree = await loadUnitTree(db);
  if (!canAdministerUnit(ctx.actor, id, tree)) throw Forbidden();
  if (row.version !== version) throw StaleVersion('unit');
  return { row, tree };
}

export async function updateUnit(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdateUnitBody,
): Promise<Unit> {
  const { row } = await loadForChange(db, ctx, id, input.version);
  const patch: UnitUpdate = { updated_at: nowOf(ctx) };
  if (input.name !== undefined) {
    patch.name = cleanName(input.name);
    patch.name_folded = fold(patch.name);
  }
  if (input.shortName !== undefined) patch.short_name = cleanShortName(input.shortName);
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.active !== undefined) patch.active = input.active ? 1 : 0;
  if (input.active === true && row.parent_id !== null) await requireParent(db, row.parent_id);
  const updated = await repo.updateUnit(db, id, input.version, patch);
  if (!updated) throw StaleVersion('unit');
  const before = presentUnit(row);
  const after = presentUnit(updated);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: id,
    entityType: 'unit',
    entityId: id,
    summary: after.name,
    before,
    after,
  });
  return after;
}

/** Moves a unit under a new parent (or to the root) at a position among its new siblings. */
export async function moveUnit(db: Db, ctx: Ctx, id: number, input: MoveUnitBody): Promise<Unit> {
  const { row, tree } = await loadForChange(db, ctx, id, input.version);
  if (input.parentId === null) {
    if (!canCreateRootUnit(ctx.actor, tree)) throw Forbidden();
  } else {
    if (!tree.has(input.parentId)) throw Invalid({ parentId: { rule: 'notFound' } });
    if (tree.isWithin(input.parentId, id)) throw new AppError(409, 'unit_cycle');
    if (!canAdministerUnit(ctx.actor, input.parentId, tree)) throw Forbidden();
  }
  const siblings = (await repo.listSiblings(db, input.parentId)).filter((u) => u.id !== id);
  const position = Math.min(input.position, siblings.length);
  const order = [...siblings.slice(0, position), row, ...siblings.slice(position)];
  for (const [index, unit] of order.entries()) {
    if (unit.id !== id && unit.sort_order !== index) await repo.setSortOrder(db, unit.id, index);
  }
  const updated = await repo.updateUnit(db, id, input.version, {
    parent_id: input.parentId,
    sort_order: position,
    updated_at: nowOf(ctx),
  });
  if (!updated) throw StaleVersion('unit');
  if (row.parent_id !== input.parentId) {
    const old = await repo.listSiblings(db, row.parent_id);
    for (const [index, unit] of old.entries()) {
      if (unit.sort_order !== index) await repo.setSortOrder(db, unit.id, index);
    }
  }
  const after = presentUnit(updated);
  await recordAudit(db, ctx, {
    action: 'move',
    unitId: id,
    entityType: 'unit',
    entityId: id,
    summary: after.name,
    before: { parentId: row.parent_id, sortOrder: row.sort_order },
    after: { parentId: after.parentId, sortOrder: after.sortOrder },
  });
  return after;
}

/**
 * Deletes a unit that nothing refers to yet (a typo fixed at once). A unit with history is
 * never deleted: the caller is told to deactivate it instead.
 */
export async function deleteUnit(db: Db, ctx: Ctx, id: number): Promise<void> {
  const row = await repo.findUnit(db, id);
  if (!row) throw NotFound('unit');
  const tree = await loadUnitTree(db);
  if (!canAdministerUnit(ctx.actor, id, tree)) throw Forbidden();
  if ((await repo.countReferences(db, id)) > 0) throw new AppError(409, 'unit_has_history');
  try {
    await repo.deleteUnit(db, id);
  } catch (error) {
    // Records of later features (reports, tasks…) refer to units with RESTRICT foreign keys.
    if (isForeignKeyViolation(error)) throw new AppError(409, 'unit_has_history');
    throw error;
  }
  await recordAudit(db, ctx, {
    action: 'delete',
    unitId: row.parent_id,
    entityType: 'unit',
    entityId: id,
    summary: row.name,
    before: presentUnit(row),
  });
}
