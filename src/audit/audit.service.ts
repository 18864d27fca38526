import { nowOf, type Clock } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { fold } from '../text/index.ts';
import type { Actor } from '../units/roles.ts';
import { insertAudit, insertAudits } from './audit.repository.ts';

/*
 * Recording the audit log, which every feature calls. It depends on no feature, so every
 * feature may import it; reading the log needs the unit tree and lives in audit-log.service.ts.
 */

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

type Who = { actor: Pick<Actor, 'id' | 'fullName'> | null; requestId: string | null; now?: Clock };

function auditRow(who: Who, at: string, event: AuditEvent) {
  return {
    at,
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
  };
}

/**
 * Records one change. Call it with the same transaction as the change itself, so that the
 * change and its record land together or not at all.
 */
export async function recordAudit(db: Db, who: Who, event: AuditEvent): Promise<void> {
  await insertAudit(db, auditRow(who, nowOf(who), event));
}

/** Records many changes by the same actor at once (a batch of imported files). */
export async function recordAudits(db: Db, who: Who, events: readonly AuditEvent[]): Promise<void> {
  const at = nowOf(who);
  await insertAudits(
    db,
    events.map((e) => auditRow(who, at, e)),
  );
}
