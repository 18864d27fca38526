import type { Selectable } from 'kysely';

/** The compiled summary's snapshot, stored when the meeting starts (migration 0302). */
export interface SummaryTables {
  meeting_summaries: MeetingSummaryTable;
}

export interface MeetingSummaryTable {
  meeting_id: number;
  /** The CompiledSummary (summary.schema.ts) as JSON. */
  body_json: string;
  frozen_at: string;
}

export type MeetingSummaryRow = Selectable<MeetingSummaryTable>;
