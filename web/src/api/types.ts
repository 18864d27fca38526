/** Types of the workspace API (docs/API-CONTRACT.md), kept by hand in step with the server. */

export const ROLES = ['admin', 'secretariat', 'chair', 'unit_head', 'reporter', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  unitId: number;
  role: Role;
}

export interface Me {
  id: number;
  username: string;
  fullName: string;
  position: string | null;
  roles: RoleGrant[];
}

export const UNIT_KINDS = [
  'party_committee',
  'party_board',
  'fatherland_front',
  'mass_organization',
  'grassroots_committee',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  id: number;
  parentId: number | null;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  sortOrder: number;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Account {
  id: number;
  username: string;
  fullName: string;
  position: string | null;
  active: boolean;
  roles: RoleGrant[];
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = ['unit', 'account', 'session', 'demo'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  // Plain strings: later features add actions and entity types the SPA may not know yet.
  action: string;
  entityType: string;
  entityId: string | null;
  /** The unit the entry is about; null: committee-wide. */
  unitId: number | null;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ItemList<T> {
  items: T[];
}
