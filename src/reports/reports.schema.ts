import { Type, type Static } from 'typebox';
import { Id, Nullable, Version } from '../http/schema-helpers.ts';
import { PeriodKindSchema, PeriodStatusSchema } from './periods.schema.ts';
import { REPORT_ACTIONS, REPORT_STATES } from './reports.states.ts';

export const ReportStateSchema = Type.Enum(REPORT_STATES, {
  description: 'draft → awaiting_approval → submitted → accepted; submitted → returned → draft',
});
export const ReportActionSchema = Type.Enum(REPORT_ACTIONS);

export const Proposal = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  answer: Nullable(Type.String()),
  answeredByName: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  version: Type.Integer(),
});

export const Attachment = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mimeType: Type.String(),
  size: Type.Integer(),
  uploadedByName: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const ReportSummary = Type.Object({
  id: Type.Integer(),
  periodId: Type.Integer(),
  periodName: Type.String(),
  deadline: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  state: ReportStateSchema,
  late: Type.Boolean(),
  submittedAt: Nullable(Type.String()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const Report = Type.Object(
  {
    ...ReportSummary.properties,
    periodKind: PeriodKindSchema,
    periodYear: Type.Integer(),
    periodNumber: Type.Integer(),
    periodStatus: PeriodStatusSchema,
    returnComment: Nullable(Type.String()),
    acceptedAt: Nullable(Type.String()),
    /** The actions the caller may take now, e.g. ["send"]. */
    actions: Type.Array(ReportActionSchema),
    editable: Type.Boolean(),
    sections: Type.Array(
      Type.Object({ key: Type.String(), title: Type.String(), html: Type.String() }),
    ),
    indicators: Type.Array(
      Type.Object({
        indicatorId: Type.Integer(),
        code: Type.String(),
        name: Type.String(),
        measure: Type.String(),
        allowNegative: Type.Boolean(),
        /** False for a count (người, nhà, lớp…): whole numbers only. */
        decimals: Type.Boolean(),
        /** Above this (in absolute value) the value is far from the unit's target and history. */
        farAbove: Nullable(Type.Number()),
        value: Nullable(Type.Number()),
      }),
    ),
    proposals: Type.Array(Proposal),
    attachments: Type.Array(Attachment),
    events: Type.Array(
      Type.Object({
        action: Type.String(),
        fromState: Type.String(),
        toState: Type.String(),
        comment: Nullable(Type.String()),
        late: Type.Boolean(),
        actorName: Nullable(Type.String()),
        at: Type.String(),
      }),
    ),
    reminders: Type.Array(
      Type.Object({
        message: Type.String(),
        sentByName: Nullable(Type.String()),
        at: Type.String(),
      }),
    ),
  },
  { $id: 'Report' },
);
export type Report = Static<typeof Report>;

export const ReportQuery = Type.Object({
  periodId: Type.Optional(Id),
  unitId: Type.Optional(Id),
  state: Type.Optional(ReportStateSchema),
});
export type ReportQuery = Static<typeof ReportQuery>;

export const SaveReportBody = Type.Object(
  {
    version: Version,
    sections: Type.Record(
      Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
      Type.String({ maxLength: 200_000 }),
    ),
    values: Type.Array(
      Type.Object(
        {
          indicatorId: Id,
          value: Nullable(
            Type.Union([
              Type.Number({ minimum: -1e12, maximum: 1e12 }),
              Type.String({
                maxLength: 40,
                description: 'Written the Vietnamese way: "1.234" is 1234, "1,5" is 1.5',
              }),
            ]),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    proposals: Type.Array(
      Type.Object(
        { id: Type.Optional(Id), text: Type.String({ maxLength: 5000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type SaveReportBody = Static<typeof SaveReportBody>;

export const TransitionBody = Type.Object(
  {
    version: Version,
    action: ReportActionSchema,
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const RevisionList = Type.Object({
  items: Type.Array(
    Type.Object({
      number: Type.Integer(),
      state: Type.String(),
      note: Type.String(),
      authorName: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
});

export const DiffQuery = Type.Object({
  from: Id,
  to: Id,
});
const Change = Type.Object({ op: Type.Enum(['equal', 'insert', 'delete']), text: Type.String() });
export const ReportDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  sections: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Type.String(),
      changed: Type.Boolean(),
      changes: Type.Array(Change),
    }),
  ),
  values: Type.Array(
    Type.Object({
      indicatorId: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      before: Nullable(Type.Number()),
      after: Nullable(Type.Number()),
    }),
  ),
  proposals: Type.Object({ added: Type.Array(Type.String()), removed: Type.Array(Type.String()) }),
});
export type ReportDiff = Static<typeof ReportDiff>;

export const ProposalItem = Type.Object({
  ...Proposal.properties,
  reportId: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  periodId: Type.Integer(),
  periodName: Type.String(),
});
export const ProposalQuery = Type.Object({
  periodId: Type.Optional(Id),
  status: Type.Optional(Type.Enum(['open', 'answered'])),
});
export type ProposalQuery = Static<typeof ProposalQuery>;
export const AnswerBody = Type.Object(
  { version: Version, answer: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
export type AnswerBody = Static<typeof AnswerBody>;
