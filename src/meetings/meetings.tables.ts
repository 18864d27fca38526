import type { Generated, Selectable } from 'kysely';

/**
 * Tables of the briefing-meeting feature. Dates 'YYYY-MM-DD', timestamps ISO UTC strings, flags
 * 0/1, structured content JSON text, durations in seconds (pauses in milliseconds), like the
 * reporting feature's tables.
 */
export interface MeetingTables {
  meetings: MeetingTable;
  meeting_units: MeetingUnitTable;
  meeting_guests: MeetingGuestTable;
  meeting_agenda_items: MeetingAgendaItemTable;
  meeting_minutes: MeetingMinutesTable;
  meeting_conclusions: MeetingConclusionTable;
  meeting_directives: MeetingDirectiveTable;
  meeting_directive_units: MeetingDirectiveUnitTable;
  meeting_proposal_answers: MeetingProposalAnswerTable;
}

export interface MeetingTable {
  id: Generated<number>;
  period_id: number;
  /** The convening unit (the period's unit). */
  unit_id: number;
  title: string;
  starts_at: string;
  planned_end_at: string;
  place: string;
  chair_account_id: number | null;
  secretary_account_id: number | null;
  /** planned | in_progress | concluded | cancelled (meetings.states.ts). */
  state: string;
  cancel_reason: string | null;
  invitation_sent_at: string | null;
  invitation_sent_by_name: string | null;
  started_at: string | null;
  ended_at: string | null;
  concluded_at: string | null;
  concluded_by: number | null;
  concluded_by_name: string | null;
  /** The chair's account when the secretariat concluded on the chair's behalf. */
  on_behalf_of: number | null;
  /** Seconds before a speaker's planned end at which the countdown turns to the warning colour. */
  warning_seconds: number;
  version: Generated<number>;
  /** Version of the agenda (items, order, durations, speakers). */
  agenda_version: Generated<number>;
  /** Version of the attendance (units and guests). */
  attendance_version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** An invited unit: its order, its answer to the invitation and its attendance. */
export interface MeetingUnitTable {
  meeting_id: number;
  unit_id: number;
  sort_order: number;
  /** none | confirmed | declined */
  response: string;
  /** head | delegate, when confirmed */
  attendee_kind: string | null;
  attendee_name: string | null;
  attendee_position: string | null;
  decline_reason: string | null;
  responded_at: string | null;
  responded_by_name: string | null;
  /** unknown | present | absent | delegate */
  attendance: string;
  attendance_name: string | null;
  attendance_position: string | null;
  absence_reason: string | null;
}

export interface MeetingGuestTable {
  id: Generated<number>;
  meeting_id: number;
  sort_order: number;
  name: string;
  /** The guest's position (chức vụ). */
  position: string;
  organization: string;
  present: number;
}

export interface MeetingAgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  sort_order: number;
  /** unit | free */
  kind: string;
  unit_id: number | null;
  title: string;
  planned_seconds: number;
  /** Null: the unit's confirmed attendee speaks (unit items). */
  speaker_name: string | null;
  speaker_position: string | null;
  /** 1: added on the fly while the meeting ran (a unit asking to speak again). */
  extra: number;
  started_at: string | null;
  ended_at: string | null;
  paused_at: string | null;
  paused_ms: number;
}

/** The minutes' texts: `{ speeches: { [agendaItemId]: html }, closing: html }`. */
export interface MeetingMinutesTable {
  meeting_id: number;
  body_json: string;
  version: Generated<number>;
  updated_at: string;
  updated_by: number | null;
  updated_by_name: string | null;
}

export interface MeetingConclusionTable {
  meeting_id: number;
  /** Sanitized rich text (src/text/rich-text.ts). */
  acknowledged: string;
  shortcomings: string;
  version: Generated<number>;
  updated_at: string;
  updated_by: number | null;
  updated_by_name: string | null;
}

/** A directive of the conclusion: a record the tasks feature turns into a task. */
export interface MeetingDirectiveTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  text: string;
  lead_unit_id: number | null;
  deadline: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingDirectiveUnitTable {
  directive_id: number;
  unit_id: number;
}

/** Proposals of the reports answered in this meeting's conclusion (the answer is on the proposal). */
export interface MeetingProposalAnswerTable {
  meeting_id: number;
  proposal_id: number;
  answered_at: string;
  answered_by_name: string | null;
}

export type MeetingRow = Selectable<MeetingTable>;
export type MeetingUnitRow = Selectable<MeetingUnitTable>;
export type MeetingGuestRow = Selectable<MeetingGuestTable>;
export type AgendaItemRow = Selectable<MeetingAgendaItemTable>;
export type MinutesRow = Selectable<MeetingMinutesTable>;
export type ConclusionRow = Selectable<MeetingConclusionTable>;
export type DirectiveRow = Selectable<MeetingDirectiveTable>;
