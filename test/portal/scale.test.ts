import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/dialect.ts';
import * as repo from '../../src/portal/articles.repository.ts';
import { freeSlug } from '../../src/portal/articles.service.ts';
import {
  PREFIX_MIN_LETTERS,
  SEARCH_CANDIDATES,
  searchArticles,
} from '../../src/portal/search.repository.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, uniq } from '../../src/test-support/factories.ts';
import { api, editorCookie, publishedArticle, read } from './helpers.ts';

/** A tag of letters only, so the search sees one word. */
const word = () =>
  uniq()
    .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!)
    .padEnd(6, 'q');

function article(title: string, body: string, at = nowIso(), state = 'published') {
  return {
    slug: `${word()}-${word()}`,
    title,
    title_folded: title.toLowerCase(),
    summary: '',
    body_html: `<p>${body}</p>`,
    body_folded: body.toLowerCase(),
    byline: '',
    cover_image_id: null,
    cover_alt: '',
    state,
    publish_at: at,
    views: 0,
    import_key: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  };
}

const PUBLIC = () => ({ states: ['published'], publishedBefore: nowIso() });
const page = { limit: 10, offset: 0 };

describeEachEngine('portal search at scale', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  it('ranks the words together in the title first, then the most mentions', async () => {
    const [a, b] = [word(), word()];
    const ids = await repo.insertArticles(db(), [
      { article: article('tin thuong', `${a} noi ${b}`), categoryIds: [] },
      { article: article(`tin ${a} ${b} moi`, 'noi dung'), categoryIds: [] },
      { article: article('tin khac', `${a} ${b} ${a} ${b} ${a} ${b}`), categoryIds: [] },
    ]);
    const hits = await searchArticles(db(), [a, b], PUBLIC(), page);
    expect(hits.ids).toEqual([ids[1], ids[2], ids[0]]);
    expect(hits).toMatchObject({ total: 3, more: false, timedOut: false });
  });

  it('counts up to the bound and says "more than" past it, pages included', async () => {
    const tag = word();
    const rows = Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) => ({
      article: article(`bai ${i}`, `hoi nghi ${tag}`),
      categoryIds: [],
    }));
    await repo.insertArticles(db(), rows);
    const hits = await searchArticles(db(), [tag], PUBLIC(), page);
    expect(hits).toMatchObject({ total: SEARCH_CANDIDATES, more: true, timedOut: false });
    const second = await searchArticles(db(), [tag], PUBLIC(), { limit: 10, offset: 10 });
    expect(second.ids).toHaveLength(10);
    expect(second.ids.some((id) => hits.ids.includes(id))).toBe(false);
    const html = await read(app, `/tim-kiem?q=${tag}`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Hơn 1.000 kết quả');
    expect((await read(app, `/tim-kiem?q=${tag}&trang=100`)).statusCode).toBe(200);
  });

  it('widens only a last word of at least three letters to a prefix', async () => {
    const stem = word().slice(0, PREFIX_MIN_LETTERS + 1);
    const [id] = await repo.insertArticles(db(), [
      { article: article('tin', `${stem}xyz va ${stem.slice(0, 2)}w`), categoryIds: [] },
    ]);
    expect((await searchArticles(db(), [stem], PUBLIC(), page)).ids).toEqual([id]);
    // Two letters stay a whole word: "ab" does not find "abw".
    expect((await searchArticles(db(), [stem.slice(0, 2)], PUBLIC(), page)).ids).toEqual([]);
  });

  it('keeps drafts and future articles out of public results', async () => {
    const tag = word();
    await repo.insertArticles(db(), [
      { article: article('nhap', tag, nowIso(), 'draft'), categoryIds: [] },
      { article: article('sau', tag, '2999-01-01T00:00:00.000Z'), categoryIds: [] },
    ]);
    expect((await searchArticles(db(), [tag], PUBLIC(), page)).total).toBe(0);
    expect((await searchArticles(db(), [tag], {}, page)).total).toBe(2);
  });

  it('changes the content stamp with every write and not otherwise', async () => {
    const before = await repo.contentStamp(db());
    expect(await repo.contentStamp(db())).toBe(before);
    const [id] = await repo.insertArticles(db(), [{ article: article('x', 'y'), categoryIds: [] }]);
    const afterInsert = await repo.contentStamp(db());
    expect(afterInsert).not.toBe(before);
    await repo.addViews(db(), id!, 5); // counted views are not a change of content
    expect(await repo.contentStamp(db())).toBe(afterInsert);
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await repo.insertArticles(trx, [{ article: article('x', 'y'), categoryIds: [] }]);
          throw new Error('rolled back');
        }),
    ).rejects.toThrow('rolled back');
    expect(await repo.contentStamp(db())).toBe(afterInsert);
  });

  it('gives a title shared by many articles a free slug each', async () => {
    const title = `Giao ban khối ${word()}`;
    const slugs: string[] = [];
    for (let i = 0; i < 12; i++) {
      const slug = await freeSlug(db(), title);
      await repo.insertArticles(db(), [
        { article: { ...article(title, 'x'), slug }, categoryIds: [] },
      ]);
      slugs.push(slug);
    }
    expect(new Set(slugs).size).toBe(12);
    const base = slugs[0]!;
    expect(slugs.slice(1, 9)).toEqual(Array.from({ length: 8 }, (_, i) => `${base}-${i + 2}`));
    for (const s of slugs.slice(9)) expect(s).toMatch(new RegExp(`^${base}-[a-z0-9]{6}$`));
  });
});

describeEachEngine('portal category pages', (db) => {
  let app: FastifyInstance;
  let call: ReturnType<typeof api>;
  beforeAll(async () => {
    app = await buildTestApp(db());
    call = api(app, await editorCookie(app, db()));
  });
  afterAll(() => app.close());

  it('pages a category newest first and drops an unpublished article from it', async () => {
    const cat = await call<{ id: number; slug: string }>('POST', '/portal/categories', {
      name: `Chuyên mục ${word()}`,
    });
    const base = Date.parse('2020-01-01T00:00:00Z');
    const rows = Array.from({ length: 25 }, (_, i) => ({
      article: article(`bai so ${i}`, 'x', new Date(base + i * 3600_000).toISOString()),
      categoryIds: [cat.id],
    }));
    const ids = await repo.insertArticles(db(), rows);
    const listed = async (n: number) => {
      const page = await read(app, `/chuyen-muc/${cat.slug}?trang=${n}`);
      return {
        status: page.statusCode,
        titles: [...page.body.matchAll(/<a class="title" href="[^"]+">([^<]+)</g)].map((m) => m[1]),
      };
    };
    expect((await listed(1)).titles.slice(0, 2)).toEqual(['bai so 24', 'bai so 23']);
    expect((await listed(3)).titles).toEqual([
      'bai so 4',
      'bai so 3',
      'bai so 2',
      'bai so 1',
      'bai so 0',
    ]);
    expect((await listed(4)).status).toBe(404);

    const fresh = await publishedArticle(call, {
      title: `Mới nhất ${word()}`,
      categoryIds: [cat.id],
    });
    expect((await listed(1)).titles[0]).toBe(fresh.title);
    const row = await repo.findArticle(db(), ids[24]!);
    await call('POST', `/portal/articles/${row!.id}/transition`, {
      version: row!.version,
      action: 'unpublish',
    });
    expect((await listed(1)).titles.slice(0, 2)).toEqual([fresh.title, 'bai so 23']);
  });
});

describe('the time budget', () => {
  it('PostgreSQL: a search blocked past its budget answers "out of time", not an error', async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return; // needs a second connection to hold the lock
    const { createTestDatabase } = await import('../../src/test-support/engines.ts');
    const handle = await createTestDatabase('postgres');
    try {
      const db = handle.db;
      const tag = word();
      await repo.insertArticles(db, [{ article: article('x', tag), categoryIds: [] }]);
      const lock = await db.startTransaction().execute();
      try {
        await sql`LOCK TABLE portal_articles IN ACCESS EXCLUSIVE MODE`.execute(lock);
        const hits = await searchArticles(db, [tag], PUBLIC(), page, 200);
        expect(hits).toMatchObject({ ids: [], timedOut: true });
      } finally {
        await lock.rollback().execute();
      }
      expect((await searchArticles(db, [tag], PUBLIC(), page, 5000)).total).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
