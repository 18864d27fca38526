import { nowIso } from '../db/dialect.ts';
import type { AuditRow, Db } from '../db/schema.ts';
import { Forbidden } from '../http/errors.ts';
import { fold, vnDayStartIso } from '../text/index.ts';
import { canAdministerUnit, canCreateRootUnit, isAnyAdmin } from '../units/units.policy.ts';
import { UnitTree } from '../units/unit-tree.ts';
import { listParentLinks } from '../units/units.repository.ts';
import type { Actor, Ctx } from '../units/roles.ts';
import { insertAudit, searchAudit } from './audit.repository.ts';

export type AuditAction =
  | 'create'
  | 'update'
  | 'move'
  | 'delete'
  | 'login'
  | 'logout'
  | 'login_failed'
  | 'password_change'
  | 'password_reset';

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId: string | number | null;
  /**
   * The unit the change is about, so the admins of its subtree read the entry: the unit itself,
   * the unit whose report, period or template it is, an account's unit. Null for what belongs
   * to no unit (indicators, settings, the portal): only admins of a top-level unit read those.
   */
  unitId: number | null;
  /** A language-neutral label of the entity: its name, as users know it. */
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** The unit an account's entries are filed under: the unit of its first role, if any. */
export function accountUnit(roles: readonly { unitId: number }[]): number | null {
  return roles[0]?.unitId ?? null;
}

/**
 * Records one change. Call it with the same transaction as the change itself, so that the
 * change and its record land together or not at all.
 */
export async function recordAudit(
  db: Db,
  who: { actor: Pick<Actor, 'id' | 'fullName'> | null; requestId: string | null },
  event: AuditEvent,
): Promise<void> {
  await insertAudit(db, {
    at: nowIso(),
    actor_id: who.actor?.id ?? null,
    actor_name: who.actor?.fullName ?? null,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId === null ? null : String(event.entityId),
    summary: event.summary.slice(0, 500),
    summary_folded: fold(`${event.summary} ${who.actor?.fullName ?? ''}`).slice(0, 500),
    before_json: event.before === undefined ? null : JSON.stringify(event.before),
    after_json: event.after === undefined ? null : JSON.stringify(event.after),
    request_id: who.requestId,
    unit_id: event.unitId,
  });
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: number;
  q?: string;
  /** YYYY-MM-DD, inclusive, in Asia/Ho_Chi_Minh. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * The units whose entries an admin reads: every entry for an admin of a top-level unit
 * (`'all'`), else the units of their subtrees.
 */
async function readableAuditUnits(db: Db, actor: Actor): Promise<'all' | number[]> {
  if (!isAnyAdmin(actor)) throw Forbidden();
  const links = await listParentLinks(db);
  const tree = new UnitTree(links);
  if (canCreateRootUnit(actor, tree)) return 'all';
  return [...links.keys()].filter((id) => canAdministerUnit(actor, id, tree));
}

export async function listAudit(db: Db, ctx: Ctx, filter: AuditFilter) {
  const units = await readableAuditUnits(db, ctx.actor);
  const folded = filter.q ? fold(filter.q) : '';
  const { rows, total } = await searchAudit(db, {
    unitIds: units === 'all' ? undefined : units,
    entityType: filter.entityType,
    entityId: filter.entityId,
    action: filter.action,
    actorId: filter.actorId,
    folded: folded || undefined,
    fromIso: filter.from ? vnDayStartIso(filter.from) : undefined,
    toIso: filter.to ? vnDayStartIso(filter.to, 1) : undefined,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { items: rows.map(presentAudit), total, page: filter.page, pageSize: filter.pageSize };
}

export function presentAudit(row: AuditRow) {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    unitId: row.unit_id,
    summary: row.summary,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
  };
}
