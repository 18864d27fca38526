import type { Me, Role, RoleGrant, Unit } from './api/types';

/** Admins see the admin pages; the server still checks each write against the unit tree. */
export function isAdmin(user: Pick<Me, 'roles'>): boolean {
  return user.roles.some((grant) => grant.role === 'admin');
}

export function grantKey(grant: RoleGrant): string {
  return `${grant.unitId}:${grant.role}`;
}

/**
 * Mirrors the server's rule (src/units/units.policy.ts): a role held in a unit reaches that unit and
 * every unit beneath it. Used only to hide controls the server would refuse.
 */
export function holdsRoleOver(
  user: Pick<Me, 'roles'>,
  role: Role,
  unitId: number,
  units: readonly Pick<Unit, 'id' | 'parentId'>[],
): boolean {
  const held = new Set(user.roles.filter((g) => g.role === role).map((g) => g.unitId));
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const seen = new Set<number>();
  for (
    let id: number | null | undefined = unitId;
    id !== null && id !== undefined && !seen.has(id);
    id = parentOf.get(id)
  ) {
    if (held.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/** An admin role held in a unit reaches that unit and every unit beneath it. */
export function canAdministerUnit(
  user: Pick<Me, 'roles'>,
  unitId: number,
  units: readonly Pick<Unit, 'id' | 'parentId'>[],
): boolean {
  return holdsRoleOver(user, 'admin', unitId, units);
}
