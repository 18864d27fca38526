import { Type, type Static } from 'typebox';
import { Id, Version } from '../http/schema-helpers.ts';
import { UnitKindSchema } from '../units/units.schema.ts';
import { AGGREGATIONS } from './progress-math.ts';

export const AggregationSchema = Type.Enum(AGGREGATIONS, {
  description: 'How quarters add up to the year: sum, latest, max or average',
});

export const PeriodRule = Type.Object(
  {
    dataFromDay: Type.Integer({
      minimum: 1,
      maximum: 31,
      description: 'Day of the month before the period on which data starts',
    }),
    cutoffDay: Type.Integer({
      minimum: 1,
      maximum: 31,
      description: "Day of the period's last month on which data is cut off",
    }),
    deadlineDaysAfterCutoff: Type.Integer({
      minimum: 0,
      maximum: 90,
      description: 'Days after the cut-off by which reports are due',
    }),
  },
  { additionalProperties: false },
);

export const ReportSettings = Type.Object({ periodRule: PeriodRule, version: Type.Integer() });
export type ReportSettings = Static<typeof ReportSettings>;
export const UpdateReportSettingsBody = Type.Object(
  { version: Version, periodRule: PeriodRule },
  { additionalProperties: false },
);
export type UpdateReportSettingsBody = Static<typeof UpdateReportSettingsBody>;

export const Indicator = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    measure: Type.String(),
    aggregation: AggregationSchema,
    higherIsBetter: Type.Boolean(),
    allowNegative: Type.Boolean(),
    sortOrder: Type.Integer(),
    active: Type.Boolean(),
    version: Type.Integer(),
  },
  { $id: 'Indicator' },
);
export type Indicator = Static<typeof Indicator>;

const Code = Type.String({
  pattern: '^[A-Za-z0-9_.-]{1,40}$',
  description: 'Letters, digits, _ . -',
});
const IndicatorFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  measure: Type.String({
    minLength: 1,
    maxLength: 40,
    description: 'người, triệu đồng, lớp, nhà, %…',
  }),
  aggregation: AggregationSchema,
  higherIsBetter: Type.Boolean(),
  allowNegative: Type.Boolean(),
};
export const CreateIndicatorBody = Type.Object(
  { code: Code, ...IndicatorFields },
  { additionalProperties: false },
);
export type CreateIndicatorBody = Static<typeof CreateIndicatorBody>;
export const UpdateIndicatorBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(IndicatorFields.name),
    measure: Type.Optional(IndicatorFields.measure),
    aggregation: Type.Optional(AggregationSchema),
    higherIsBetter: Type.Optional(Type.Boolean()),
    allowNegative: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateIndicatorBody = Static<typeof UpdateIndicatorBody>;

export const TemplateSection = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export const TemplateIndicators = Type.Object(
  {
    unitKind: UnitKindSchema,
    indicatorIds: Type.Array(Id, { maxItems: 200 }),
  },
  { additionalProperties: false },
);
export const TemplateVersion = Type.Object({
  id: Type.Integer(),
  number: Type.Integer(),
  sections: Type.Array(TemplateSection),
  indicators: Type.Array(TemplateIndicators),
  createdAt: Type.String(),
});
export type TemplateVersion = Static<typeof TemplateVersion>;

export const Template = Type.Object(
  {
    id: Type.Integer(),
    unitId: Type.Integer(),
    name: Type.String(),
    current: TemplateVersion,
    version: Type.Integer(),
    updatedAt: Type.String(),
  },
  { $id: 'Template' },
);
export type Template = Static<typeof Template>;

const TemplateContent = {
  sections: Type.Array(TemplateSection, { minItems: 1, maxItems: 20 }),
  indicators: Type.Array(TemplateIndicators, { maxItems: 10 }),
};
export const CreateTemplateBody = Type.Object(
  {
    unitId: Id,
    name: Type.String({ minLength: 1, maxLength: 300 }),
    sections: Type.Optional(TemplateContent.sections),
    indicators: Type.Optional(TemplateContent.indicators),
  },
  { additionalProperties: false },
);
export type CreateTemplateBody = Static<typeof CreateTemplateBody>;
export const UpdateTemplateBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    ...TemplateContent,
  },
  { additionalProperties: false },
);
export type UpdateTemplateBody = Static<typeof UpdateTemplateBody>;
