import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { AuditLogTable, AuditRow, Db } from '../db/schema.ts';

export async function insertAudit(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await insertAudits(db, [row]);
}

/** Inserts entries in statements of 200 rows (well under either engine's parameter limit). */
export async function insertAudits(
  db: Db,
  rows: ReadonlyArray<Insertable<AuditLogTable>>,
): Promise<void> {
  for (let at = 0; at < rows.length; at += 200) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(at, at + 200))
      .execute();
  }
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: number;
  /** Only entries about these units (undefined: every entry). */
  unitIds?: readonly number[];
  /** Folded text to find in the summary or the actor's name. */
  folded?: string;
  fromIso?: string;
  toIso?: string;
  limit: number;
  offset: number;
}

function filtered(db: Db, q: AuditQuery) {
  let query = db.selectFrom('audit_log');
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.actorId !== undefined) query = query.where('actor_id', '=', q.actorId);
  if (q.unitIds) {
    const ids = q.unitIds;
    query = ids.length > 0 ? query.where('unit_id', 'in', ids) : query.where(sql<boolean>`1 = 0`);
  }
  if (q.fromIso) query = query.where('at', '>=', q.fromIso);
  if (q.toIso) query = query.where('at', '<', q.toIso);
  if (q.folded) {
    // Folded text holds only [a-z0-9 ], so it carries no LIKE wildcards to escape.
    query = query.where('summary_folded', 'like', `%${q.folded}%`);
  }
  return query;
}

export async function searchAudit(
  db: Db,
  q: AuditQuery,
): Promise<{ rows: AuditRow[]; total: number }> {
  const rows = await filtered(db, q)
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const count = await filtered(db, q)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
