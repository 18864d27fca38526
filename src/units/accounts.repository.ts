import type { Insertable, Updateable } from 'kysely';
import type { AccountRow, AccountTable, Db } from '../db/schema.ts';
import type { RoleGrant, Role } from './roles.ts';

export function listAccounts(db: Db): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().execute();
}

export function findAccount(db: Db, id: number): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export function insertAccount(db: Db, row: Insertable<AccountTable>): Promise<AccountRow> {
  return db.insertInto('accounts').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when the stored version is still `version`; undefined when it was not. */
export function updateAccountVersioned(
  db: Db,
  id: number,
  version: number,
  patch: Updateable<AccountTable>,
): Promise<AccountRow | undefined> {
  return db
    .updateTable('accounts')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Bookkeeping updates (failed logins, last login) that do not change the version. */
export async function touchAccount(
  db: Db,
  id: number,
  patch: Pick<
    Updateable<AccountTable>,
    'failed_logins' | 'locked_until' | 'last_login_at' | 'password_hash' | 'updated_at'
  >,
): Promise<void> {
  await db.updateTable('accounts').set(patch).where('id', '=', id).execute();
}

/** Adds one to the failed-login count and returns the new count. */
export async function incrementFailedLogins(db: Db, id: number): Promise<number> {
  const row = await db
    .updateTable('accounts')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return row.failed_logins;
}

export async function rolesByAccount(
  db: Db,
  accountIds?: number[],
): Promise<Map<number, RoleGrant[]>> {
  let query = db.selectFrom('account_roles').selectAll().orderBy('unit_id').orderBy('role');
  if (accountIds) {
    if (accountIds.length === 0) return new Map();
    query = query.where('account_id', 'in', accountIds);
  }
  const map = new Map<number, RoleGrant[]>();
  for (const r of await query.execute()) {
    const list = map.get(r.account_id) ?? [];
    list.push({ unitId: r.unit_id, role: r.role as Role });
    map.set(r.account_id, list);
  }
  return map;
}

export async function replaceRoles(db: Db, accountId: number, roles: RoleGrant[]): Promise<void> {
  await db.deleteFrom('account_roles').where('account_id', '=', accountId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('account_roles')
    .values(roles.map((r) => ({ account_id: accountId, unit_id: r.unitId, role: r.role })))
    .execute();
}
