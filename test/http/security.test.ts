import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildTestApp,
  buildUnit,
  buildAccount,
  loginCookie,
} from '../../src/test-support/factories.ts';

/*
 * State-changing requests must come from the app's own origin; every answer carries the
 * security headers, and HSTS when it went out over HTTPS.
 */
describeEachEngine('origin check and security headers', (db) => {
  let app: FastifyInstance;
  let cookie: string;
  let rootId: number;
  beforeAll(async () => {
    app = await buildTestApp(db(), { trustProxy: 1 });
    const root = await buildUnit(db(), { kind: 'party_committee' });
    rootId = root.id;
    const admin = await buildAccount(db(), { roles: [{ unitId: root.id, role: 'admin' }] });
    cookie = await loginCookie(app, admin.username);
  });
  afterAll(() => app.close());

  const create = (headers: Record<string, string>, payload = '{}') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie, host: 'giaoban.example', ...headers },
      payload:
        payload === '{}'
          ? JSON.stringify({ parentId: rootId, kind: 'other', name: 'Chi bộ thử' })
          : payload,
    });

  it('refuses another origin or site with 403 in the error shape, and stores nothing', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://giaoban.example:8080', 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'application/json' },
      { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      {
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
    ]) {
      const r = await create(headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'cross_origin' } });
    }
    const en = await create({
      origin: 'http://other.example',
      'content-type': 'application/json',
      'accept-language': 'en',
    });
    expect(en.json<{ error: { message: string } }>().error.message).toMatch(
      /another site is refused/,
    );
  });

  it('lets the app’s own pages and non-browser JSON clients through', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://giaoban.example', 'content-type': 'application/json' },
      {
        'sec-fetch-site': 'same-origin',
        origin: 'http://giaoban.example',
        'content-type': 'application/json',
      },
      { 'content-type': 'application/json' },
    ]) {
      const r = await create(headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(201);
    }
  });

  it('sends a CSP without inline scripts, and HSTS only over HTTPS', async () => {
    const plain = await app.inject({ url: '/api/health' });
    expect(plain.headers['content-security-policy']).toContain("script-src 'self'");
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
