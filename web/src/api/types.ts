/*
 * Types of the workspace API, derived from the server's TypeBox schemas (src/**\/*.schema.ts),
 * the same schemas the routes validate and serialize with and the OpenAPI document shows. The
 * imports are type-only, so nothing of the server reaches the bundle; when a schema changes,
 * `npm run typecheck` fails wherever the workspace relies on what changed. Lists whose items are
 * schema references (`Type.Ref('Account')`) are typed here with the referenced schema's type.
 */
import type { Static } from 'typebox';
import type * as audit from '../../../src/audit/audit.schema.ts';
import type { AuditAction } from '../../../src/audit/audit.service.ts';
import type * as accounts from '../../../src/units/accounts.schema.ts';
import type * as units from '../../../src/units/units.schema.ts';

// The lists of roles and unit kinds are shared with the server as values (a pure module).
export { ROLES, UNIT_KINDS, type Role, type UnitKind } from '../../../src/units/roles.ts';

export type RoleGrant = Static<typeof accounts.RoleGrantSchema>;
/** The signed-in user, as /auth/me and /auth/login return it under `user`. */
export type Me = Static<typeof accounts.Me>['user'];
export type Unit = units.Unit;
export type Account = accounts.Account;
export type NewAccount = accounts.CreateAccountBody;
export type AccountChanges = Omit<accounts.UpdateAccountBody, 'version'>;
export type AccountFilter = accounts.AccountFilter;
export type NewUnit = units.CreateUnitBody;
export type UnitChanges = Omit<units.UpdateUnitBody, 'version'>;
export type MoveUnit = units.MoveUnitBody;
export type AuditEntry = audit.AuditEntry;
export type AuditQuery = audit.AuditQuery;

/** The actions of the core the audit filter offers; the server's type keeps them real. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'move',
  'delete',
  'login',
  'logout',
  'login_failed',
  'password_change',
  'password_reset',
] as const satisfies readonly AuditAction[];

/** The entity types of the core the audit filter offers (features add their own labels). */
export const AUDIT_ENTITY_TYPES = ['unit', 'account', 'session', 'demo'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** A page of a paged list, in the server's page shape. */
export type Page<T> = Omit<audit.AuditPage, 'items'> & { items: T[] };

/** A list the server returns whole. */
export interface ItemList<T> {
  items: T[];
}
