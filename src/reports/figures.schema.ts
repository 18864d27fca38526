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
            Type.Number({ minimum: -1e12, maximum: 1e12, description: 'null removes the target' }),
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
    Type.String({ format: 'date', description: 'Default: the end of the last quarter with data' }),
  ),
});
export type ProgressQuery = Static<typeof ProgressQuery>;

const ProgressFields = {
  indicatorId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  measure: Type.String(),
  aggregation: Type.String(),
  higherIsBetter: Type.Boolean(),
  quarters: Type.Array(Nullable(Type.Number())),
  actual: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  percent: Nullable(Type.Number()),
  expected: Nullable(Type.Number()),
  status: Type.Enum(['on_track', 'behind', 'no_target', 'no_data']),
  forecast: Nullable(Type.Number()),
};
export const ProgressTable = Type.Object({
  year: Type.Integer(),
  asOf: Type.String(),
  fraction: Type.Number(),
  rows: Type.Array(
    Type.Object({ unitId: Type.Integer(), unitName: Type.String(), ...ProgressFields }),
  ),
  totals: Type.Array(Type.Object(ProgressFields)),
});
export type ProgressTable = Static<typeof ProgressTable>;
