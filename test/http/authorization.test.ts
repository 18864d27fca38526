import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildAccount,
  buildTestApp,
  buildUnit,
  loginCookie,
} from '../../src/test-support/factories.ts';
import { homeRows } from '../authz/home.rows.ts';
import { loopRows } from '../authz/loop.rows.ts';
import { meetingEventRows, meetingRows, summaryRows } from '../authz/meetings.rows.ts';
import { notificationRows } from '../authz/notifications.rows.ts';
import { meetingArticleRows } from '../authz/meeting-article.rows.ts';
import { portalRows } from '../authz/portal.rows.ts';
import { reportRows } from '../authz/reports.rows.ts';
import { searchRows } from '../authz/search.rows.ts';
import { taskRows } from '../authz/tasks.rows.ts';
import { CALLERS, GRANTS, type Caller, type Fixture, type Row } from '../authz/table.ts';
import { logoutRow, unitRows } from '../authz/units.rows.ts';

/*
 * Every API route × every kind of caller → the expected status (see test/authz/table.ts for the
 * cast). A route the app serves without a row here fails the first test, so every new route
 * joins this table.
 */
const TABLE: Row[] = [
  ...unitRows,
  ...reportRows,
  ...meetingRows,
  ...summaryRows,
  ...meetingEventRows,
  ...taskRows,
  ...loopRows,
  ...portalRows,
  ...meetingArticleRows,
  ...homeRows,
  ...notificationRows,
  ...searchRows,
  logoutRow,
];

/** Every `METHOD /api/v1/...` route, read from the OpenAPI document the app serves. */
function listApiRoutes(app: FastifyInstance): string[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
}

describeEachEngine('authorization table', (db) => {
  let app: FastifyInstance;
  const cookies = new Map<Caller, string>();
  let fx: Fixture;

  beforeAll(async () => {
    app = await buildTestApp(db());
    const root = await buildUnit(db(), { kind: 'party_committee' });
    const a = await buildUnit(db(), { parentId: root.id, kind: 'party_board' });
    const b = await buildUnit(db(), { parentId: root.id, kind: 'party_board' });
    const unitOf = { root: root.id, a: a.id, b: b.id };
    const accounts = {} as Fixture['accounts'];
    for (const [caller, grants] of Object.entries(GRANTS)) {
      const account = await buildAccount(db(), {
        roles: grants.map((g) => ({ unitId: unitOf[g.unit], role: g.role })),
      });
      accounts[caller as keyof typeof GRANTS] = account.id;
      cookies.set(caller as Caller, await loginCookie(app, account.username));
    }
    fx = { db: db(), ...unitOf, accounts };
    await app.ready();
  });
  afterAll(() => app.close());

  it('has a row for every API route', () => {
    const routes = listApiRoutes(app);
    expect(routes.length).toBeGreaterThan(10);
    const covered = new Set(TABLE.map((r) => r.route.replace(/ \(.*\)$/, '')));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const row of TABLE) {
    it(row.route, async () => {
      const [method] = row.route.split(' ') as [string];
      const seen: Partial<Record<Caller, number>> = {};
      for (const caller of CALLERS) {
        const { url, payload, headers, stream } = await row.request(fx);
        const cookie = cookies.get(caller);
        const response = await app.inject({
          method: method as 'GET',
          url,
          ...(payload !== undefined && { payload: payload as object }),
          headers: { ...headers, ...(cookie && { cookie }) },
          // An open stream answers with its headers and never ends: take the status, hang up.
          ...(stream && { payloadAsStream: true }),
        });
        if (stream) response.stream().destroy();
        seen[caller] = response.statusCode;
      }
      expect(seen).toEqual(row.expect);
    });
  }
});
