import type { AuditRow, Db } from '../db/schema.ts';
import { fold, vnDayStartIso } from '../text/index.ts';
import type { Ctx } from '../units/roles.ts';
import { administeredUnits } from '../units/units.service.ts';
import { searchAudit } from './audit.repository.ts';

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

export async function listAudit(db: Db, ctx: Ctx, filter: AuditFilter) {
  const units = await administeredUnits(db, ctx.actor);
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
