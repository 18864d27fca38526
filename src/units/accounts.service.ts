import { accountUnit, recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import type { AccountRow, Db } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, NotFound, StaleVersion } from '../http/errors.ts';
import { compareVietnameseNames, fold } from '../text/index.ts';
import * as repo from './accounts.repository.ts';
import type {
  Account,
  AccountFilter,
  AccountQuery,
  CreateAccountBody,
  UpdateAccountBody,
} from './accounts.schema.ts';
import { MIN_PASSWORD_LENGTH, hashPassword } from './passwords.ts';
import { canAdministerUnit, canManageAccount, isAnyAdmin } from './units.policy.ts';
import type { Ctx, OperatorCtx, RoleGrant } from './roles.ts';
import { deleteSessionsOf } from './sessions.repository.ts';
import type { UnitTree } from './unit-tree.ts';
import { normalizeEmail } from '../notifications/email-address.ts';
import { loadUnitTree } from './units.service.ts';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Maps a row and its roles to what the API returns; never the password hash. */
export function presentAccount(row: AccountRow, roles: RoleGrant[]): Account {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    position: row.position,
    email: row.email,
    active: row.active === 1,
    roles,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** An e-mail address as typed: stored trimmed, its domain lower-cased; '' or null for none. */
export function checkEmail(raw: string | null | undefined, field = 'email'): string | null {
  if (raw === null || raw === undefined) return null;
  const checked = normalizeEmail(raw);
  if (!checked.ok) throw Invalid({ [field]: { rule: 'emailFormat' } });
  return checked.email;
}

export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

export function checkNewPassword(password: string, field: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw Invalid({
      [field]: { rule: 'passwordTooShort', params: { limit: MIN_PASSWORD_LENGTH } },
    });
  }
}

function cleanText(value: string, field: string): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw Invalid({ [field]: { rule: 'blank' } });
  return trimmed;
}

function dedupeRoles(roles: RoleGrant[]): RoleGrant[] {
  const seen = new Map(roles.map((r) => [`${r.unitId}:${r.role}`, r]));
  return [...seen.values()];
}

function checkGrantable(ctx: Ctx, roles: RoleGrant[], tree: UnitTree): void {
  const fields: Record<string, { rule: 'notFound' }> = {};
  roles.forEach((r, i) => {
    if (!tree.has(r.unitId)) fields[`roles.${i}.unitId`] = { rule: 'notFound' };
  });
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  if (!roles.every((r) => canAdministerUnit(ctx.actor, r.unitId, tree))) throw Forbidden();
}

/** The accounts the actor manages that match the filter, by given name. */
export async function listAccounts(db: Db, ctx: Ctx, query: AccountFilter): Promise<Account[]> {
  if (!isAnyAdmin(ctx.actor)) throw Forbidden();
  const tree = await loadUnitTree(db);
  const [rows, roles] = await Promise.all([repo.listAccounts(db), repo.rolesByAccount(db)]);
  const folded = query.q ? fold(query.q) : '';
  return rows
    .map((row) => presentAccount(row, roles.get(row.id) ?? []))
    .filter((a) => canManageAccount(ctx.actor, a.roles, tree))
    .filter((a) => query.active === undefined || a.active === query.active)
    .filter((a) => query.unitId === undefined || a.roles.some((r) => r.unitId === query.unitId))
    .filter(
      (a) => !folded || fold(`${a.fullName} ${a.username} ${a.position ?? ''}`).includes(folded),
    )
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName) || a.id - b.id);
}

/**
 * One page of `listAccounts`. Which accounts an admin may see follows the unit tree and the
 * order is Vietnamese name order, both decided here rather than in SQL, so the page is cut after
 * them; only the page goes over the wire.
 */
export async function pageAccounts(db: Db, ctx: Ctx, query: AccountQuery) {
  const { page, pageSize, ...filter } = query;
  const all = await listAccounts(db, ctx, filter);
  const start = (page - 1) * pageSize;
  return { items: all.slice(start, start + pageSize), total: all.length, page, pageSize };
}

async function loadManageable(db: Db, ctx: Ctx, id: number) {
  if (!isAnyAdmin(ctx.actor)) throw Forbidden();
  const row = await repo.findAccount(db, id);
  if (!row) throw NotFound('account');
  const roles = (await repo.rolesByAccount(db, [id])).get(id) ?? [];
  const tree = await loadUnitTree(db);
  if (!canManageAccount(ctx.actor, roles, tree)) throw Forbidden();
  return { row, roles, tree };
}

export async function getAccount(db: Db, ctx: Ctx, id: number): Promise<Account> {
  const { row, roles } = await loadManageable(db, ctx, id);
  return presentAccount(row, roles);
}

/** How a new account's password is hashed; the demo passes one that hashes its shared password once. */
export interface AccountOptions {
  hashPassword?: (password: string) => Promise<string>;
}

export async function createAccount(
  db: Db,
  ctx: Ctx,
  input: CreateAccountBody,
  options: AccountOptions = {},
): Promise<Account> {
  if (!isAnyAdmin(ctx.actor)) throw Forbidden();
  const roles = dedupeRoles(input.roles);
  const fields = checkNewAccount(input);
  checkGrantable(ctx, roles, await loadUnitTree(db));
  return insertAccount(db, ctx, { ...fields, roles }, options);
}

/**
 * The console operator creates an account with any roles: the first admin of a new deployment,
 * or an account no admin can reach. Every field is checked as for an admin.
 */
export async function createAccountAsOperator(
  db: Db,
  op: OperatorCtx,
  input: CreateAccountBody,
  options: AccountOptions = {},
): Promise<Account> {
  const roles = dedupeRoles(input.roles);
  const fields = checkNewAccount(input);
  const tree = await loadUnitTree(db);
  const missing = roles.findIndex((r) => !tree.has(r.unitId));
  if (missing >= 0) throw Invalid({ [`roles.${missing}.unitId`]: { rule: 'notFound' } });
  return insertAccount(db, op, { ...fields, roles }, options);
}

function checkNewAccount(input: CreateAccountBody) {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) throw Invalid({ username: { rule: 'usernameFormat' } });
  checkNewPassword(input.password, 'password');
  const fullName = cleanText(input.fullName, 'fullName');
  const email = checkEmail(input.email);
  return { username, fullName, password: input.password, position: input.position, email };
}

async function insertAccount(
  db: Db,
  who: Ctx | OperatorCtx,
  input: ReturnType<typeof checkNewAccount> & { roles: RoleGrant[] },
  options: AccountOptions,
): Promise<Account> {
  const { username, fullName, roles } = input;
  if (await repo.findAccountByUsername(db, username)) {
    throw new AppError(409, 'username_taken', { username }, { username: { rule: 'taken' } });
  }
  const now = nowOf(who);
  let row: AccountRow;
  try {
    row = await repo.insertAccount(db, {
      username,
      password_hash: await (options.hashPassword ?? hashPassword)(input.password),
      full_name: fullName,
      full_name_folded: fold(fullName),
      position: input.position?.trim() || null,
      email: input.email ?? null,
      active: 1,
      created_at: now,
      updated_at: now,
    });
  } catch (error) {
    // Two admins creating the same username at once: the unique index decides.
    if (isUniqueViolation(error)) {
      throw new AppError(409, 'username_taken', { username }, { username: { rule: 'taken' } });
    }
    throw error;
  }
  await repo.replaceRoles(db, row.id, roles);
  const account = presentAccount(row, roles);
  await recordAudit(db, who, {
    action: 'create',
    unitId: accountUnit(roles),
    entityType: 'account',
    entityId: account.id,
    summary: `${account.fullName} (${account.username})`,
    after: account,
  });
  return account;
}

export async function updateAccount(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdateAccountBody,
): Promise<Account> {
  const { row, roles, tree } = await loadManageable(db, ctx, id);
  if (row.version !== input.version) throw StaleVersion('account');
  const now = nowOf(ctx);
  const fullName = input.fullName === undefined ? undefined : cleanText(input.fullName, 'fullName');
  const email = input.email === undefined ? undefined : checkEmail(input.email);
  const newRoles = input.roles === undefined ? roles : dedupeRoles(input.roles);
  if (input.roles !== undefined) checkGrantable(ctx, newRoles, tree);
  const updated = await repo.updateAccountVersioned(db, id, input.version, {
    updated_at: now,
    ...(fullName !== undefined && { full_name: fullName, full_name_folded: fold(fullName) }),
    ...(input.position !== undefined && { position: input.position?.trim() || null }),
    ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
    ...(email !== undefined && { email }),
  });
  if (!updated) throw StaleVersion('account');
  if (input.roles !== undefined) await repo.replaceRoles(db, id, newRoles);
  // A deactivated account must not keep working through a session opened before.
  if (input.active === false) await deleteSessionsOf(db, id);
  const before = presentAccount(row, roles);
  const after = presentAccount(updated, newRoles);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: accountUnit(newRoles.length > 0 ? newRoles : roles),
    entityType: 'account',
    entityId: id,
    summary: `${after.fullName} (${after.username})`,
    before,
    after,
  });
  return after;
}

/** An admin sets a new password; the account's sessions end. */
export async function resetPassword(
  db: Db,
  ctx: Ctx,
  id: number,
  newPassword: string,
): Promise<void> {
  const { row, roles } = await loadManageable(db, ctx, id);
  checkNewPassword(newPassword, 'newPassword');
  await repo.touchAccount(db, id, {
    password_hash: await hashPassword(newPassword),
    failed_logins: 0,
    locked_until: null,
    updated_at: nowOf(ctx),
  });
  await deleteSessionsOf(db, id);
  await recordAudit(db, ctx, {
    action: 'password_reset',
    unitId: accountUnit(roles),
    entityType: 'account',
    entityId: id,
    summary: `${row.full_name} (${row.username})`,
  });
}

/** Who an account is, as other features show it (a meeting's chair and secretary). */
export interface AccountPerson {
  accountId: number;
  fullName: string;
  position: string | null;
  active: boolean;
  roles: RoleGrant[];
}

/**
 * Names, positions and roles of accounts, without authorization: who chairs or writes a
 * meeting is shown to everyone who reads it. All accounts when `ids` is absent.
 */
export async function accountPeople(db: Db, ids?: number[]): Promise<Map<number, AccountPerson>> {
  const wanted = ids ? new Set(ids) : null;
  if (wanted && wanted.size === 0) return new Map();
  const rows = (await repo.listAccounts(db)).filter((r) => !wanted || wanted.has(r.id));
  const roles = await repo.rolesByAccount(
    db,
    rows.map((r) => r.id),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        accountId: r.id,
        fullName: r.full_name,
        position: r.position,
        active: r.active === 1,
        roles: roles.get(r.id) ?? [],
      },
    ]),
  );
}
