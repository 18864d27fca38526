import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import type { TaskOverview } from '../../src/tasks/overview.schema.ts';
import type { TaskList } from '../../src/tasks/tasks.schema.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { loginCookie, testConfig } from '../../src/test-support/factories.ts';
import { OVERVIEW_NOW, buildOverviewFixture } from '../../src/test-support/overview-fixture.ts';
import { apiCaller } from '../api-call.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** The task list's query string of a figure's filter, as the overview page links it. */
function queryOf(filter: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter))
    for (const x of Array.isArray(v) ? v : [v]) p.append(k, String(x));
  return p.toString();
}

describeEachEngine('the chair’s overview over HTTP', (db) => {
  let app: FastifyInstance;
  let fx: Awaited<ReturnType<typeof buildOverviewFixture>>;
  const cookies: Record<'chair' | 'secretary' | 'reporter', string> = {
    chair: '',
    secretary: '',
    reporter: '',
  };
  beforeAll(async () => {
    app = await buildApp({
      config: testConfig(),
      db: db(),
      logger: false,
      clock: fixedClock(OVERVIEW_NOW),
    });
    fx = await buildOverviewFixture(db());
    for (const who of ['chair', 'secretary', 'reporter'] as const)
      cookies[who] = await loginCookie(app, fx.s.accounts[who].username);
  });
  afterAll(() => app.close());

  const call = apiCaller(() => app);

  it('answers the chair and the secretariat; its figures’ filters are the list’s query string', async () => {
    const chair = await call<TaskOverview>('GET', '/tasks/overview', cookies.chair);
    expect(chair.status).toBe(200);
    expect(chair.body.totals.overdue.count).toBe(1);
    const sec = await call<TaskOverview>(
      'GET',
      `/tasks/overview?unitId=${fx.s.convener.id}`,
      cookies.secretary,
    );
    expect(sec.body).toEqual(chair.body);
    for (const figure of [
      chair.body.totals.dueSoon,
      chair.body.units[0]!.lead.open,
      chair.body.quarters[0]!.late,
    ]) {
      const list = await call<TaskList>('GET', `/tasks?${queryOf(figure.filter)}`, cookies.chair);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(figure.count);
    }
    const anonymous = await app.inject({ url: '/api/v1/tasks/overview' });
    expect(anonymous.statusCode).toBe(401);
  });

  for (const lang of ['vi', 'en'] as const) {
    const text = (vi: string, en: string) => (lang === 'vi' ? vi : en);
    it(`refuses the lead unit's reporter and bad input, clearly (${lang})`, async () => {
      const refused = await call<ErrorBody>(
        'GET',
        '/tasks/overview',
        cookies.reporter,
        undefined,
        lang,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe(
        text('Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'),
      );
      const unknown = await call<ErrorBody>(
        'GET',
        '/tasks/overview?unitId=999999',
        cookies.chair,
        undefined,
        lang,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields).toEqual({
        unitId: text('Không tồn tại.', 'Does not exist.'),
      });
      for (const bad of ['unitId=abc', 'unitId=0', 'unit=1']) {
        const r = await call<ErrorBody>(
          'GET',
          `/tasks/overview?${bad}`,
          cookies.chair,
          undefined,
          lang,
        );
        expect(r.status, bad).toBe(400);
        expect(Object.keys(r.body.error.fields ?? {}), bad).toHaveLength(1);
      }
      const role = await call<ErrorBody>('GET', '/tasks?role=lead', cookies.chair, undefined, lang);
      expect(role.status).toBe(400);
      expect(role.body.error.fields).toEqual({ unitId: text('Bắt buộc nhập.', 'Required.') });
      const order = await call<ErrorBody>(
        'GET',
        '/tasks?doneFrom=2018-01-02&doneTo=2018-01-01&role=boss',
        cookies.chair,
        undefined,
        lang,
      );
      expect(order.status).toBe(400);
      expect(order.body.error.fields).toHaveProperty(['querystring.role']);
      const day = await call<ErrorBody>(
        'GET',
        '/tasks?doneFrom=2018-02-30',
        cookies.chair,
        undefined,
        lang,
      );
      expect(day.status).toBe(400);
      expect(day.body.error.fields).toHaveProperty(['querystring.doneFrom']);
    });
  }
});
