import type { Db } from '../db/schema.ts';

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
