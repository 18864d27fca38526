import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectCspViolations,
  launchBrowser,
  login,
  newPage,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * A page on another port of the same host is the same site: SameSite=Lax lets the session cookie
 * through, so only the app's origin check stands between it and a forged change.
 */
describe('requests from another origin of the same site', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let other: http.Server;
  let otherUrl: string;
  let page: Page;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    other = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html lang="vi"><title>Trang khác</title><p>Trang khác</p></html>',
      );
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    page = await newPage(chromium.browser);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await new Promise((resolve) => other?.close(resolve));
  });

  async function periodCount() {
    const row = await server.db
      .selectFrom('report_periods')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('cannot open the next period as the signed-in secretariat', async () => {
    await login(page, server.url, 'vanphong');
    const latest = await server.db
      .selectFrom('report_periods')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const before = await periodCount();
    await page.goto(otherUrl);
    const target = `${server.url}/api/v1/periods/${latest.id}/next`;
    await page.evaluate(async (url) => {
      await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include' });
      await fetch(url, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      });
    }, target);
    expect(await periodCount()).toBe(before);
  });

  it('cannot plant an attachment with a form body as the signed-in reporter', async () => {
    page = await newPage(chromium.browser);
    await login(page, server.url, 'phunu.tonghop');
    const report = await server.db
      .selectFrom('unit_reports')
      .select(['id', 'version'])
      .where('state', '=', 'draft')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const count = async () =>
      Number(
        (
          await server.db
            .selectFrom('report_attachments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await page.goto(otherUrl);
    await page.evaluate(async (url) => {
      const form = new FormData();
      form.append(
        'file',
        new Blob(['%PDF-1.4 gia mao'], { type: 'application/pdf' }),
        'gia-mao.pdf',
      );
      await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body: form });
    }, `${server.url}/api/v1/reports/${report.id}/attachments?version=${report.version}`);
    expect(await count()).toBe(before);
  });

  it("the workspace's own page still gets through to the handler", async () => {
    await page.goto(`${server.url}/app/`);
    const status = await page.evaluate(async () => {
      const r = await fetch('/api/v1/auth/password', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-123' }),
      });
      return r.status;
    });
    // Reached the handler (wrong current password), not refused as cross-origin.
    expect(status).toBe(400);
  });
});

describe('Content-Security-Policy in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('every kind of page is served with a CSP that refuses inline scripts and framing', async () => {
    const article = await server.db
      .selectFrom('portal_articles')
      .select('slug')
      .where('state', '=', 'published')
      .executeTakeFirstOrThrow();
    const page = await newPage(chromium.browser);
    for (const path of [
      '/',
      `/bai-viet/${article.slug}`,
      `/bai-viet/${article.slug}/ban-in`,
      '/tim-kiem?q=giao+ban',
      '/app/',
      '/api/docs',
    ]) {
      const response = await page.goto(`${server.url}${path}`);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$| )/);
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, path).toContain("frame-ancestors 'self'");
    }
    await page.goto(`${server.url}/api/docs`);
    await page.getByText('Giao Ban API').first().waitFor();
    expectCspViolations(page);
    // An injected inline script is refused and reported: the policy is in force.
    const ran = await page.evaluate(`new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) =>
        resolve({ directive: e.violatedDirective, ran: window.__ran === true }), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    })`);
    expect(ran).toEqual({ directive: 'script-src-elem', ran: false });
  });

  it('the workspace and the article preview run under the policy', async () => {
    const page = await newPage(chromium.browser);
    await login(page, server.url, 'bientap');
    await page.goto(`${server.url}/app/portal/articles`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });
});
