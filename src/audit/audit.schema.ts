import { Type, type Static } from 'typebox';
import { Id, Nullable, PageOf } from '../http/schema-helpers.ts';

const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

export const AuditQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 40 })),
    entityId: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 40 })),
    actorId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  // Plain strings: features add actions and entity types of their own.
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  unitId: Nullable(
    Type.Integer({ description: 'The unit the entry is about; null: committee-wide' }),
  ),
  summary: Type.String(),
  before: Type.Unknown({ description: 'What was there before, as recorded (object or list)' }),
  after: Type.Unknown({ description: 'What is there after, as recorded (object or list)' }),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = PageOf(AuditEntry);
export type AuditPage = Static<typeof AuditPage>;
