import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.ts';
import { SENT_STATES, refreshForReport } from './figures.repository.ts';
import type {
  ReportEventTable,
  ReportRevisionTable,
  ReportRow,
  UnitReportTable,
} from './reports.tables.ts';

export function insertReport(db: Db, row: Insertable<UnitReportTable>): Promise<ReportRow> {
  return db.insertInto('unit_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findReport(db: Db, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('unit_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listReports(
  db: Db,
  filter: { periodId?: number; unitIds?: number[]; state?: string },
) {
  let q = db.selectFrom('unit_reports').selectAll();
  if (filter.periodId !== undefined) q = q.where('period_id', '=', filter.periodId);
  if (filter.unitIds !== undefined) {
    if (filter.unitIds.length === 0) return Promise.resolve([] as ReportRow[]);
    q = q.where('unit_id', 'in', filter.unitIds);
  }
  if (filter.state !== undefined) q = q.where('state', '=', filter.state);
  return q.orderBy('period_id', 'desc').orderBy('unit_id').execute();
}

/**
 * Updates a report if it is still at `version` (undefined when it was not). A change of state
 * also refreshes the official year figures it feeds (only sent reports count), whoever makes
 * the change; a caller who names the state it changes `from` saves that when the report stays
 * on the same side (sent or not), where the figures cannot change.
 */
export async function updateReport(
  db: Db,
  id: number,
  version: number,
  patch: Updateable<UnitReportTable>,
  from?: string,
) {
  const row = await db
    .updateTable('unit_reports')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  const sent = (state: string) => (SENT_STATES as readonly string[]).includes(state);
  const changesFigures =
    patch.state !== undefined && (from === undefined || sent(from) !== sent(patch.state));
  if (row && changesFigures) await refreshForReport(db, id);
  return row;
}

export async function deleteReport(db: Db, id: number): Promise<void> {
  await db.deleteFrom('unit_reports').where('id', '=', id).execute();
}

export function insertRevision(db: Db, row: Insertable<ReportRevisionTable>) {
  return db.insertInto('report_revisions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listRevisions(db: Db, reportId: number) {
  return db
    .selectFrom('report_revisions')
    .select(['id', 'number', 'state', 'author_id', 'author_name', 'note', 'at'])
    .where('report_id', '=', reportId)
    .orderBy('number', 'desc')
    .execute();
}

export function findRevision(db: Db, reportId: number, number: number) {
  return db
    .selectFrom('report_revisions')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function countRevisions(db: Db, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('report_revisions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertEvent(db: Db, row: Insertable<ReportEventTable>) {
  return db.insertInto('report_events').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listEvents(db: Db, reportId: number) {
  return db
    .selectFrom('report_events')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

// ---- proposals ----------------------------------------------------------------------------

export function listProposals(db: Db, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_proposals')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('report_id')
    .orderBy('sort_order')
    .execute();
}

export function findProposal(db: Db, id: number) {
  return db.selectFrom('report_proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertProposal(
  db: Db,
  reportId: number,
  order: number,
  text: string,
  at: string,
) {
  await db
    .insertInto('report_proposals')
    .values({ report_id: reportId, sort_order: order, text, created_at: at, updated_at: at })
    .execute();
}

export async function updateProposalText(
  db: Db,
  id: number,
  order: number,
  text: string,
  at: string,
) {
  await db
    .updateTable('report_proposals')
    .set((eb) => ({ sort_order: order, text, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteProposals(db: Db, ids: number[]) {
  if (ids.length > 0) await db.deleteFrom('report_proposals').where('id', 'in', ids).execute();
}

export function answerProposal(
  db: Db,
  id: number,
  version: number,
  answer: { answer: string; answered_by: number; answered_by_name: string; answered_at: string },
) {
  return db
    .updateTable('report_proposals')
    .set((eb) => ({ ...answer, updated_at: answer.answered_at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ---- attachments --------------------------------------------------------------------------

export function listAttachments(db: Db, reportId: number) {
  return db
    .selectFrom('report_attachments')
    .select(['id', 'report_id', 'file_name', 'mime_type', 'size', 'uploaded_by_name', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

export function findAttachment(db: Db, id: number) {
  return db.selectFrom('report_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertAttachment(
  db: Db,
  row: {
    report_id: number;
    file_name: string;
    mime_type: string;
    size: number;
    data: Buffer;
    uploaded_by: number;
    uploaded_by_name: string;
    created_at: string;
  },
) {
  return db
    .insertInto('report_attachments')
    .values(row)
    .returning([
      'id',
      'report_id',
      'file_name',
      'mime_type',
      'size',
      'uploaded_by_name',
      'created_at',
    ])
    .executeTakeFirstOrThrow();
}

export async function deleteAttachment(db: Db, id: number) {
  await db.deleteFrom('report_attachments').where('id', '=', id).execute();
}
