import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findArticle } from '../../src/portal/articles.repository.ts';
import { portalRuntime } from '../../src/portal/runtime.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, uniq } from '../../src/test-support/factories.ts';
import { api, editorCookie, publishedArticle, read, viewsOn } from './helpers.ts';

describeEachEngine('portal view counter', (db) => {
  let app: FastifyInstance;
  let call: ReturnType<typeof api>;

  beforeAll(async () => {
    app = await buildTestApp(db());
    call = api(app, await editorCookie(app, db()));
  });
  afterAll(() => app.close());

  const stored = async (id: number) => Number((await findArticle(db(), id))?.views);

  it('counts every view of a person once, cached or not, and writes them in batches', async () => {
    const a = await publishedArticle(call, { title: `Đếm ${uniq()}` });
    const pages = await Promise.all(Array.from({ length: 50 }, () => read(app, a.url)));
    const shown = pages.map((p) => viewsOn(p.body)).sort((x, y) => x - y);
    expect(shown).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await stored(a.id)).toBe(0); // not written yet: buffered
    expect(await portalRuntime(db()).flushViews()).toBeGreaterThanOrEqual(50);
    expect(await stored(a.id)).toBe(50);
    expect(viewsOn((await read(app, a.url)).body)).toBe(51);
    const etag = (await read(app, a.url)).headers.etag as string;
    // A reader's reload revalidates: the page comes back with the count their view raised.
    const reload = await read(app, a.url, { 'if-none-match': etag });
    expect(reload.statusCode).toBe(200);
    expect(viewsOn(reload.body)).toBe(53);
    expect(reload.headers.etag).not.toBe(etag);
    expect(reload.headers['last-modified']).toBeUndefined();
    await portalRuntime(db()).flushViews();
    expect(await stored(a.id)).toBe(53); // a revalidated view is a view too
    // A crawler's copy showing the current count is still current for it (not counted: 304).
    const crawler = { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' };
    const bot = await read(app, a.url, { ...crawler, 'if-none-match': reload.headers.etag! });
    expect(bot.statusCode).toBe(304);
    await portalRuntime(db()).flushViews();
    expect(await stored(a.id)).toBe(53);
  });

  it('does not count bots, link previews, prefetches or HEAD requests', async () => {
    const a = await publishedArticle(call, { title: `Bot ${uniq()}` });
    const bots = [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'facebookexternalhit/1.1',
      'Zalo',
      'TelegramBot (like TwitterBot)',
      'coccocbot-web/1.0',
    ];
    for (const ua of bots) {
      const page = await app.inject({ method: 'GET', url: a.url, headers: { 'user-agent': ua } });
      expect(viewsOn(page.body)).toBe(0);
    }
    await read(app, a.url, { 'sec-purpose': 'prefetch' });
    await app.inject({
      method: 'HEAD',
      url: a.url,
      headers: { 'user-agent': 'Mozilla/5.0 Chrome/131' },
    });
    await app.inject({ method: 'GET', url: a.url });
    expect(viewsOn((await read(app, a.url)).body)).toBe(1);
    await portalRuntime(db()).flushViews();
    expect(await stored(a.id)).toBe(1);
  });

  it('does not count an unpublished article and writes the rest on close', async () => {
    const other = await buildTestApp(db());
    const a = await publishedArticle(call, { title: `Đóng ${uniq()}` });
    for (let i = 0; i < 7; i++) await read(other, a.url);
    expect((await read(other, '/bai-viet/khong-co-bai-nay')).statusCode).toBe(404);
    await other.close();
    expect(await stored(a.id)).toBe(7);
  });
});
