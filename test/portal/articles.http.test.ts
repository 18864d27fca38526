import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishDue } from '../../src/portal/articles.service.ts';
import { sitemap } from '../../src/portal/feeds.ts';
import { portalRuntime } from '../../src/portal/runtime.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildAccount,
  buildTestApp,
  buildUnit,
  loginCookie,
  uniq,
} from '../../src/test-support/factories.ts';
import { api, editorCookie, publishedArticle, read, viewsOn, type ArticleJson } from './helpers.ts';

describeEachEngine('portal articles', (db) => {
  let app: FastifyInstance;
  let call: ReturnType<typeof api>;
  let categoryId: number;

  beforeAll(async () => {
    app = await buildTestApp(db());
    call = api(app, await editorCookie(app, db()));
    categoryId = (
      await call<{ id: number }>('POST', '/portal/categories', { name: `Tin ${uniq()}` })
    ).id;
  });
  afterAll(() => app.close());

  it('makes the slug from the folded title and stores bodies clean of XSS', async () => {
    const article = await call<ArticleJson>('POST', '/portal/articles', {
      title: 'Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017',
      bodyHtml:
        '<p>Nội dung</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><p onclick="alert(1)">ok</p>',
      byline: 'Thu Thủy - Xuân Khương',
      categoryIds: [categoryId],
    });
    expect(article.slug).toMatch(/^thi-uy-tu-son-giao-ban-khoi-dang-doan-the-quy-iii-2017(-\d+)?$/);
    expect(article.state).toBe('draft');
    expect(article.bodyHtml).not.toMatch(/script|onerror|onclick|javascript:/i);
    expect(article.bodyHtml).toContain('<p>Nội dung</p>');
    const again = await call<ArticleJson>('POST', '/portal/articles', {
      title: 'Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017',
      bodyHtml: '<p>Bản khác</p>',
    });
    expect(again.slug).not.toBe(article.slug);
  });

  it('refuses a stale version with 409 and keeps revisions with a diff', async () => {
    const a = await call<ArticleJson>('POST', '/portal/articles', {
      title: `Bài ${uniq()}`,
      bodyHtml: '<p>Một hai ba</p>',
    });
    const b = await call<ArticleJson>('PATCH', `/portal/articles/${a.id}`, {
      version: a.version,
      bodyHtml: '<p>Một hai bốn</p>',
    });
    expect(b.version).toBe(a.version + 1);
    await call('PATCH', `/portal/articles/${a.id}`, { version: a.version, title: 'Cũ' }, 409);
    const revisions = await call<{
      items: Array<{
        version: number;
        changes: Array<{ value: string; added: boolean; removed: boolean }>;
      }>;
    }>('GET', `/portal/articles/${a.id}/revisions`);
    expect(revisions.items.map((r) => r.version)).toEqual([2, 1]);
    const latest = revisions.items[0]?.changes ?? [];
    expect(latest.filter((c) => c.removed).map((c) => c.value.trim())).toContain('ba');
    expect(latest.filter((c) => c.added).map((c) => c.value.trim())).toContain('bốn');
  });

  it('lets only editors write', async () => {
    const unit = await buildUnit(db());
    const reporter = await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'reporter' }] });
    const other = api(app, await loginCookie(app, reporter.username));
    await other('POST', '/portal/articles', { title: 'Không được', bodyHtml: '<p>x</p>' }, 403);
    await other('GET', '/portal/articles', undefined, 403);
  });

  it('follows the workflow table and shows only published articles to the public', async () => {
    const draft = await call<ArticleJson>('POST', '/portal/articles', {
      title: `Dự thảo ${uniq()}`,
      bodyHtml: '<p>Chưa đăng</p>',
    });
    expect((await read(app, draft.url)).statusCode).toBe(404);
    await call(
      'POST',
      `/portal/articles/${draft.id}/transition`,
      { version: draft.version, action: 'unpublish' },
      409,
    );
    const published = await call<ArticleJson>('POST', `/portal/articles/${draft.id}/transition`, {
      version: draft.version,
      action: 'publish',
    });
    expect(published.state).toBe('published');
    const page = await read(app, draft.url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chưa đăng');
    expect(page.headers['content-type']).toContain('text/html');
    const unpublished = await call<ArticleJson>('POST', `/portal/articles/${draft.id}/transition`, {
      version: published.version,
      action: 'unpublish',
    });
    expect(unpublished.state).toBe('unpublished');
    const gone = await read(app, draft.url);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('Không tìm thấy');
  });

  it('publishes a scheduled article when its time comes', async () => {
    const draft = await call<ArticleJson>('POST', '/portal/articles', {
      title: `Hẹn giờ ${uniq()}`,
      bodyHtml: '<p>Đăng sau</p>',
    });
    const at = new Date(Date.now() + 60_000).toISOString();
    await call(
      'POST',
      `/portal/articles/${draft.id}/transition`,
      {
        version: draft.version,
        action: 'schedule',
        publishAt: new Date(Date.now() - 1000).toISOString(),
      },
      400,
    );
    const scheduled = await call<ArticleJson>('POST', `/portal/articles/${draft.id}/transition`, {
      version: draft.version,
      action: 'schedule',
      publishAt: at,
    });
    expect(scheduled.state).toBe('scheduled');
    expect((await read(app, draft.url)).statusCode).toBe(404);
    expect(
      await db()
        .transaction()
        .execute((trx) => publishDue(trx, new Date(Date.now() + 120_000).toISOString())),
    ).toBeGreaterThanOrEqual(1);
    portalRuntime(db()).changed();
    const article = await call<ArticleJson>('GET', `/portal/articles/${draft.id}`);
    expect(article.state).toBe('published');
    expect(article.publishAt).toBe(at);
    // Its last change is its going up, not the job's run two minutes later.
    expect(article.updatedAt).toBe(at);
    // The sitemap (once its time has come) says the same.
    expect(
      sitemap(
        'https://example.test',
        [{ slug: article.slug, updated_at: '2017-10-01T00:00:00.000Z', publish_at: at }],
        [],
      ),
    ).toContain(`${article.slug}</loc><lastmod>${at}</lastmod>`);
  });

  it('serves pages from the cache with validators and drops them when the article changes', async () => {
    const a = await publishedArticle(call, {
      title: `Bộ nhớ đệm ${uniq()}`,
      categoryIds: [categoryId],
    });
    const first = await read(app, a.url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    // A crawler (not counted) revalidating the count it saw gets a 304.
    const crawler = { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' };
    const revalidated = await read(app, a.url, { ...crawler, 'if-none-match': etag });
    expect(revalidated.statusCode).toBe(304);
    // The home page has no count: its validators are the page's own.
    const home = await read(app, '/');
    expect(home.headers['last-modified']).toBeTruthy();
    expect(
      (await read(app, '/', { 'if-none-match': home.headers.etag as string })).statusCode,
    ).toBe(304);
    const edited = await call<ArticleJson>('PATCH', `/portal/articles/${a.id}`, {
      version: a.version,
      title: `${a.title} (đã sửa)`,
    });
    const after = await read(app, a.url, { ...crawler, 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('(đã sửa)');
    expect(after.headers.etag).not.toBe(etag);
    expect(edited.version).toBe(a.version + 1);
  });

  it('shows the title, time, count, body and authors on the article page', async () => {
    const a = await publishedArticle(call, {
      title: `Giao ban Quý III ${uniq()}`,
      bodyHtml: '<p>Đoạn một.</p><p>Đoạn hai.</p>',
      byline: 'Thu Thủy - Xuân Khương',
      categoryIds: [categoryId],
    });
    const page = await read(app, a.url);
    expect(page.body).toContain('<html lang="vi">');
    expect(page.body).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(viewsOn(page.body)).toBe(1);
    expect(page.body).toContain('<p>Đoạn một.</p>');
    expect(page.body).toContain('Thu Thủy - Xuân Khương');
    expect(page.body).toContain('property="og:title"');
    expect(page.body).toContain('name="twitter:card"');
    expect(page.body).toMatch(/<link rel="canonical" href="http:\/\/[^"]+\/bai-viet\//);
    expect(page.body).toContain('In bài viết');
    expect(page.body).toContain('@media print');
  });

  it('builds public links from a Host only when it names this server, and varies by Host', async () => {
    const a = await publishedArticle(call, { title: `Địa chỉ công khai ${uniq()}` });
    for (const url of [a.url, '/rss.xml', '/sitemap.xml']) {
      const forged = await read(app, url, { host: 'evil.example' });
      expect(forged.statusCode).toBe(200);
      expect(forged.body).not.toContain('evil.example');
      expect(forged.body).toContain('http://127.0.0.1:3000/');
      expect(forged.headers.vary).toContain('Host');
      const local = await read(app, url, { host: 'localhost:3000' });
      expect(local.body).toContain('http://localhost:3000/');
    }
  });

  it('answers feeds, sitemap and robots.txt', async () => {
    const a = await publishedArticle(call, {
      title: `Bản tin <&> ${uniq()}`,
      categoryIds: [categoryId],
    });
    const slug = a.categories[0]?.slug ?? '';
    const rss = await read(app, '/rss.xml');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<rss version="2.0"');
    expect(rss.body).toContain('Bản tin &#60;&#38;&#62;');
    const atom = await read(app, `/chuyen-muc/${slug}/atom.xml`);
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom.body).toContain(a.url);
    expect((await read(app, '/chuyen-muc/khong-co-chuyen-muc/rss.xml')).statusCode).toBe(404);
    const sitemap = await read(app, '/sitemap.xml');
    expect(sitemap.body).toContain(`${a.url}</loc>`);
    const robots = await read(app, '/robots.txt');
    expect(robots.body).toContain('Sitemap: ');
  });

  it('uploads a cover image and puts it in the OpenGraph meta', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const image = await call<{ id: number; url: string }>('POST', '/portal/images', {
      dataBase64: png.toString('base64'),
    });
    await call(
      'POST',
      '/portal/images',
      { dataBase64: Buffer.from('<svg/>').toString('base64') },
      400,
    );
    const a = await publishedArticle(call, { title: `Có ảnh ${uniq()}` });
    const withCover = await call<ArticleJson>('PATCH', `/portal/articles/${a.id}`, {
      version: a.version,
      coverImageId: image.id,
      coverAlt: 'Quang cảnh hội nghị',
    });
    expect(withCover.version).toBe(a.version + 1);
    const page = await read(app, a.url);
    expect(page.body).toContain(`property="og:image" content="http://`);
    expect(page.body).toContain('alt="Quang cảnh hội nghị"');
    const served = await read(app, image.url);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);
  });
});
