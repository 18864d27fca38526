import type { Db } from '../db/schema.ts';

/** The meeting's period and state, and its invited units in agenda order. */
export async function meetingForSummary(db: Db, meetingId: number) {
  const meeting = await db
    .selectFrom('meetings')
    .select(['id', 'period_id', 'unit_id', 'state'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) return undefined;
  const invited = await db
    .selectFrom('meeting_units')
    .select(['unit_id', 'sort_order'])
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
  // The agenda's unit items first, in their order; invited units the agenda leaves out after.
  const order: number[] = [];
  const invitedIds = new Set(invited.map((u) => u.unit_id));
  for (const item of agenda) {
    if (item.unit_id !== null && invitedIds.has(item.unit_id) && !order.includes(item.unit_id))
      order.push(item.unit_id);
  }
  for (const u of invited) if (!order.includes(u.unit_id)) order.push(u.unit_id);
  return { ...meeting, unitIds: order };
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
