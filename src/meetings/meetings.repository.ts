import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type {
  AgendaItemRow,
  ConclusionRow,
  DirectiveRow,
  MeetingAgendaItemTable,
  MeetingGuestRow,
  MeetingGuestTable,
  MeetingRow,
  MeetingTable,
  MeetingUnitRow,
  MeetingUnitTable,
  MinutesRow,
} from './meetings.tables.ts';

/* Kysely queries of the meeting feature; no other feature imports this file. */

export function findMeeting(db: Db, id: number): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMeetings(
  db: Db,
  filter: { periodId?: number; unitId?: number; state?: string },
): Promise<MeetingRow[]> {
  let q = db.selectFrom('meetings').selectAll();
  if (filter.periodId !== undefined) q = q.where('period_id', '=', filter.periodId);
  if (filter.unitId !== undefined) q = q.where('unit_id', '=', filter.unitId);
  if (filter.state !== undefined) q = q.where('state', '=', filter.state);
  return q.orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();
}

export function insertMeeting(db: Db, row: Insertable<MeetingTable>): Promise<MeetingRow> {
  return db.insertInto('meetings').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when the stored version is still `version`; undefined when it was not. */
export function updateMeeting(
  db: Db,
  id: number,
  version: number,
  patch: Updateable<MeetingTable>,
): Promise<MeetingRow | undefined> {
  return db
    .updateTable('meetings')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** A change of one part (agenda or attendance): that part's version moves, checked if given. */
export async function bumpPart(
  db: Db,
  id: number,
  part: 'agenda_version' | 'attendance_version',
  expected: number | null,
  at: string,
): Promise<boolean> {
  let q = db
    .updateTable('meetings')
    .set((eb) => ({ [part]: eb(part, '+', 1), updated_at: at }))
    .where('id', '=', id);
  if (expected !== null) q = q.where(part, '=', expected);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Meetings whose invited units include `unitIds` (an invited unit's view). */
export async function meetingIdsInviting(db: Db, unitIds: number[]): Promise<Set<number>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('meeting_units')
    .select('meeting_id')
    .where('unit_id', 'in', unitIds)
    .execute();
  return new Set(rows.map((r) => r.meeting_id));
}

// Invited units

export function listMeetingUnits(db: Db, meetingIds: number[]): Promise<MeetingUnitRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_units')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('meeting_id')
    .orderBy('sort_order')
    .execute();
}

export async function insertMeetingUnits(
  db: Db,
  rows: Insertable<MeetingUnitTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('meeting_units').values(rows).execute();
}

export async function deleteMeetingUnits(db: Db, meetingId: number, unitIds: number[]) {
  if (unitIds.length === 0) return;
  await db
    .deleteFrom('meeting_units')
    .where('meeting_id', '=', meetingId)
    .where('unit_id', 'in', unitIds)
    .execute();
}

export async function updateMeetingUnit(
  db: Db,
  meetingId: number,
  unitId: number,
  patch: Updateable<MeetingUnitTable>,
): Promise<void> {
  await db
    .updateTable('meeting_units')
    .set(patch)
    .where('meeting_id', '=', meetingId)
    .where('unit_id', '=', unitId)
    .execute();
}

// Guests

export function listGuests(db: Db, meetingId: number): Promise<MeetingGuestRow[]> {
  return db
    .selectFrom('meeting_guests')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export async function insertGuest(db: Db, row: Insertable<MeetingGuestTable>): Promise<void> {
  await db.insertInto('meeting_guests').values(row).execute();
}

export async function updateGuest(
  db: Db,
  meetingId: number,
  id: number,
  patch: Updateable<MeetingGuestTable>,
): Promise<void> {
  await db
    .updateTable('meeting_guests')
    .set(patch)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .execute();
}

export async function deleteGuests(db: Db, meetingId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('meeting_guests')
    .where('meeting_id', '=', meetingId)
    .where('id', 'in', ids)
    .execute();
}

// Agenda

export function listAgendaItems(db: Db, meetingId: number): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('meeting_agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function insertAgendaItem(
  db: Db,
  row: Insertable<MeetingAgendaItemTable>,
): Promise<AgendaItemRow> {
  return db.insertInto('meeting_agenda_items').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgendaItem(
  db: Db,
  meetingId: number,
  id: number,
  patch: Updateable<MeetingAgendaItemTable>,
): Promise<void> {
  await db
    .updateTable('meeting_agenda_items')
    .set(patch)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .execute();
}

export async function deleteAgendaItems(db: Db, meetingId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('meeting_agenda_items')
    .where('meeting_id', '=', meetingId)
    .where('id', 'in', ids)
    .execute();
}

// Minutes

export function findMinutes(db: Db, meetingId: number): Promise<MinutesRow | undefined> {
  return db
    .selectFrom('meeting_minutes')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

type TextRow = { updated_at: string; updated_by: number | null; updated_by_name: string | null };

export async function insertMinutes(
  db: Db,
  meetingId: number,
  row: TextRow & { body_json: string },
) {
  await db
    .insertInto('meeting_minutes')
    .values({ meeting_id: meetingId, ...row })
    .execute();
}

/** Writes the minutes over version `version`; undefined when another save came first. */
export function updateMinutes(
  db: Db,
  meetingId: number,
  version: number,
  row: TextRow & { body_json: string },
): Promise<MinutesRow | undefined> {
  return db
    .updateTable('meeting_minutes')
    .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// Conclusion

export function findConclusion(db: Db, meetingId: number): Promise<ConclusionRow | undefined> {
  return db
    .selectFrom('meeting_conclusions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

type ConclusionText = TextRow & { acknowledged: string; shortcomings: string };

export async function insertConclusion(db: Db, meetingId: number, row: ConclusionText) {
  await db
    .insertInto('meeting_conclusions')
    .values({ meeting_id: meetingId, ...row })
    .execute();
}

/** Like updateMinutes: over version `version`, undefined when another save came first. */
export function updateConclusion(
  db: Db,
  meetingId: number,
  version: number,
  row: ConclusionText,
): Promise<ConclusionRow | undefined> {
  return db
    .updateTable('meeting_conclusions')
    .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function listDirectives(db: Db, meetingId: number): Promise<DirectiveRow[]> {
  return db
    .selectFrom('meeting_directives')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

export async function directiveUnits(db: Db, ids: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('meeting_directive_units')
    .selectAll()
    .where('directive_id', 'in', ids)
    .execute();
  for (const r of rows) map.get(r.directive_id)?.push(r.unit_id);
  return map;
}

export function insertDirective(
  db: Db,
  row: {
    meeting_id: number;
    position: number;
    text: string;
    lead_unit_id: number | null;
    deadline: string | null;
    created_at: string;
    updated_at: string;
  },
): Promise<DirectiveRow> {
  return db.insertInto('meeting_directives').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateDirective(
  db: Db,
  id: number,
  patch: {
    position: number;
    text: string;
    lead_unit_id: number | null;
    deadline: string | null;
    updated_at: string;
  },
): Promise<void> {
  await db.updateTable('meeting_directives').set(patch).where('id', '=', id).execute();
}

export async function deleteDirectives(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('meeting_directives').where('id', 'in', ids).execute();
}

export async function replaceDirectiveUnits(db: Db, id: number, unitIds: number[]) {
  await db.deleteFrom('meeting_directive_units').where('directive_id', '=', id).execute();
  if (unitIds.length === 0) return;
  await db
    .insertInto('meeting_directive_units')
    .values(unitIds.map((unit_id) => ({ directive_id: id, unit_id })))
    .execute();
}

export function listProposalAnswers(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_proposal_answers')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function recordProposalAnswer(
  db: Db,
  row: { meeting_id: number; proposal_id: number; answered_at: string; answered_by_name: string },
): Promise<void> {
  await db
    .insertInto('meeting_proposal_answers')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'proposal_id']).doUpdateSet({
        answered_at: row.answered_at,
        answered_by_name: row.answered_by_name,
      }),
    )
    .execute();
}
