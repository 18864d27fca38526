import type { Db } from '../db/schema.ts';

/** The meeting's period, convening unit and state. */
export function findMeeting(db: Db, meetingId: number) {
  return db
    .selectFrom('meetings')
    .select(['id', 'period_id', 'unit_id', 'state'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
}

/** The invited units in agenda order: the agenda's unit items first, then the others invited. */
export async function invitedInAgendaOrder(db: Db, meetingId: number): Promise<number[]> {
  const invited = await db
    .selectFrom('meeting_units')
    .select(['unit_id'])
    .where('meeting_id', '=', meetingId)
    .orderBy('sort_order')
    .orderBy('unit_id')
    .execute();
  const agenda = await db
    .selectFrom('meeting_agenda_items')
    .select(['unit_id'])
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', 'unit')
    .where('extra', '=', 0)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const invitedIds = new Set(invited.map((u) => u.unit_id));
  const order = new Set<number>();
  for (const item of agenda)
    if (item.unit_id !== null && invitedIds.has(item.unit_id)) order.add(item.unit_id);
  for (const u of invited) order.add(u.unit_id);
  return [...order];
}

export function findSummary(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_summaries')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

export async function insertSummary(
  db: Db,
  row: { meeting_id: number; body_json: string; frozen_at: string },
) {
  await db.insertInto('meeting_summaries').values(row).execute();
}
