import type { Me, RoleGrant } from './api/types';

/** Admins see the admin pages; the server still checks each write against the unit tree. */
export function isAdmin(user: Pick<Me, 'roles'>): boolean {
  return user.roles.some((grant) => grant.role === 'admin');
}

export function grantKey(grant: RoleGrant): string {
  return `${grant.unitId}:${grant.role}`;
}
