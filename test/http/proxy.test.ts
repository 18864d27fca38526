import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildAccount, buildTestApp } from '../../src/test-support/factories.ts';

/*
 * Behind a reverse proxy the client address is the one the trusted proxies saw, never what the
 * client wrote at the start of X-Forwarded-For: sign-in limits and the audit log depend on it.
 */
describe('TRUST_PROXY', () => {
  it('takes a number of proxy hops, or the proxies’ addresses', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => readConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});

describeEachEngine('behind one proxy', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db(), { trustProxy: 1, loginRateLimitPerMinute: 20 });
  });
  afterAll(() => app.close());

  it('a client-written X-Forwarded-For neither escapes the sign-in limit nor reaches the audit log', async () => {
    const account = await buildAccount(db());
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `khong-co-${i}`, password: 'sai' },
        // The proxy (at 127.0.0.1, the test's socket) appends the address it saw: 203.0.113.7.
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
        remoteAddress: '127.0.0.1',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));

    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: account.username, password: 'sai' },
      headers: { 'x-forwarded-for': '198.51.100.99, 203.0.113.8' },
    });
    expect(other.statusCode, other.body).toBe(401);
    const entry = await db()
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'login_failed')
      .where('entity_id', '=', String(account.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(entry.after_json))).toMatchObject({ ip: '203.0.113.8' });
  });
});
