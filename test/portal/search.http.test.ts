import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, uniq } from '../../src/test-support/factories.ts';
import { api, editorCookie, publishedArticle, read, type ArticleJson } from './helpers.ts';

describeEachEngine('portal search and bad input', (db) => {
  let app: FastifyInstance;
  let call: ReturnType<typeof api>;
  let briefing: ArticleJson;
  let fund: ArticleJson;
  let catSlug: string;
  const tag = uniq();

  beforeAll(async () => {
    app = await buildTestApp(db());
    call = api(app, await editorCookie(app, db()));
    const cat = await call<{ id: number; slug: string }>('POST', '/portal/categories', {
      name: `Mặt trận ${tag}`,
    });
    catSlug = cat.slug;
    briefing = await publishedArticle(call, {
      title: `Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017 ${tag}`,
      bodyHtml: `<p>Huy động nguồn lực cho dự án tại phường Đồng Kỵ ${tag}.</p>`,
    });
    fund = await publishedArticle(call, {
      title: `Ủng hộ quỹ Vì người nghèo ${tag}`,
      bodyHtml: `<p>Thị ủy Từ Sơn phát động, các đoàn thể hưởng ứng ${tag}.</p>`,
      categoryIds: [cat.id],
    });
    const hidden = await call<ArticleJson>('POST', '/portal/articles', {
      title: `Bản nháp Đồng Kỵ ${tag}`,
      bodyHtml: '<p>Đồng Kỵ</p>',
    });
    expect(hidden.state).toBe('draft');
  });
  afterAll(() => app.close());

  const results = async (query: string) => {
    const page = await read(app, `/tim-kiem?${query}`);
    expect(page.statusCode).toBe(200);
    return [...page.body.matchAll(/<a class="title" href="([^"]+)"/g)].map((m) => m[1]);
  };

  it('folds diacritics and đ, ranks and highlights', async () => {
    expect((await results(`q=thi+uy+tu+son+giao+ban+${tag}`))[0]).toBe(briefing.url);
    expect(await results(`q=dong+ky+${tag}`)).toEqual([briefing.url]); // the draft stays hidden
    expect((await results(`q=vi+nguoi+ngheo+${tag}`))[0]).toBe(fund.url);
    const page = await read(app, `/tim-kiem?q=dong+ky+${tag}`);
    expect(page.body).toContain('<mark>Đồng</mark> <mark>Kỵ</mark>');
  });

  it('filters by category and date', async () => {
    expect(await results(`q=${tag}&chuyen-muc=${catSlug}`)).toEqual([fund.url]);
    expect(await results(`q=${tag}&tu=2000-01-01&den=2000-12-31`)).toEqual([]);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await results(`q=${tag}&tu=${today}&den=${today}`)).length).toBe(2);
  });

  it('searches the workspace list too, drafts included', async () => {
    const list = await call<{ items: Array<{ id: number; titleHtml: string }> }>(
      'GET',
      `/portal/articles?q=${encodeURIComponent(`đồng kỵ ${tag}`)}`,
    );
    expect(list.items.length).toBe(2);
    expect(list.items.map((i) => i.titleHtml).join(' ')).toContain('<mark>');
  });

  it.each([
    '/tim-kiem?q=' + 'tìm '.repeat(2500),
    '/tim-kiem?q=%E2%80%AE%F0%9F%99%82%00%EF%BF%BF',
    '/tim-kiem?q=%22%27%3B--%20OR%201%3D1',
    '/tim-kiem?q=*%20NEAR%20%22%28',
    '/tim-kiem?q=a&q=b',
    '/tim-kiem?q=x&trang=1000000000000',
    '/tim-kiem?q=x&tu=2017-02-30&den=khong',
    '/tim-kiem?q=x&chuyen-muc=%F0%9F%99%82',
    '/chuyen-muc/khong-co-chuyen-muc',
    '/chuyen-muc/%F0%9F%99%82%E2%80%AE',
    '/bai-viet/%F0%9F%99%82%E2%80%AE',
    '/bai-viet/' + 'a'.repeat(2000),
    '/bai-viet/..%2F..%2Fetc%2Fpasswd',
    '/anh/99999999999999',
    '/anh/abc',
  ])('answers %s clearly, never 5xx', async (url) => {
    const page = await read(app, url.slice(0, 12_000));
    expect(page.statusCode).toBeLessThan(500);
    if (page.statusCode === 200) expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers bad page numbers with 400 or 404', async () => {
    expect((await read(app, `/chuyen-muc/${catSlug}?trang=-1`)).statusCode).toBe(400);
    expect((await read(app, `/chuyen-muc/${catSlug}?trang=abc`)).statusCode).toBe(400);
    const huge = await read(app, `/chuyen-muc/${catSlug}?trang=1000000000000`);
    expect(huge.statusCode).toBe(404);
    expect(huge.body).toContain('Không có trang này');
    expect((await read(app, `/chuyen-muc/${catSlug}?trang=99`)).statusCode).toBe(404);
    expect((await read(app, `/chuyen-muc/${catSlug}?trang=1`)).statusCode).toBe(200);
  });

  it('redirects a Vietnamese-typed slug to its folded form', async () => {
    const typed = encodeURIComponent(`Ủng-hộ-quỹ-Vì-người-nghèo-${tag}`);
    const page = await read(app, `/bai-viet/${typed}`);
    expect(page.statusCode).toBe(301);
    expect(page.headers.location).toBe(fund.url);
  });

  it('escapes what a reader types back into the page', async () => {
    const page = await read(app, `/tim-kiem?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&#60;script&#62;');
  });
});
