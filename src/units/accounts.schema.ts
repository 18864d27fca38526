import { Type, type Static } from 'typebox';
import { Id, Nullable, PageOf, Version } from '../http/schema-helpers.ts';
import { ROLES } from './roles.ts';

export const RoleSchema = Type.Enum(ROLES, {
  description: 'admin, secretariat, chair, unit_head, reporter, editor',
});

export const RoleGrantSchema = Type.Object(
  { unitId: Id, role: RoleSchema },
  { additionalProperties: false },
);

const Roles = Type.Array(RoleGrantSchema, { maxItems: 50 });
const FullName = Type.String({ minLength: 1, maxLength: 200 });
const Position = Nullable(Type.String({ maxLength: 200 }));
const Password = Type.String({ minLength: 1, maxLength: 200 });
/** An e-mail address; '' or null: none. Checked by the service (a clear message, not a pattern). */
const Email = Nullable(Type.String({ maxLength: 300 }));

export const Account = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    fullName: Type.String(),
    position: Nullable(Type.String()),
    active: Type.Boolean(),
    roles: Type.Array(Type.Object({ unitId: Type.Integer(), role: RoleSchema })),
    email: Nullable(Type.String()),
    lastLoginAt: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    version: Type.Integer(),
  },
  { $id: 'Account' },
);
export type Account = Static<typeof Account>;

/** One page of the accounts, by given name; `total` counts every account the filter matches. */
export const AccountPage = PageOf(Type.Ref('Account'));

export const AccountFilter = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    unitId: Type.Optional(Id),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AccountFilter = Static<typeof AccountFilter>;

export const AccountQuery = Type.Object(
  {
    ...AccountFilter.properties,
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type AccountQuery = Static<typeof AccountQuery>;

export const CreateAccountBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Password,
    fullName: FullName,
    position: Type.Optional(Position),
    email: Type.Optional(Email),
    roles: Roles,
  },
  { additionalProperties: false },
);
export type CreateAccountBody = Static<typeof CreateAccountBody>;

export const UpdateAccountBody = Type.Object(
  {
    version: Version,
    fullName: Type.Optional(FullName),
    position: Type.Optional(Position),
    email: Type.Optional(Email),
    active: Type.Optional(Type.Boolean()),
    roles: Type.Optional(Roles),
  },
  { additionalProperties: false },
);
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;

export const ResetPasswordBody = Type.Object(
  { newPassword: Password },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const Me = Type.Object({
  user: Type.Object({
    id: Type.Integer(),
    username: Type.String(),
    fullName: Type.String(),
    position: Nullable(Type.String()),
    roles: Type.Array(Type.Object({ unitId: Type.Integer(), role: RoleSchema })),
  }),
});
