import type { Db, NewUnitRow, UnitRow, UnitUpdate } from '../db/schema.ts';

export function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('id').execute();
}

export function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listParentLinks(db: Db): Promise<Map<number, number | null>> {
  const rows = await db.selectFrom('units').select(['id', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

export function listSiblings(db: Db, parentId: number | null): Promise<UnitRow[]> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export async function nextSortOrder(db: Db, parentId: number | null): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export function insertUnit(db: Db, row: NewUnitRow): Promise<UnitRow> {
  return db.insertInto('units').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when the stored version is still `version`; undefined when it was not. */
export function updateUnit(
  db: Db,
  id: number,
  version: number,
  patch: UnitUpdate,
): Promise<UnitRow | undefined> {
  return db
    .updateTable('units')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function setSortOrder(db: Db, id: number, sortOrder: number): Promise<void> {
  await db.updateTable('units').set({ sort_order: sortOrder }).where('id', '=', id).execute();
}

/** How many rows refer to the unit: its children and the roles held in it. */
export async function countReferences(db: Db, id: number): Promise<number> {
  const children = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('account_roles')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('unit_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(children.n) + Number(roles.n);
}

export async function deleteUnit(db: Db, id: number): Promise<void> {
  await db.deleteFrom('units').where('id', '=', id).execute();
}
