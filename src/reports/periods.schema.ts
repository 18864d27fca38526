import { Type, type Static } from 'typebox';
import { Id, MAX_INT, Nullable, Version } from '../http/schema-helpers.ts';
import { PERIOD_KINDS } from './period-rules.ts';
import { REPORT_STATES } from './reports.states.ts';

export const PeriodKindSchema = Type.Enum(PERIOD_KINDS, {
  description: 'quarter, half (6 months), nine_months or year',
});
export const PeriodStatusSchema = Type.Enum(['open', 'closed']);
const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const Period = Type.Object(
  {
    id: Type.Integer(),
    unitId: Type.Integer(),
    kind: PeriodKindSchema,
    year: Type.Integer(),
    number: Type.Integer(),
    name: Type.String(),
    startDate: Type.String(),
    endDate: Type.String(),
    dataFrom: Type.String(),
    cutoffDate: Type.String(),
    deadline: Type.String(),
    templateId: Type.Integer(),
    templateVersionId: Type.Integer(),
    status: PeriodStatusSchema,
    unitIds: Type.Array(Type.Integer()),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Period' },
);
export type Period = Static<typeof Period>;

export const PeriodQuery = Type.Object({
  unitId: Type.Optional(Id),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  status: Type.Optional(Type.Enum(['open', 'closed'])),
});
export type PeriodQuery = Static<typeof PeriodQuery>;

const Key = {
  kind: PeriodKindSchema,
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  number: Type.Integer({ minimum: 1, maximum: 4, description: 'Quarter 1–4, half 1–2, else 1' }),
};
export const PeriodDefaultsQuery = Type.Object(Key);
export type PeriodDefaultsQuery = Static<typeof PeriodDefaultsQuery>;
export const PeriodDefaults = Type.Object({
  name: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  dataFrom: Type.String(),
  cutoffDate: Type.String(),
  deadline: Type.String(),
});

const Dates = {
  dataFrom: Type.Optional(DateString),
  cutoffDate: Type.Optional(DateString),
  deadline: Type.Optional(DateString),
};
export const CreatePeriodBody = Type.Object(
  {
    unitId: Type.Integer({ minimum: 1, maximum: MAX_INT, description: 'The convening unit' }),
    ...Key,
    templateId: Id,
    unitIds: Type.Optional(
      Type.Array(Id, {
        minItems: 1,
        maxItems: 5000,
        description:
          'Units that must report; default: the active units directly under the convening one',
      }),
    ),
    ...Dates,
  },
  { additionalProperties: false },
);
export type CreatePeriodBody = Static<typeof CreatePeriodBody>;

export const UpdatePeriodBody = Type.Object(
  {
    version: Version,
    ...Dates,
    status: Type.Optional(Type.Enum(['open', 'closed'])),
    unitIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000 })),
  },
  { additionalProperties: false },
);
export type UpdatePeriodBody = Static<typeof UpdatePeriodBody>;

export const BoardStatus = Type.Enum([
  'accepted',
  'submitted',
  'awaiting_approval',
  'returned',
  'missing',
]);
export const Board = Type.Object({
  period: Type.Ref('Period'),
  today: Type.String(),
  counts: Type.Record(Type.String(), Type.Integer()),
  rows: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      reportId: Type.Integer(),
      state: Type.Enum(REPORT_STATES),
      status: BoardStatus,
      late: Type.Boolean(),
      overdue: Type.Boolean(),
      submittedAt: Nullable(Type.String()),
      reminders: Type.Integer(),
      lastReminderAt: Nullable(Type.String()),
    }),
  ),
});

export const RemindBody = Type.Object(
  {
    unitIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000 })),
    message: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type RemindBody = Static<typeof RemindBody>;
export const RemindResult = Type.Object({
  sent: Type.Integer(),
  unitIds: Type.Array(Type.Integer()),
});
