import { Type, type Static } from 'typebox';
import { Id, MAX_INT, Nullable, Version } from '../http/schema-helpers.ts';
import { MEETING_ACTIONS, MEETING_PERMISSIONS, MEETING_STATES } from './meetings.states.ts';

/*
 * Every body, query and answer of the meeting routes. Times are ISO-8601 (answers in UTC), dates
 * 'YYYY-MM-DD', durations in seconds, pauses in milliseconds.
 *
 *   GET  /api/v1/meetings?periodId&unitId&invitedUnitId&state → MeetingList
 *   GET  /api/v1/meetings/defaults?periodId               → MeetingDefaults
 *   GET  /api/v1/meetings/people?unitId                   → MeetingPeople
 *   POST /api/v1/meetings                  CreateMeetingBody → Meeting (201)
 *   GET  /api/v1/meetings/{id}                            → Meeting
 *   PUT  /api/v1/meetings/{id}             UpdateMeetingBody → Meeting
 *   POST /api/v1/meetings/{id}/transitions MeetingTransitionBody → Meeting (start, conclude, cancel)
 *   POST /api/v1/meetings/{id}/invitation  SendInvitationBody → Meeting
 *   PUT  /api/v1/meetings/{id}/units/{unitId}/response RespondBody → Meeting
 *   GET  /api/v1/meetings/{id}/agenda                     → Agenda
 *   PUT  /api/v1/meetings/{id}/agenda      SaveAgendaBody → Agenda
 *   POST /api/v1/meetings/{id}/agenda/extra ExtraSpeakerBody → Agenda
 *   POST /api/v1/meetings/{id}/speaker     SpeakerBody → Agenda
 *   GET  /api/v1/meetings/{id}/projector                  → ProjectorState
 *   GET  /api/v1/meetings/{id}/attendance                 → Attendance
 *   PUT  /api/v1/meetings/{id}/attendance  SaveAttendanceBody → Attendance
 *   GET  /api/v1/meetings/{id}/minutes                    → Minutes
 *   PUT  /api/v1/meetings/{id}/minutes     SaveMinutesBody → Minutes (409: MinutesConflict)
 *   GET  /api/v1/meetings/{id}/conclusion                 → Conclusion
 *   PUT  /api/v1/meetings/{id}/conclusion  SaveConclusionBody → Conclusion
 *   POST /api/v1/meetings/{id}/proposals/{proposalId}/answer AnswerProposalBody → Conclusion
 */

export const MeetingStateSchema = Type.Enum(MEETING_STATES, {
  description: 'planned → in_progress → concluded; planned → cancelled',
});
export const MeetingActionSchema = Type.Enum(MEETING_ACTIONS);
export const MeetingPermissionSchema = Type.Enum(MEETING_PERMISSIONS);

/** Upper bound of one agenda item's planned duration (8 hours), checked by the service. */
export const MAX_ITEM_SECONDS = 8 * 3600;
/** Upper bound of a meeting's planned length (12 hours), checked by the service. */
export const MAX_MEETING_SECONDS = 12 * 3600;
/** Upper bound of the countdown's warning time (30 minutes), checked by the service. */
export const MAX_WARNING_SECONDS = 30 * 60;
/** The warning time of a new meeting: the countdown turns at one minute before the end. */
export const DEFAULT_WARNING_SECONDS = 60;

const DateTime = Type.String({ format: 'date-time', description: 'ISO-8601 with offset' });
const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Name = Type.String({ maxLength: 200 });
/** Seconds as the client sends them; the bound (0 < d ≤ 8 h) is checked with its own message. */
const Seconds = Type.Integer({
  minimum: -MAX_INT,
  maximum: MAX_INT,
  description: `Seconds, 0 < d ≤ ${MAX_ITEM_SECONDS} (8 hours)`,
});
/** Rich text (HTML), cleaned to the rich-text allow-list on the server. */
const Html = Type.String({ maxLength: 200_000 });

/** A warning the caller should see (the save went through): code and message in its language. */
export const MeetingWarning = Type.Object({
  code: Type.Enum(['invitation_late', 'agenda_over_length', 'agenda_under_length']),
  message: Type.String(),
});
export type MeetingWarning = Static<typeof MeetingWarning>;

export const Person = Type.Object({
  accountId: Type.Integer(),
  fullName: Type.String(),
  position: Nullable(Type.String()),
});

export const ResponseSchema = Type.Enum(['none', 'confirmed', 'declined']);
export const AttendeeKindSchema = Type.Enum(['head', 'delegate'], {
  description: "head: the unit's head attends; delegate: a named delegate with a position",
});
export const AttendanceSchema = Type.Enum(['unknown', 'present', 'absent', 'delegate'], {
  description: 'present: the head; delegate: represented by a named delegate; absent: with reason',
});

export const MeetingUnit = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  order: Type.Integer(),
  response: ResponseSchema,
  attendeeKind: Nullable(AttendeeKindSchema),
  attendeeName: Nullable(Type.String()),
  attendeePosition: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  respondedAt: Nullable(Type.String()),
  respondedByName: Nullable(Type.String()),
  attendance: AttendanceSchema,
  attendanceName: Nullable(Type.String()),
  attendancePosition: Nullable(Type.String()),
  absenceReason: Nullable(Type.String()),
});
export type MeetingUnit = Static<typeof MeetingUnit>;

export const Guest = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  position: Type.String(),
  organization: Type.String(),
  present: Type.Boolean(),
});
export type Guest = Static<typeof Guest>;

export const MeetingSummary = Type.Object({
  id: Type.Integer(),
  periodId: Type.Integer(),
  periodName: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  plannedEndAt: Type.String(),
  place: Type.String(),
  state: MeetingStateSchema,
  invitationSentAt: Nullable(Type.String()),
  version: Type.Integer(),
  /** What the caller may do now, e.g. ["edit", "send_invitation", "start"]. */
  actions: Type.Array(MeetingPermissionSchema),
});
export type MeetingSummary = Static<typeof MeetingSummary>;

export const Meeting = Type.Object(
  {
    ...MeetingSummary.properties,
    periodStatus: Type.Enum(['open', 'closed']),
    /** The planned length, plannedEndAt − startsAt. */
    plannedSeconds: Type.Integer(),
    chair: Nullable(Person),
    secretary: Nullable(Person),
    cancelReason: Nullable(Type.String()),
    invitationSentByName: Nullable(Type.String()),
    /** Working days (Mon–Fri) between the invitation and the start; null when not sent. */
    invitationNoticeDays: Nullable(Type.Integer()),
    /** Sent fewer than 3 working days before the start. */
    invitationLate: Type.Boolean(),
    startedAt: Nullable(Type.String()),
    endedAt: Nullable(Type.String()),
    concludedAt: Nullable(Type.String()),
    concludedByName: Nullable(Type.String()),
    /** The chair's name when the secretariat concluded on the chair's behalf. */
    onBehalfOfName: Nullable(Type.String()),
    warningSeconds: Type.Integer(),
    agendaVersion: Type.Integer(),
    attendanceVersion: Type.Integer(),
    /** Invited units the caller may answer the invitation for (its own). */
    respondUnitIds: Type.Array(Type.Integer()),
    units: Type.Array(MeetingUnit),
    guests: Type.Array(Guest),
    responses: Type.Object({
      confirmed: Type.Integer(),
      declined: Type.Integer(),
      none: Type.Integer(),
    }),
    warnings: Type.Array(MeetingWarning),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Meeting' },
);
export type Meeting = Static<typeof Meeting>;

export const MeetingList = Type.Object({ items: Type.Array(MeetingSummary) });
export type MeetingList = Static<typeof MeetingList>;

export const MeetingQuery = Type.Object({
  periodId: Type.Optional(Id),
  /** The convening unit. */
  unitId: Type.Optional(Id),
  /** Meetings this unit is invited to (an invited unit's view). */
  invitedUnitId: Type.Optional(Id),
  state: Type.Optional(MeetingStateSchema),
});
export type MeetingQuery = Static<typeof MeetingQuery>;

export const MeetingDefaultsQuery = Type.Object({ periodId: Id });
export type MeetingDefaultsQuery = Static<typeof MeetingDefaultsQuery>;
export const MeetingDefaults = Type.Object({
  periodId: Type.Integer(),
  unitId: Type.Integer(),
  title: Type.String(),
  chair: Nullable(Person),
  /** The period's reporting units, in the period's unit order. */
  units: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String() })),
  warningSeconds: Type.Integer(),
});
export type MeetingDefaults = Static<typeof MeetingDefaults>;

export const MeetingPeopleQuery = Type.Object({ unitId: Id });
export type MeetingPeopleQuery = Static<typeof MeetingPeopleQuery>;
/** Who may chair (`chair` in the convening unit or above) and be secretary (`secretariat`). */
export const MeetingPeople = Type.Object({
  unitId: Type.Integer(),
  chairs: Type.Array(Person),
  secretaries: Type.Array(Person),
});
export type MeetingPeople = Static<typeof MeetingPeople>;

export const GuestInput = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    position: Type.Optional(Name),
    organization: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

const MeetingFields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  startsAt: DateTime,
  plannedEndAt: DateTime,
  place: Type.String({ minLength: 1, maxLength: 300 }),
  chairAccountId: Nullable(Id),
  secretaryAccountId: Nullable(Id),
  unitIds: Type.Array(Id, { maxItems: 500, description: 'Invited units, in agenda order' }),
  guests: Type.Array(GuestInput, { maxItems: 200 }),
  warningSeconds: Type.Integer({
    minimum: -MAX_INT,
    maximum: MAX_INT,
    description: `Seconds before a speaker's end, 0 ≤ w ≤ ${MAX_WARNING_SECONDS}`,
  }),
};

export const CreateMeetingBody = Type.Object(
  {
    periodId: Id,
    startsAt: MeetingFields.startsAt,
    plannedEndAt: MeetingFields.plannedEndAt,
    place: MeetingFields.place,
    title: Type.Optional(MeetingFields.title),
    chairAccountId: Type.Optional(MeetingFields.chairAccountId),
    secretaryAccountId: Type.Optional(MeetingFields.secretaryAccountId),
    unitIds: Type.Optional(MeetingFields.unitIds),
    guests: Type.Optional(MeetingFields.guests),
    warningSeconds: Type.Optional(MeetingFields.warningSeconds),
  },
  { additionalProperties: false },
);
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;

/** Only the fields given change. While the meeting runs only warningSeconds may change. */
export const UpdateMeetingBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(MeetingFields.title),
    startsAt: Type.Optional(MeetingFields.startsAt),
    plannedEndAt: Type.Optional(MeetingFields.plannedEndAt),
    place: Type.Optional(MeetingFields.place),
    chairAccountId: Type.Optional(MeetingFields.chairAccountId),
    secretaryAccountId: Type.Optional(MeetingFields.secretaryAccountId),
    unitIds: Type.Optional(MeetingFields.unitIds),
    guests: Type.Optional(MeetingFields.guests),
    warningSeconds: Type.Optional(MeetingFields.warningSeconds),
  },
  { additionalProperties: false },
);
export type UpdateMeetingBody = Static<typeof UpdateMeetingBody>;

export const MeetingTransitionBody = Type.Object(
  {
    version: Version,
    action: MeetingActionSchema,
    reason: Type.Optional(Type.String({ maxLength: 5000, description: 'Why (cancel)' })),
  },
  { additionalProperties: false },
);
export type MeetingTransitionBody = Static<typeof MeetingTransitionBody>;

export const SendInvitationBody = Type.Object(
  { version: Version },
  { additionalProperties: false },
);
export type SendInvitationBody = Static<typeof SendInvitationBody>;

export const MeetingUnitParams = Type.Object({ id: Id, unitId: Id });
export const RespondBody = Type.Object(
  {
    response: Type.Enum(['confirmed', 'declined']),
    attendeeKind: Type.Optional(AttendeeKindSchema),
    name: Type.Optional(Name),
    position: Type.Optional(Name),
    reason: Type.Optional(Type.String({ maxLength: 5000, description: 'Why the unit declines' })),
  },
  { additionalProperties: false },
);
export type RespondBody = Static<typeof RespondBody>;

// Agenda and running

export const AgendaItemKindSchema = Type.Enum(['unit', 'free']);
export const AgendaItemStatusSchema = Type.Enum(['pending', 'current', 'paused', 'done']);
export const AgendaItem = Type.Object({
  id: Type.Integer(),
  order: Type.Integer(),
  kind: AgendaItemKindSchema,
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  title: Type.String(),
  plannedSeconds: Type.Integer(),
  /** The speaker: the one named on the item, else the unit's confirmed attendee. */
  speakerName: Nullable(Type.String()),
  speakerPosition: Nullable(Type.String()),
  /** True when the speaker is the unit's confirmed attendee (not named on the item). */
  speakerFromConfirmation: Type.Boolean(),
  extra: Type.Boolean(),
  status: AgendaItemStatusSchema,
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  pausedAt: Nullable(Type.String()),
  pausedMs: Type.Integer(),
  /** Speaking time so far (pauses excluded), as of the answer's serverTime. */
  spentSeconds: Type.Integer(),
});
export type AgendaItem = Static<typeof AgendaItem>;

export const Agenda = Type.Object(
  {
    meetingId: Type.Integer(),
    state: MeetingStateSchema,
    version: Type.Integer(),
    serverTime: Type.String(),
    warningSeconds: Type.Integer(),
    items: Type.Array(AgendaItem),
    currentItemId: Nullable(Type.Integer()),
    /** Sum of the items' planned durations. */
    plannedSeconds: Type.Integer(),
    /** The meeting's planned length (plannedEndAt − startsAt). */
    meetingSeconds: Type.Integer(),
    /** Speaking time so far, all items. */
    spentSeconds: Type.Integer(),
    warnings: Type.Array(MeetingWarning),
    actions: Type.Array(MeetingPermissionSchema),
  },
  { $id: 'Agenda' },
);
export type Agenda = Static<typeof Agenda>;

export const AgendaItemInput = Type.Object(
  {
    id: Type.Optional(Id),
    kind: AgendaItemKindSchema,
    unitId: Type.Optional(Nullable(Id)),
    title: Type.Optional(Type.String({ maxLength: 300 })),
    plannedSeconds: Seconds,
    speakerName: Type.Optional(Nullable(Name)),
    speakerPosition: Type.Optional(Nullable(Name)),
  },
  { additionalProperties: false },
);
/** The whole agenda in its new order: items without id are added, missing ones removed. */
export const SaveAgendaBody = Type.Object(
  { version: Version, items: Type.Array(AgendaItemInput, { maxItems: 300 }) },
  { additionalProperties: false },
);
export type SaveAgendaBody = Static<typeof SaveAgendaBody>;

export const SpeakerActionSchema = Type.Enum(['start', 'stop', 'pause', 'resume', 'next'], {
  description:
    'start: the item given (or the next pending one); stop: ends the current; pause/resume the current; next: ends the current and starts the next pending one',
});
export const SpeakerBody = Type.Object(
  { action: SpeakerActionSchema, itemId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type SpeakerBody = Static<typeof SpeakerBody>;

/** An extra speaker added while the meeting runs, placed after the current item. */
export const ExtraSpeakerBody = Type.Object(
  {
    unitId: Id,
    plannedSeconds: Seconds,
    title: Type.Optional(Type.String({ maxLength: 300 })),
    speakerName: Type.Optional(Nullable(Name)),
    speakerPosition: Type.Optional(Nullable(Name)),
  },
  { additionalProperties: false },
);
export type ExtraSpeakerBody = Static<typeof ExtraSpeakerBody>;

export const ProjectorItem = Type.Object({
  itemId: Type.Integer(),
  title: Type.String(),
  unitName: Nullable(Type.String()),
  speakerName: Nullable(Type.String()),
  plannedSeconds: Type.Integer(),
});
export const ProjectorState = Type.Object(
  {
    meetingId: Type.Integer(),
    title: Type.String(),
    state: MeetingStateSchema,
    place: Type.String(),
    serverTime: Type.String(),
    warningSeconds: Type.Integer(),
    current: Nullable(
      Type.Object({
        itemId: Type.Integer(),
        title: Type.String(),
        unitName: Nullable(Type.String()),
        speakerName: Nullable(Type.String()),
        speakerPosition: Nullable(Type.String()),
        plannedSeconds: Type.Integer(),
        startedAt: Type.String(),
        pausedAt: Nullable(Type.String()),
        pausedMs: Type.Integer(),
      }),
    ),
    /** The next two items not yet spoken. */
    next: Type.Array(ProjectorItem),
    totals: Type.Object({
      plannedSeconds: Type.Integer(),
      spentSeconds: Type.Integer(),
      items: Type.Integer(),
      done: Type.Integer(),
    }),
  },
  { $id: 'ProjectorState' },
);
export type ProjectorState = Static<typeof ProjectorState>;

// Attendance

export const AttendanceUnit = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  attendance: AttendanceSchema,
  name: Nullable(Type.String()),
  position: Nullable(Type.String()),
  absenceReason: Nullable(Type.String()),
  /** The invitation's answer it was pre-filled from. */
  response: ResponseSchema,
  attendeeName: Nullable(Type.String()),
  attendeePosition: Nullable(Type.String()),
});
export const AttendanceTotals = Type.Object({
  units: Type.Integer(),
  present: Type.Integer(),
  delegate: Type.Integer(),
  absent: Type.Integer(),
  unknown: Type.Integer(),
  guests: Type.Integer(),
  guestsPresent: Type.Integer(),
});
export const Attendance = Type.Object(
  {
    meetingId: Type.Integer(),
    state: MeetingStateSchema,
    version: Type.Integer(),
    locked: Type.Boolean(),
    units: Type.Array(AttendanceUnit),
    guests: Type.Array(Guest),
    totals: AttendanceTotals,
    actions: Type.Array(MeetingPermissionSchema),
  },
  { $id: 'Attendance' },
);
export type Attendance = Static<typeof Attendance>;

/** Only the units and guests listed change. */
export const SaveAttendanceBody = Type.Object(
  {
    version: Version,
    units: Type.Optional(
      Type.Array(
        Type.Object(
          {
            unitId: Id,
            attendance: AttendanceSchema,
            name: Type.Optional(Nullable(Name)),
            position: Type.Optional(Nullable(Name)),
            reason: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    guests: Type.Optional(
      Type.Array(
        Type.Object({ id: Id, present: Type.Boolean() }, { additionalProperties: false }),
        {
          maxItems: 200,
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SaveAttendanceBody = Static<typeof SaveAttendanceBody>;

// Minutes

export const Minutes = Type.Object(
  {
    meetingId: Type.Integer(),
    state: MeetingStateSchema,
    version: Type.Integer(),
    locked: Type.Boolean(),
    /** Pre-filled from the meeting itself. */
    prefill: Type.Object({
      title: Type.String(),
      periodName: Type.String(),
      unitName: Type.String(),
      startsAt: Type.String(),
      plannedEndAt: Type.String(),
      startedAt: Nullable(Type.String()),
      endedAt: Nullable(Type.String()),
      place: Type.String(),
      chair: Nullable(Person),
      secretary: Nullable(Person),
      attendance: Type.Object({
        units: Type.Array(AttendanceUnit),
        guests: Type.Array(Guest),
        totals: AttendanceTotals,
      }),
      agenda: Type.Array(AgendaItem),
    }),
    /** One text per agenda item (what its speaker said), in agenda order. */
    speeches: Type.Array(Type.Object({ itemId: Type.Integer(), html: Type.String() })),
    closing: Type.String(),
    updatedAt: Nullable(Type.String()),
    updatedByName: Nullable(Type.String()),
    actions: Type.Array(MeetingPermissionSchema),
  },
  { $id: 'Minutes' },
);
export type Minutes = Static<typeof Minutes>;

/** The speeches listed replace those items' texts (others are kept); closing when given. */
export const SaveMinutesBody = Type.Object(
  {
    version: Version,
    speeches: Type.Optional(
      Type.Array(Type.Object({ itemId: Id, html: Html }, { additionalProperties: false }), {
        maxItems: 300,
      }),
    ),
    closing: Type.Optional(Html),
  },
  { additionalProperties: false },
);
export type SaveMinutesBody = Static<typeof SaveMinutesBody>;

/**
 * A refused save of the minutes (409): when stale (`conflict`), with the minutes as they are
 * now, so nothing is lost; when locked (`meeting_concluded`…), without.
 */
export const MinutesConflict = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    current: Type.Optional(Minutes),
  }),
});

// Conclusion

export const Directive = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  text: Type.String(),
  leadUnitId: Nullable(Type.Integer()),
  leadUnitName: Nullable(Type.String()),
  coordinatingUnits: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String() })),
  deadline: Nullable(Type.String()),
});
export type Directive = Static<typeof Directive>;

export const MeetingProposal = Type.Object({
  id: Type.Integer(),
  reportId: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  text: Type.String(),
  answer: Nullable(Type.String()),
  answeredByName: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  /** True when the answer was given in this meeting's conclusion. */
  answeredInMeeting: Type.Boolean(),
  version: Type.Integer(),
});
export type MeetingProposal = Static<typeof MeetingProposal>;

export const Conclusion = Type.Object(
  {
    meetingId: Type.Integer(),
    state: MeetingStateSchema,
    version: Type.Integer(),
    locked: Type.Boolean(),
    chair: Nullable(Person),
    concludedAt: Nullable(Type.String()),
    concludedByName: Nullable(Type.String()),
    onBehalfOfName: Nullable(Type.String()),
    acknowledged: Type.String(),
    shortcomings: Type.String(),
    directives: Type.Array(Directive),
    /** Proposals raised in the invited units' reports of the period, with their answers. */
    proposals: Type.Array(MeetingProposal),
    updatedAt: Nullable(Type.String()),
    updatedByName: Nullable(Type.String()),
    actions: Type.Array(MeetingPermissionSchema),
  },
  { $id: 'Conclusion' },
);
export type Conclusion = Static<typeof Conclusion>;

export const DirectiveInput = Type.Object(
  {
    id: Type.Optional(Id),
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    leadUnitId: Type.Optional(Nullable(Id)),
    coordinatingUnitIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    deadline: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
/** The fields given change; directives, when given, are the whole ordered list. */
export const SaveConclusionBody = Type.Object(
  {
    version: Version,
    acknowledged: Type.Optional(Html),
    shortcomings: Type.Optional(Html),
    directives: Type.Optional(Type.Array(DirectiveInput, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type SaveConclusionBody = Static<typeof SaveConclusionBody>;

export const MeetingProposalParams = Type.Object({ id: Id, proposalId: Id });
export const AnswerProposalBody = Type.Object(
  {
    version: Version,
    answer: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type AnswerProposalBody = Static<typeof AnswerProposalBody>;

/** The answers shared by several meeting routes, added once to the app (by `$id`). */
export const meetingSharedSchemas = [
  Meeting,
  Agenda,
  ProjectorState,
  Attendance,
  Minutes,
  Conclusion,
];
