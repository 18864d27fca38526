import { uniq } from '../../src/test-support/factories.ts';
import { allow, anySignedIn, freshAccount, freshUnit, type Row } from './table.ts';

/** Units, accounts, audit log and sign-in. */
export const unitRows: Row[] = [
  {
    route: 'GET /api/v1/units',
    request: async () => ({ url: '/api/v1/units' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/units/:id',
    request: async (fx) => ({ url: `/api/v1/units/${fx.b}` }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/v1/units',
    request: async (fx) => ({
      url: '/api/v1/units',
      payload: { parentId: fx.a, kind: 'other', name: `Chi bộ ${uniq()}` },
    }),
    expect: allow(['subAdmin', 'rootAdmin'], 201),
  },
  {
    route: 'POST /api/v1/units (under a sibling)',
    request: async (fx) => ({
      url: '/api/v1/units',
      payload: { parentId: fx.b, kind: 'other', name: `Chi bộ ${uniq()}` },
    }),
    expect: allow(['rootAdmin'], 201),
  },
  {
    route: 'PATCH /api/v1/units/:id',
    request: async (fx) => ({
      url: `/api/v1/units/${(await freshUnit(fx, fx.a)).id}`,
      payload: { version: 1, name: `Tên mới ${uniq()}` },
    }),
    expect: allow(['subAdmin', 'rootAdmin'], 200),
  },
  {
    route: 'POST /api/v1/units/:id/move',
    request: async (fx) => ({
      url: `/api/v1/units/${(await freshUnit(fx, fx.a)).id}/move`,
      payload: { version: 1, parentId: fx.b, position: 0 },
    }),
    expect: allow(['rootAdmin'], 200),
  },
  {
    route: 'DELETE /api/v1/units/:id',
    request: async (fx) => ({ url: `/api/v1/units/${(await freshUnit(fx, fx.a)).id}` }),
    expect: allow(['subAdmin', 'rootAdmin'], 204),
  },
  {
    route: 'GET /api/v1/accounts',
    request: async () => ({ url: '/api/v1/accounts' }),
    expect: allow(['subAdmin', 'rootAdmin'], 200),
  },
  {
    route: 'GET /api/v1/accounts/:id (in A)',
    request: async (fx) => ({ url: `/api/v1/accounts/${(await freshAccount(fx, fx.a)).id}` }),
    expect: allow(['subAdmin', 'rootAdmin'], 200),
  },
  {
    route: 'GET /api/v1/accounts/:id',
    request: async (fx) => ({ url: `/api/v1/accounts/${(await freshAccount(fx, fx.b)).id}` }),
    expect: allow(['rootAdmin'], 200),
  },
  {
    route: 'POST /api/v1/accounts',
    request: async (fx) => ({
      url: '/api/v1/accounts',
      payload: {
        username: `tk${uniq()}`,
        password: 'mat-khau-dai',
        fullName: 'Phạm Văn C',
        roles: [{ unitId: fx.a, role: 'reporter' }],
      },
    }),
    expect: allow(['subAdmin', 'rootAdmin'], 201),
  },
  {
    route: 'POST /api/v1/accounts (role in the root)',
    request: async (fx) => ({
      url: '/api/v1/accounts',
      payload: {
        username: `tk${uniq()}`,
        password: 'mat-khau-dai',
        fullName: 'Phạm Văn D',
        roles: [{ unitId: fx.root, role: 'admin' }],
      },
    }),
    expect: allow(['rootAdmin'], 201),
  },
  {
    route: 'PATCH /api/v1/accounts/:id',
    request: async (fx) => ({
      url: `/api/v1/accounts/${(await freshAccount(fx, fx.a)).id}`,
      payload: { version: 1, position: 'Chuyên viên' },
    }),
    expect: allow(['subAdmin', 'rootAdmin'], 200),
  },
  {
    route: 'POST /api/v1/accounts/:id/reset-password',
    request: async (fx) => ({
      url: `/api/v1/accounts/${(await freshAccount(fx, fx.b)).id}/reset-password`,
      payload: { newPassword: 'mat-khau-moi-9' },
    }),
    expect: allow(['rootAdmin'], 204),
  },
  {
    route: 'GET /api/v1/audit',
    request: async () => ({ url: '/api/v1/audit' }),
    expect: allow(['subAdmin', 'rootAdmin'], 200),
  },
  {
    route: 'GET /api/v1/auth/me',
    request: async () => ({ url: '/api/v1/auth/me' }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/v1/auth/password (wrong current password)',
    request: async () => ({
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-2' },
    }),
    expect: anySignedIn(400),
  },
  {
    route: 'POST /api/v1/auth/login (unknown user)',
    request: async () => ({
      url: '/api/v1/auth/login',
      payload: { username: 'khong-co-ai', password: 'x' },
    }),
    expect: { ...anySignedIn(401) },
  },
];

/** Logout ends the callers' sessions, so the table runs it after every other row. */
export const logoutRow: Row = {
  route: 'POST /api/v1/auth/logout',
  request: async () => ({ url: '/api/v1/auth/logout' }),
  expect: anySignedIn(204),
};
