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

/**
 * The operator at the server's console (the `giaoban` command, the demo loader): no signed-in
 * account, so the audit log records no actor. Only for setting a deployment up: its first unit
 * and first accounts, before any admin can sign in.
 */
export interface OperatorCtx {
  actor: null;
  requestId: string;
  now?: Clock;
}
