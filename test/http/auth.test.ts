import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  TEST_PASSWORD,
  buildAccount,
  buildTestApp,
  buildUnit,
  loginCookie,
  uniq,
} from '../../src/test-support/factories.ts';
import { FREE_ATTEMPTS, lockSeconds } from '../../src/units/auth.service.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describe('lockSeconds', () => {
  it('allows the free attempts, then doubles from 30 s up to 15 minutes', () => {
    expect(lockSeconds(FREE_ATTEMPTS - 1)).toBe(0);
    expect(lockSeconds(FREE_ATTEMPTS)).toBe(30);
    expect(lockSeconds(FREE_ATTEMPTS + 1)).toBe(60);
    expect(lockSeconds(FREE_ATTEMPTS + 20)).toBe(900);
  });
});

describeEachEngine('sign-in and sessions', (db) => {
  let app: FastifyInstance;
  let unitId: number;

  beforeAll(async () => {
    app = await buildTestApp(db());
    unitId = (await buildUnit(db())).id;
  });
  afterAll(() => app.close());

  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('sets an HttpOnly SameSite=Lax session cookie and answers /me with the roles', async () => {
    const account = await buildAccount(db(), { roles: [{ unitId, role: 'reporter' }] });
    const response = await login(account.username.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'giaoban_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined();
    const me = await app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: `giaoban_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({
      user: { id: account.id, roles: [{ unitId, role: 'reporter' }] },
    });
    const stored = await db()
      .selectFrom('sessions')
      .select('id')
      .where('account_id', '=', account.id)
      .execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const secureApp = await buildTestApp(db(), { trustProxy: 1 });
    const account = await buildAccount(db());
    const response = await secureApp.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: account.username, password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.cookies[0]?.secure).toBe(true);
    await secureApp.close();
  });

  it('logs out: the cookie stops working', async () => {
    const account = await buildAccount(db());
    const cookie = await loginCookie(app, account.username);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const account = await buildAccount(db());
    const wrong = await login(account.username, 'sai-mat-khau');
    const unknown = await login(`khongco${uniq()}`, 'sai-mat-khau');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
    });
  });

  it('backs off after repeated failures, even for the right password, and records them', async () => {
    const account = await buildAccount(db());
    for (let i = 0; i < FREE_ATTEMPTS; i++)
      expect((await login(account.username, `sai-${i}`)).statusCode).toBe(401);
    // Backing off looks like any wrong password: it tells no one that the account exists.
    const refused = await login(account.username, TEST_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json<ErrorBody>().error.code).toBe('invalid_credentials');
    const failures = await db()
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'login_failed')
      .where('entity_id', '=', String(account.id))
      .execute();
    expect(failures).toHaveLength(FREE_ATTEMPTS);
    // An admin reset lifts the back-off.
    await db()
      .updateTable('accounts')
      .set({ locked_until: null, failed_logins: 0 })
      .where('id', '=', account.id)
      .execute();
    expect((await login(account.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await buildTestApp(db(), { loginRateLimitPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await limited.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'x', password: 'y' },
        headers: { 'accept-language': 'en' },
      });
      codes.push(r.statusCode);
      if (r.statusCode === 429)
        expect(r.json<ErrorBody>().error).toMatchObject({ code: 'too_many_requests' });
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    await limited.close();
  });

  it('deactivating an account ends its sessions at once', async () => {
    const root = await buildUnit(db());
    const admin = await buildAccount(db(), { roles: [{ unitId: root.id, role: 'admin' }] });
    const user = await buildAccount(db(), { roles: [{ unitId: root.id, role: 'reporter' }] });
    const adminCookie = await loginCookie(app, admin.username);
    const userCookie = await loginCookie(app, user.username);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${user.id}`,
      headers: { cookie: adminCookie },
      payload: { version: 1, active: false },
    });
    expect(patch.statusCode).toBe(200);
    expect(
      (await app.inject({ url: '/api/v1/auth/me', headers: { cookie: userCookie } })).statusCode,
    ).toBe(401);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('changes one’s own password: other sessions end, this one stays', async () => {
    const account = await buildAccount(db());
    const here = await loginCookie(app, account.username);
    const elsewhere = await loginCookie(app, account.username);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-1' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().error.fields).toHaveProperty('currentPassword');
    const short = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' },
    });
    expect(short.json<ErrorBody>().error.fields).toEqual({
      newPassword: 'Mật khẩu cần ít nhất 8 ký tự.',
    });
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-1' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await app.inject({ url: '/api/v1/auth/me', headers: { cookie: here } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ url: '/api/v1/auth/me', headers: { cookie: elsewhere } })).statusCode,
    ).toBe(401);
    expect((await login(account.username, 'mat-khau-moi-1')).statusCode).toBe(200);
  });

  it('an admin reset sets a new password and ends the account’s sessions', async () => {
    const root = await buildUnit(db());
    const admin = await buildAccount(db(), { roles: [{ unitId: root.id, role: 'admin' }] });
    const user = await buildAccount(db(), { roles: [{ unitId: root.id, role: 'editor' }] });
    const userCookie = await loginCookie(app, user.username);
    const reset = await app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${user.id}/reset-password`,
      headers: { cookie: await loginCookie(app, admin.username) },
      payload: { newPassword: 'mat-khau-cap-lai' },
    });
    expect(reset.statusCode).toBe(204);
    expect(
      (await app.inject({ url: '/api/v1/auth/me', headers: { cookie: userCookie } })).statusCode,
    ).toBe(401);
    expect((await login(user.username, 'mat-khau-cap-lai')).statusCode).toBe(200);
  });
});
