import { Type, type Static } from 'typebox';
import { Nullable } from '../http/schema-helpers.ts';
import { ReportStateSchema } from '../reports/reports.schema.ts';

/*
 * The compiled summary (báo cáo tổng hợp) of a briefing meeting: every invited unit's report for
 * the period in agenda order, the indicator table and the proposals with their answers. It is
 * built live while the meeting is planned and stored as a snapshot when the meeting starts; the
 * snapshot is what was presented, and what documents are rendered from.
 */

const Num = Nullable(Type.Number());
const ProgressStatus = Type.Enum(['on_track', 'behind', 'no_target', 'no_data']);

export const SummaryUnitStatus = Type.Enum(['accepted', 'submitted', 'missing'], {
  description:
    'accepted: taken in by the secretariat; submitted: sent, not yet accepted (shown, marked as ' +
    'such); missing: no report sent (a draft, one awaiting the head, a returned one, or none)',
});

export const MissingReason = Type.Enum(['draft', 'awaiting_approval', 'returned', 'no_report'], {
  description:
    "Why a unit's report is missing; a draft's content is never shown, whatever it holds",
});

export const SummaryUnit = Type.Object({
  position: Type.Integer({ description: 'Place in the agenda order, from 1' }),
  unitId: Type.Integer(),
  unitName: Type.String(),
  status: SummaryUnitStatus,
  missingReason: Nullable(MissingReason),
  reportId: Nullable(Type.Integer()),
  reportState: Nullable(ReportStateSchema),
  late: Type.Boolean(),
  submittedAt: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()),
  sections: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Type.String(),
      html: Type.String({ description: 'The section as stored: sanitized HTML' }),
    }),
    { description: 'Empty for a missing unit' },
  ),
  figures: Type.Object(
    {
      asOf: Nullable(Type.String({ description: 'End of the last quarter the unit has sent' })),
      rows: Type.Array(
        Type.Object({
          indicatorId: Type.Integer(),
          target: Num,
          actual: Num,
          percent: Num,
          status: ProgressStatus,
        }),
      ),
    },
    { description: "The unit's row of the progress table (sent reports only)" },
  ),
});
export type SummaryUnit = Static<typeof SummaryUnit>;

export const SummaryIndicator = Type.Object({
  indicatorId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  measure: Type.String(),
  aggregation: Type.String(),
  target: Num,
  actual: Num,
  percent: Num,
  expected: Num,
  status: ProgressStatus,
});

export const SummaryProposal = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  reportId: Type.Integer(),
  text: Type.String(),
  answer: Nullable(Type.String()),
  answeredByName: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
});

export const CompiledSummary = Type.Object({
  periodId: Type.Integer(),
  periodName: Type.String(),
  year: Type.Integer(),
  builtAt: Type.String({ description: 'When this summary was compiled (ISO UTC)' }),
  counts: Type.Object({
    units: Type.Integer(),
    accepted: Type.Integer(),
    submitted: Type.Integer(),
    missing: Type.Integer(),
  }),
  units: Type.Array(SummaryUnit, { description: 'Every invited unit, in agenda order' }),
  missing: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      reason: MissingReason,
    }),
    { description: 'The units without a sent report, in the same order' },
  ),
  indicators: Type.Object(
    {
      year: Type.Integer(),
      asOf: Nullable(Type.String({ description: "The date the bloc's total speaks for" })),
      coverage: Type.Object({ covered: Type.Integer(), units: Type.Integer() }),
      counted: Type.Array(Type.String(), {
        description: 'The report states whose values count: submitted and accepted',
      }),
      items: Type.Array(SummaryIndicator, {
        description: "The invited units' total per indicator, from the progress service",
      }),
    },
    { description: 'The year targets and progress of the invited units' },
  ),
  proposals: Type.Array(SummaryProposal, {
    description: 'Every proposal raised in the sent reports, with its answer so far',
  }),
});
export type CompiledSummary = Static<typeof CompiledSummary>;

export const MeetingCompiledSummary = Type.Object({
  frozenAt: Nullable(
    Type.String({ description: 'When the snapshot was stored (the start); null while live' }),
  ),
  summary: CompiledSummary,
});
export type MeetingCompiledSummary = Static<typeof MeetingCompiledSummary>;
