import type { Actor, Role } from './roles.ts';
import type { UnitTree } from './unit-tree.ts';

/*
 * Who may do what with units and accounts. A role held in a unit reaches that unit and every
 * unit beneath it. Refusals are 403, not 404: the unit tree is visible to every signed-in user,
 * so hiding that a unit or account exists protects nothing.
 */

/** True when the actor holds `role` in `unitId` or in one of its ancestors. */
export function holdsRoleOver(actor: Actor, role: Role, unitId: number, tree: UnitTree): boolean {
  return actor.roles.some((g) => g.role === role && tree.isWithin(unitId, g.unitId));
}

/** Admins manage the units in their subtree. A new root unit needs an admin of every root. */
export function canAdministerUnit(actor: Actor, unitId: number, tree: UnitTree): boolean {
  return holdsRoleOver(actor, 'admin', unitId, tree);
}

/** True when the actor is an admin anywhere. */
export function isAnyAdmin(actor: Actor): boolean {
  return actor.roles.some((g) => g.role === 'admin');
}

/** Root admins (admin of a unit with no parent) may create root units. */
export function canCreateRootUnit(actor: Actor, tree: UnitTree): boolean {
  return actor.roles.some((g) => g.role === 'admin' && [...tree.lineage(g.unitId)].length === 1);
}

/**
 * An admin manages an account when every role the account holds lies in the admin's subtree;
 * an account with no role yet is manageable by any admin, so it can be given one.
 */
export function canManageAccount(
  actor: Actor,
  accountRoles: readonly { unitId: number }[],
  tree: UnitTree,
): boolean {
  if (!isAnyAdmin(actor)) return false;
  return accountRoles.every((r) => canAdministerUnit(actor, r.unitId, tree));
}
