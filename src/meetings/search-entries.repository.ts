import type { Db } from '../db/schema.ts';
import type { MeetingRow } from './meetings.tables.ts';

/** Meetings by id. */
export function meetingsByIds(db: Db, ids: readonly number[]): Promise<MeetingRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}
