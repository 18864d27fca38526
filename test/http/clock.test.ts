import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/demo.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { loginCookie, testConfig } from '../../src/test-support/factories.ts';

/*
 * The app runs "as of" the moment its clock says: sign-in, the session, what a request changes
 * and what the public pages show all take the app's clock, not the system's.
 */

const AS_OF = '2017-10-11T09:00:00+07:00';
const AT = new Date(AS_OF).toISOString();

describeEachEngine('the app on a clock stopped at 11/10/2017 09:00', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await loadDemo(db());
    app = await buildApp({
      config: testConfig(),
      db: db(),
      logger: false,
      clock: fixedClock(AS_OF),
    });
  });
  afterAll(() => app.close());

  it('signs in, keeps the session and signs out as of that moment', async () => {
    const cookie = await loginCookie(app, 'vanphong', DEMO_PASSWORD);
    // A session opened in 2017 has long expired by the system clock: it lives by the app's.
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const account = await db()
      .selectFrom('accounts')
      .select(['id', 'last_login_at'])
      .where('username', '=', 'vanphong')
      .executeTakeFirstOrThrow();
    expect(account.last_login_at).toBe(AT);
    const session = await db()
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at'])
      .where('account_id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(session).toEqual({ created_at: AT, last_seen_at: AT });
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    const entries = await db()
      .selectFrom('audit_log')
      .select(['action', 'at'])
      .where('actor_id', '=', account.id)
      .where('action', 'in', ['login', 'logout'])
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { action: 'login', at: AT },
      { action: 'logout', at: AT },
    ]);
  });

  it('shows on the portal only what was published by then', async () => {
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Ban Tuyên giáo Thị ủy tổ chức hội nghị báo cáo viên tháng 10');
    // Published on 17/10/2017 and 12/10/2017: not yet.
    expect(home.body).not.toContain('Phát động ủng hộ quỹ');
    expect(home.body).not.toContain('dồn sức cho các nhiệm vụ cuối năm');
  });
});
