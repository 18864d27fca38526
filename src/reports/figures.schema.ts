import { Type, type Static } from 'typebox';
import { Id, Nullable } from '../http/schema-helpers.ts';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const TargetQuery = Type.Object({
  year: Year,
  unitId: Type.Optional(Id),
});
export type TargetQuery = Static<typeof TargetQuery>;
export const TargetList = Type.Object({
  year: Type.Integer(),
  items: Type.Array(
    Type.Object({ unitId: Type.Integer(), indicatorId: Type.Integer(), value: Type.Number() }),
  ),
});
export const SetTargetsBody = Type.Object(
  {
    year: Year,
    items: Type.Array(
      Type.Object(
        {
          unitId: Id,
          indicatorId: Id,
          value: Nullable(
            Type.Union(
              [
                Type.Number({ minimum: -1e12, maximum: 1e12 }),
                Type.String({
                  maxLength: 40,
                  description: 'Written the Vietnamese way: "1.234,5"',
                }),
              ],
              { description: 'null removes the target' },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
export type SetTargetsBody = Static<typeof SetTargetsBody>;

export const ProgressQuery = Type.Object({
  year: Year,
  unitId: Type.Optional(Id),
  indicatorId: Type.Optional(Id),
  asOf: Type.Optional(
    Type.String({
      format: 'date',
      description:
        'Count nothing after this date (rounded down to a quarter end). Default: each unit up to ' +
        'the last quarter it has sent; the total at the date most units have reached',
    }),
  ),
  view: Type.Optional(
    Type.Enum(['all', 'totals'], {
      description: "'totals' leaves out the units' rows (default 'all')",
    }),
  ),
});
export type ProgressQuery = Static<typeof ProgressQuery>;

const Num = Nullable(Type.Number());
const Status = Type.Enum(['on_track', 'behind', 'no_target', 'no_data']);

/** Rows column by column: the n-th entry of every array is the n-th row. */
const ProgressColumns = Type.Object(
  {
    unitId: Type.Array(Type.Integer()),
    indicatorId: Type.Array(Type.Integer()),
    q1: Type.Array(Num),
    q2: Type.Array(Num),
    q3: Type.Array(Num),
    q4: Type.Array(Num),
    actual: Type.Array(Num),
    target: Type.Array(Num),
    percent: Type.Array(Num),
    expected: Type.Array(Num),
    forecast: Type.Array(Num),
    status: Type.Array(Status),
  },
  { description: 'One row per unit and indicator, stored by column' },
);

export const ProgressTable = Type.Object({
  year: Type.Integer(),
  counted: Type.Array(Type.String(), {
    description: 'The report states whose values count: submitted and accepted',
  }),
  asOf: Nullable(Type.String({ description: "The date the bloc's total speaks for" })),
  fraction: Type.Number({ description: 'Share of the year elapsed at asOf' }),
  coverage: Type.Object({
    covered: Type.Integer({ description: 'Units with sent figures up to asOf, in the total' }),
    units: Type.Integer({ description: 'Units in the table' }),
  }),
  indicators: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      measure: Type.String(),
      aggregation: Type.String(),
      higherIsBetter: Type.Boolean(),
    }),
  ),
  units: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      asOf: Nullable(Type.String({ description: 'End of the last quarter the unit has sent' })),
      covered: Type.Boolean({ description: "Counted in the bloc's total" }),
    }),
  ),
  rows: ProgressColumns,
  totals: Type.Array(
    Type.Object({
      indicatorId: Type.Integer(),
      quarters: Type.Array(Num),
      actual: Num,
      target: Num,
      percent: Num,
      expected: Num,
      status: Status,
      forecast: Num,
    }),
  ),
  drafts: Type.Object(
    {
      units: Type.Array(Type.Object({ id: Type.Integer(), asOf: Nullable(Type.String()) })),
      rows: ProgressColumns,
    },
    {
      description:
        "The caller's own units with their unsent values laid over: not official, never in the total",
    },
  ),
});
export type ProgressTable = Static<typeof ProgressTable>;
