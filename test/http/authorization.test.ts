import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildAccount, buildTestApp, buildUnit, loginCookie, uniq } from '../../src/test-support/factories.ts';
import type { Database } from '../../src/db/database.ts';

/*
 * Every API route × every kind of caller → the expected status. Roles reach their unit and the
 * units beneath it. A route added to the app without a row here fails the first test, so every
 * new route joins this table.
 *
 * The cast: a committee (root) with a board (A) beneath it and a sibling board (B).
 *   rootAdmin  admin in root        subAdmin  admin in A
 *   reporterA  reporter in A        nobody    signed in, no role        anonymous  no session
 */
type Caller = 'anonymous' | 'nobody' | 'reporterA' | 'subAdmin' | 'rootAdmin';
const CALLERS: Caller[] = ['anonymous', 'nobody', 'reporterA', 'subAdmin', 'rootAdmin'];

interface Fixture {
  db: Database;
  root: number;
  a: number;
  b: number;
}
interface Request {
  url: string;
  payload?: unknown;
}
interface Row {
  route: string;
  /** Builds a fresh target for each call, so writes do not disturb the next caller. */
  request: (fx: Fixture) => Promise<Request>;
  expect: Record<Caller, number>;
}

const freshUnit = (fx: Fixture, parentId: number) => buildUnit(fx.db, { parentId });
const freshAccount = (fx: Fixture, unitId: number) =>
  buildAccount(fx.db, { roles: [{ unitId, role: 'reporter' }] });

const TABLE: Row[] = [
  {
    route: 'GET /api/v1/units',
    request: async () => ({ url: '/api/v1/units' }),
    expect: { anonymous: 401, nobody: 200, reporterA: 200, subAdmin: 200, rootAdmin: 200 },
  },
  {
    route: 'GET /api/v1/units/:id',
    request: async (fx) => ({ url: `/api/v1/units/${fx.b}` }),
    expect: { anonymous: 401, nobody: 200, reporterA: 200, subAdmin: 200, rootAdmin: 200 },
  },
  {
    route: 'POST /api/v1/units',
    request: async (fx) => ({ url: '/api/v1/units', payload: { parentId: fx.a, kind: 'other', name: `Chi bộ ${uniq()}` } }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 201, rootAdmin: 201 },
  },
  {
    route: 'POST /api/v1/units (under a sibling)',
    request: async (fx) => ({ url: '/api/v1/units', payload: { parentId: fx.b, kind: 'other', name: `Chi bộ ${uniq()}` } }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 403, rootAdmin: 201 },
  },
  {
    route: 'PATCH /api/v1/units/:id',
    request: async (fx) => ({ url: `/api/v1/units/${(await freshUnit(fx, fx.a)).id}`, payload: { version: 1, name: `Tên mới ${uniq()}` } }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 200, rootAdmin: 200 },
  },
  {
    route: 'POST /api/v1/units/:id/move',
    request: async (fx) => ({ url: `/api/v1/units/${(await freshUnit(fx, fx.a)).id}/move`, payload: { version: 1, parentId: fx.b, position: 0 } }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 403, rootAdmin: 200 },
  },
  {
    route: 'DELETE /api/v1/units/:id',
    request: async (fx) => ({ url: `/api/v1/units/${(await freshUnit(fx, fx.a)).id}` }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 204, rootAdmin: 204 },
  },
  {
    route: 'GET /api/v1/accounts',
    request: async () => ({ url: '/api/v1/accounts' }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 200, rootAdmin: 200 },
  },
  {
    route: 'GET /api/v1/accounts/:id (in A)',
    request: async (fx) => ({ url: `/api/v1/accounts/${(await freshAccount(fx, fx.a)).id}` }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 200, rootAdmin: 200 },
  },
  {
    route: 'GET /api/v1/accounts/:id',
    request: async (fx) => ({ url: `/api/v1/accounts/${(await freshAccount(fx, fx.b)).id}` }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 403, rootAdmin: 200 },
  },
  {
    route: 'POST /api/v1/accounts',
    request: async (fx) => ({
      url: '/api/v1/accounts',
      payload: { username: `tk${uniq()}`, password: 'mat-khau-dai', fullName: 'Phạm Văn C', roles: [{ unitId: fx.a, role: 'reporter' }] },
    }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 201, rootAdmin: 201 },
  },
  {
    route: 'POST /api/v1/accounts (role in the root)',
    request: async (fx) => ({
      url: '/api/v1/accounts',
      payload: { username: `tk${uniq()}`, password: 'mat-khau-dai', fullName: 'Phạm Văn D', roles: [{ unitId: fx.root, role: 'admin' }] },
    }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 403, rootAdmin: 201 },
  },
  {
    route: 'PATCH /api/v1/accounts/:id',
    request: async (fx) => ({ url: `/api/v1/accounts/${(await freshAccount(fx, fx.a)).id}`, payload: { version: 1, position: 'Chuyên viên' } }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 200, rootAdmin: 200 },
  },
  {
    route: 'POST /api/v1/accounts/:id/reset-password',
    request: async (fx) => ({ url: `/api/v1/accounts/${(await freshAccount(fx, fx.b)).id}/reset-password`, payload: { newPassword: 'mat-khau-moi-9' } }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 403, rootAdmin: 204 },
  },
  {
    route: 'GET /api/v1/audit',
    request: async () => ({ url: '/api/v1/audit' }),
    expect: { anonymous: 401, nobody: 403, reporterA: 403, subAdmin: 200, rootAdmin: 200 },
  },
  {
    route: 'GET /api/v1/auth/me',
    request: async () => ({ url: '/api/v1/auth/me' }),
    expect: { anonymous: 401, nobody: 200, reporterA: 200, subAdmin: 200, rootAdmin: 200 },
  },
  {
    route: 'POST /api/v1/auth/password',
    request: async () => ({ url: '/api/v1/auth/password', payload: { currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-2' } }),
    expect: { anonymous: 401, nobody: 400, reporterA: 400, subAdmin: 400, rootAdmin: 400 },
  },
  {
    route: 'POST /api/v1/auth/login',
    request: async () => ({ url: '/api/v1/auth/login', payload: { username: 'khong-co-ai', password: 'x' } }),
    expect: { anonymous: 401, nobody: 401, reporterA: 401, subAdmin: 401, rootAdmin: 401 },
  },
  // Logout last: it ends the callers' sessions.
  {
    route: 'POST /api/v1/auth/logout',
    request: async () => ({ url: '/api/v1/auth/logout' }),
    expect: { anonymous: 401, nobody: 204, reporterA: 204, subAdmin: 204, rootAdmin: 204 },
  },
];

describeEachEngine('authorization table', (db) => {
  let app: FastifyInstance;
  const routes: string[] = [];
  const cookies = new Map<Caller, string>();
  let fx: Fixture;

  beforeAll(async () => {
    app = await buildTestApp(db());
    const root = await buildUnit(db(), { kind: 'party_committee' });
    const a = await buildUnit(db(), { parentId: root.id, kind: 'party_board' });
    const b = await buildUnit(db(), { parentId: root.id, kind: 'party_board' });
    fx = { db: db(), root: root.id, a: a.id, b: b.id };
    const grants: Record<Exclude<Caller, 'anonymous'>, { unitId: number; role: 'admin' | 'reporter' }[]> = {
      nobody: [],
      reporterA: [{ unitId: a.id, role: 'reporter' }],
      subAdmin: [{ unitId: a.id, role: 'admin' }],
      rootAdmin: [{ unitId: root.id, role: 'admin' }],
    };
    for (const [caller, roles] of Object.entries(grants)) {
      const account = await buildAccount(db(), { roles });
      cookies.set(caller as Caller, await loginCookie(app, account.username));
    }
    await app.ready();
    routes.push(...listApiRoutes(app));
  });
  afterAll(() => app.close());

  it('has a row for every API route', () => {
    expect(routes.length).toBeGreaterThan(10);
    const covered = new Set(TABLE.map((r) => r.route.replace(/ \(.*\)$/, '')));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const row of TABLE) {
    it(`${row.route}`, async () => {
      const [method] = row.route.split(' ') as [string];
      const seen: Record<string, number> = {};
      for (const caller of CALLERS) {
        const { url, payload } = await row.request(fx);
        const cookie = cookies.get(caller);
        const response = await app.inject({
          method: method as 'GET',
          url,
          ...(payload !== undefined && { payload: payload as object }),
          headers: cookie ? { cookie } : {},
        });
        seen[caller] = response.statusCode;
      }
      expect(seen).toEqual(row.expect);
    });
  }
});

/** Every `METHOD /api/v1/...` route, read from the OpenAPI document the app serves. */
function listApiRoutes(app: FastifyInstance): string[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
}
