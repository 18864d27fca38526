import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, uniq } from '../../src/test-support/factories.ts';
import { api, editorCookie, publishedArticle } from './helpers.ts';

interface CategoryJson {
  id: number;
  slug: string;
  name: string;
  sortOrder: number;
  version: number;
  articleCount: number;
}

describeEachEngine('portal categories', (db) => {
  let app: FastifyInstance;
  let cookie: string;
  let call: ReturnType<typeof api>;

  beforeAll(async () => {
    app = await buildTestApp(db());
    cookie = await editorCookie(app, db());
    call = api(app, cookie);
  });
  afterAll(() => app.close());

  const list = async () =>
    (await call<{ items: CategoryJson[] }>('GET', '/portal/categories')).items;
  const remove = (id: number, lang: 'vi' | 'en' = 'vi') =>
    app.inject({
      method: 'DELETE',
      url: `/api/v1/portal/categories/${id}`,
      headers: { cookie, 'accept-language': lang },
    });

  it('renames and reorders a category, keeping its public address', async () => {
    const tag = uniq();
    const made: CategoryJson[] = [];
    for (const name of ['Thời sự', 'Xây dựng Đảng', 'Mặt trận']) {
      made.push(await call<CategoryJson>('POST', '/portal/categories', { name: `${name} ${tag}` }));
    }
    const [first, second, third] = made as [CategoryJson, CategoryJson, CategoryJson];
    expect(first).toMatchObject({ version: 1, articleCount: 0 });

    // The second goes to the top; every position stays contiguous.
    const moved = await call<CategoryJson>('PATCH', `/portal/categories/${second.id}`, {
      version: 1,
      sortOrder: 0,
    });
    expect(moved).toMatchObject({ sortOrder: 0, version: 2, slug: second.slug });
    let items = await list();
    expect(items[0]!.id).toBe(second.id);
    expect(items.map((i) => i.sortOrder)).toEqual(items.map((_, n) => n));
    expect(items.findIndex((i) => i.id === first.id)).toBeLessThan(
      items.findIndex((i) => i.id === third.id),
    );

    // A rename keeps the slug; the public pages show the new name at once.
    const renamed = await call<CategoryJson>('PATCH', `/portal/categories/${first.id}`, {
      version: 1,
      name: `  Tin   tức ${tag} `,
    });
    expect(renamed).toMatchObject({ name: `Tin tức ${tag}`, slug: first.slug, version: 2 });
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain(`Tin tức ${tag}`);
    expect(home.body).toContain(`/chuyen-muc/${first.slug}`);

    // A stale save and a blank name change nothing.
    const stale = await call<{ error: { code: string } }>(
      'PATCH',
      `/portal/categories/${first.id}`,
      { version: 1, name: 'Cũ' },
      409,
    );
    expect(stale.error.code).toBe('conflict');
    const blank = await call<{ error: { fields: Record<string, string> } }>(
      'PATCH',
      `/portal/categories/${first.id}`,
      { version: 2, name: '   ' },
      400,
    );
    expect(Object.keys(blank.error.fields)).toEqual(['name']);
    await call('PATCH', '/portal/categories/999999', { version: 1, name: 'X' }, 404);
    items = await list();
    expect(items.find((i) => i.id === first.id)).toMatchObject({
      name: `Tin tức ${tag}`,
      version: 2,
    });
  });

  it('deletes an empty category, never one that articles are filed under', async () => {
    const tag = uniq();
    const used = await call<CategoryJson>('POST', '/portal/categories', { name: `Có bài ${tag}` });
    const empty = await call<CategoryJson>('POST', '/portal/categories', { name: `Trống ${tag}` });
    await publishedArticle(call, { title: `Bài ${tag}`, categoryIds: [used.id] });
    expect((await list()).find((i) => i.id === used.id)?.articleCount).toBe(1);

    for (const lang of ['vi', 'en'] as const) {
      const refused = await remove(used.id, lang);
      expect(refused.statusCode).toBe(409);
      const error = refused.json<{ error: { code: string; message: string } }>().error;
      expect(error.code).toBe('category_in_use');
      expect(error.message).toContain(`Có bài ${tag}`);
      expect(error.message).toContain(lang === 'vi' ? 'còn 1 bài viết' : 'filed under it (1)');
    }
    expect((await remove(empty.id)).statusCode).toBe(204);
    expect((await remove(empty.id)).statusCode).toBe(404);
    const items = await list();
    expect(items.some((i) => i.id === empty.id)).toBe(false);
    expect(items.some((i) => i.id === used.id)).toBe(true);
    expect(items.map((i) => i.sortOrder)).toEqual(items.map((_, n) => n));
  });
});
