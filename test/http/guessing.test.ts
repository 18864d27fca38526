import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  TEST_PASSWORD,
  buildAccount,
  buildTestApp,
  loginCookie,
  uniq,
} from '../../src/test-support/factories.ts';
import { FREE_ATTEMPTS } from '../../src/units/auth.service.ts';

/*
 * Password guessing: a stolen session cannot guess the current password without limit; sign-in
 * answers a known and an unknown name alike, and an attacker's failures do not lock the owner
 * out of the address they already use.
 */
describeEachEngine('password guessing', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  const login = (username: string, password: string, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('the current password cannot be guessed from a session: it backs off like sign-in', async () => {
    const account = await buildAccount(db());
    const cookie = await loginCookie(app, account.username);
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword: 'mat-khau-moi-dai-12' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await change(`doan-${i}`)).statusCode);
    expect(statuses.slice(0, FREE_ATTEMPTS)).toEqual(Array(FREE_ATTEMPTS).fill(400));
    expect(statuses.slice(FREE_ATTEMPTS)).toEqual(Array(40 - FREE_ATTEMPTS).fill(429));
    const right = await change(TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ error: { code: 'too_many_requests' } });
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // The password did not change.
    expect((await login(account.username, TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(401);
  });

  it('a known and an unknown name get the same answers, however many failures', async () => {
    const account = await buildAccount(db());
    const unknown = `khongco${uniq()}`;
    for (let i = 0; i < FREE_ATTEMPTS + 5; i++) {
      const known = await login(account.username, `sai-${i}`, '198.51.100.1');
      const other = await login(unknown, `sai-${i}`, '198.51.100.1');
      expect({
        status: known.statusCode,
        body: known.json<unknown>(),
        retry: known.headers['retry-after'],
      }).toEqual({
        status: other.statusCode,
        body: other.json<unknown>(),
        retry: other.headers['retry-after'],
      });
      expect(known.statusCode).toBe(401);
    }
  });

  it('an attacker’s failures do not lock the owner out of an address they signed in from', async () => {
    const account = await buildAccount(db());
    expect((await login(account.username, TEST_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    for (let i = 0; i < FREE_ATTEMPTS + 3; i++) {
      expect((await login(account.username, `sai-${i}`, '203.0.113.66')).statusCode).toBe(401);
    }
    // From the attacker's address even the right password is refused while the account backs off.
    expect((await login(account.username, TEST_PASSWORD, '203.0.113.66')).statusCode).toBe(401);
    // The owner, from the address they used before, signs in.
    expect((await login(account.username, TEST_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
  });
});
