import type { Clock } from '../clock.ts';
/** The roles of DESIGN.md. A role is always held in a unit. */
export const ROLES = ['admin', 'secretariat', 'chair', 'unit_head', 'reporter', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = [
  'party_committee',
  'party_board',
  'fatherland_front',
  'mass_organization',
  'grassroots_committee',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface RoleGrant {
  unitId: number;
  role: Role;
}

/** Who is acting: the signed-in account and the roles it holds. */
export interface Actor {
  id: number;
  username: string;
  fullName: string;
  roles: RoleGrant[];
}

/** What a service needs to know about the request besides its input. */
export interface Ctx {
  actor: Actor;
  requestId: string | null;
  /** The clock the services stamp with; the system clock when absent. */
  now?: Clock;
}
