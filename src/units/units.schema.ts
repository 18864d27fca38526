import { Type, type Static } from 'typebox';
import { Id, Nullable, Version } from '../http/schema-helpers.ts';
import { UNIT_KINDS } from './roles.ts';

export const UnitKindSchema = Type.Enum(UNIT_KINDS, {
  description:
    'party_committee, party_board, fatherland_front, mass_organization, grassroots_committee, other',
});

const Name = Type.String({ minLength: 1, maxLength: 300 });
const ShortName = Nullable(Type.String({ maxLength: 100 }));

export const Unit = Type.Object(
  {
    id: Type.Integer(),
    parentId: Nullable(Type.Integer()),
    kind: UnitKindSchema,
    name: Type.String(),
    shortName: Nullable(Type.String()),
    sortOrder: Type.Integer(),
    active: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Unit' },
);
export type Unit = Static<typeof Unit>;

export const UnitList = Type.Object({ items: Type.Array(Type.Ref('Unit')) });

export const CreateUnitBody = Type.Object(
  {
    parentId: Nullable(Id),
    kind: UnitKindSchema,
    name: Name,
    shortName: Type.Optional(ShortName),
  },
  { additionalProperties: false },
);
export type CreateUnitBody = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    shortName: Type.Optional(ShortName),
    kind: Type.Optional(UnitKindSchema),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

export const MoveUnitBody = Type.Object(
  {
    version: Version,
    parentId: Nullable(Id),
    position: Type.Integer({ minimum: 0, maximum: 100000 }),
  },
  { additionalProperties: false },
);
export type MoveUnitBody = Static<typeof MoveUnitBody>;
