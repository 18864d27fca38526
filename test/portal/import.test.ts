import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importArticles } from '../../src/cli/import-articles.ts';
import { findArticleBySlug } from '../../src/portal/articles.repository.ts';
import { portalRuntime } from '../../src/portal/runtime.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp } from '../../src/test-support/factories.ts';
import { read, viewsOn } from './helpers.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const seed = path.resolve(repoRoot, '..', 'shared', 'seed', '000_c2063abe4efdaed2.txt');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'portal');
const SLUG = 'thi-uy-tu-son-giao-ban-khoi-dang-doan-the-quy-iii-2017';

describeEachEngine('import-articles', (db, engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  it('imports the seed article and the portal shows it as the legacy page did', async () => {
    const summary = await importArticles(db(), [seed]);
    expect(summary).toMatchObject({ created: 1, updated: 0, failed: [] });
    portalRuntime(db()).changed();
    const page = await read(app, `/bai-viet/${SLUG}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017</h1>');
    expect(page.body).toContain('12/10/2017 08:56');
    expect(viewsOn(page.body)).toBe(552); // 551 + this view
    expect(page.body).toContain('Thu Thủy - Xuân Khương');
    const text = fs.readFileSync(seed, 'utf8');
    const paragraphs = text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((p) => p.length > 80);
    expect(paragraphs).toHaveLength(4);
    for (const p of paragraphs)
      expect(page.body).toContain(`<p>${p.replace(/"/g, '&#34;').replace(/'/g, '&#39;')}</p>`);
    const search = await read(app, '/tim-kiem?q=thi+uy+tu+son+giao+ban');
    expect(search.body.match(/<a class="title" href="([^"]+)"/)?.[1]).toBe(`/bai-viet/${SLUG}`);
  });

  it('updates on re-import instead of duplicating, keeping views counted since', async () => {
    await read(app, `/bai-viet/${SLUG}`);
    await portalRuntime(db()).flushViews();
    const before = await findArticleBySlug(db(), SLUG);
    const again = await importArticles(db(), [seed]);
    expect(again).toMatchObject({ created: 0, updated: 1, failed: [] });
    const after = await findArticleBySlug(db(), SLUG);
    expect(after?.id).toBe(before?.id);
    expect(Number(after?.views)).toBe(Number(before?.views));
    expect(Number(after?.views)).toBeGreaterThan(551);
    const count = await db()
      .selectFrom('portal_articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', '=', 'Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017')
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(1);
  });

  it('walks folders, imports NFD/CRLF and HTML pages, and reports bad files by name', async () => {
    const seen: string[] = [];
    const summary = await importArticles(db(), [fixtures, path.join(fixtures, 'missing.txt')], {
      onFile: (o) => seen.push(path.basename(o.file)),
    });
    expect(summary.created).toBe(3); // nfd-crlf.txt, folder/page.html, folder/sub/second.txt
    expect(seen).not.toContain('notes.md');
    const failed = Object.fromEntries(summary.failed.map((f) => [path.basename(f.file), f.reason]));
    expect(Object.keys(failed).sort()).toEqual(
      [
        'bad-date.txt',
        'binary.txt',
        'empty.txt',
        'latin1.txt',
        'missing.txt',
        'no-body.html',
        'no-date.txt',
      ].sort(),
    );
    expect(failed['binary.txt']).toBe('not UTF-8 text');
    const nfd = await findArticleBySlug(
      db(),
      'hoi-nong-dan-thi-xa-tap-huan-ky-thuat-trong-rau-an-toan',
    );
    expect(nfd?.title).toBe(
      'Hội Nông dân thị xã tập huấn kỹ thuật trồng rau an toàn'.normalize('NFC'),
    );
    expect(Number(nfd?.views)).toBe(1204);
    expect(nfd?.byline).toBe('Hải Đăng - Đức Thịnh');
  });

  it('runs as a command with a summary', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-import-'));
    fs.copyFileSync(seed, path.join(dir, 'a.txt'));
    const summary = await importArticles(db(), [dir], { category: undefined });
    expect(summary.created + summary.updated).toBe(1);
    await expect(importArticles(db(), [dir], { category: 'khong-co' })).rejects.toThrow(
      'no category',
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the other files when the database refuses one, and says why', async () => {
    // A trigger refuses one title, as a constraint the parser cannot foresee would.
    const marker = 'REFUSED-BY-TRIGGER';
    if (engine === 'sqlite') {
      await sql`CREATE TRIGGER refuse_one BEFORE INSERT ON portal_articles WHEN instr(NEW.title, ${sql.lit(marker)}) > 0 BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END`.execute(
        db(),
      );
    } else {
      await sql`CREATE FUNCTION refuse_one() RETURNS trigger AS $$ BEGIN IF position(${sql.lit(marker)} in NEW.title) > 0 THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(
        db(),
      );
      await sql`CREATE TRIGGER refuse_one BEFORE INSERT ON portal_articles FOR EACH ROW EXECUTE FUNCTION refuse_one()`.execute(
        db(),
      );
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-import-'));
    const titles = [
      'Hội nghị sơ kết quý',
      `Bài ${marker} không nhập được`,
      'Ngày hội đại đoàn kết',
    ];
    titles.forEach((title, i) =>
      fs.writeFileSync(
        path.join(dir, `loi-${i}.txt`),
        `${title}\n0${i + 1}/03/2016 08:00 Số lượt xem: 7\n\nĐoạn văn thứ nhất của bài viết số ${i}.\n`,
      ),
    );
    try {
      const summary = await importArticles(db(), [dir]);
      expect(summary.created).toBe(2);
      expect(summary.failed.map((f) => [path.basename(f.file), f.reason])).toEqual([
        ['loi-1.txt', expect.stringContaining('refused by the test trigger')],
      ]);
    } finally {
      await sql`DROP TRIGGER refuse_one${sql.raw(engine === 'sqlite' ? '' : ' ON portal_articles')}`.execute(
        db(),
      );
      if (engine === 'postgres') await sql`DROP FUNCTION refuse_one`.execute(db());
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
