import type { Database } from '../db/database.ts';

/**
 * A planned meeting of a period, as rows: its invited units (in that order) and, when given, the
 * agenda's unit items (in that order).
 */
export async function buildMeeting(
  db: Database,
  input: {
    periodId: number;
    unitId: number;
    invited: number[];
    agenda?: number[];
    chairAccountId?: number | null;
    secretaryAccountId?: number | null;
  },
): Promise<number> {
  const at = new Date().toISOString();
  const meeting = await db
    .insertInto('meetings')
    .values({
      period_id: input.periodId,
      unit_id: input.unitId,
      title: 'Hội nghị giao ban thử',
      starts_at: '2017-10-11T01:00:00.000Z',
      planned_end_at: '2017-10-11T04:00:00.000Z',
      place: 'Hội trường',
      chair_account_id: input.chairAccountId ?? null,
      secretary_account_id: input.secretaryAccountId ?? null,
      state: 'planned',
      warning_seconds: 60,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.invited.length > 0)
    await db
      .insertInto('meeting_units')
      .values(
        input.invited.map((unitId, i) => ({
          meeting_id: meeting.id,
          unit_id: unitId,
          sort_order: i,
          response: 'none',
          attendance: 'unknown',
        })),
      )
      .execute();
  if (input.agenda && input.agenda.length > 0)
    await db
      .insertInto('meeting_agenda_items')
      .values(
        input.agenda.map((unitId, i) => ({
          meeting_id: meeting.id,
          sort_order: i + 1,
          kind: 'unit',
          unit_id: unitId,
          title: 'Báo cáo của đơn vị',
          planned_seconds: 600,
          speaker_name: null,
          speaker_position: null,
          extra: 0,
          paused_ms: 0,
        })),
      )
      .execute();
  return meeting.id;
}
