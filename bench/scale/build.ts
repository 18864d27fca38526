import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import * as repo from '../../src/portal/articles.repository.ts';
import { paragraphsToHtml } from '../../src/portal/import/import.service.ts';
import { fold, slugify } from '../../src/text/index.ts';
import { article, CATEGORIES } from './corpus.ts';

/*
 * Builds the scale corpus into a database through the app's own insert path (insertArticle and
 * setArticleCategories, which also keep the search index), 1,000 articles per transaction.
 * Run on its own (`tsx bench/scale/build.ts sqlite FILE` or `postgres URL`) so the benchmark
 * can build both engines at once, one per core.
 */

export const SEED = 2017;
export const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
/** Bump when the generator or the schema of the corpus changes: cached copies are rebuilt. */
export const CORPUS_VERSION = `v1-${SEED}-${ARTICLES}`;
const BATCH = 1000;

export async function buildCorpus(
  db: Database,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const categoryIds: number[] = [];
  for (const [i, c] of CATEGORIES.entries()) {
    const row =
      (await repo.findCategoryBySlug(db, c.slug)) ??
      (await repo.insertCategory(db, { ...c, sort_order: i, created_at: now }));
    categoryIds.push(row.id);
  }
  for (let start = 0; start < ARTICLES; start += BATCH) {
    const rows: Parameters<typeof repo.insertArticles>[1][number][] = [];
    for (let i = start; i < Math.min(ARTICLES, start + BATCH); i++) {
      const a = article(SEED, i, ARTICLES);
      rows.push({
        article: {
          slug: `${slugify(a.title, 100)}-${i + 1}`,
          title: a.title,
          title_folded: fold(a.title),
          summary: '',
          body_html: paragraphsToHtml(a.paragraphs),
          // What bodySearchKey('', body) gives for plain paragraphs, without parsing the HTML.
          body_folded: fold(` ${a.paragraphs.join(' ')}`),
          byline: a.byline,
          cover_image_id: null,
          cover_alt: '',
          state: 'published',
          publish_at: a.publishAt,
          views: a.views,
          import_key: null,
          created_by: null,
          created_at: a.publishAt,
          updated_at: a.publishAt,
        },
        categoryIds: [categoryIds[a.category]!],
      });
    }
    await db.transaction().execute((trx) => repo.insertArticles(trx, rows));
    onProgress(Math.min(ARTICLES, start + BATCH));
  }
  if (db.getExecutor().adapter.constructor.name.startsWith('Postgres')) {
    await sql`VACUUM ANALYZE`.execute(db);
  } else {
    await sql`PRAGMA optimize`.execute(db);
    await sql`INSERT INTO portal_search(portal_search) VALUES ('optimize')`.execute(db);
  }
}

/** Creates the PostgreSQL database `name` on the server of `url` if it is missing. */
export async function ensurePostgresDatabase(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export async function dropPostgresDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function main(engine: string, target: string): Promise<void> {
  const db = engine === 'sqlite' ? openSqlite(target) : openPostgres(target, 2);
  const started = Date.now();
  try {
    await buildCorpus(db, (done) => {
      if (done % 10_000 === 0) {
        const s = (Date.now() - started) / 1000;
        process.stdout.write(`  ${engine}: ${done} articles, ${s.toFixed(0)} s\n`);
      }
    });
  } finally {
    await db.destroy();
  }
}

const [, self, engine, target] = process.argv;
if (self && path.resolve(self) === path.resolve(import.meta.filename) && engine && target) {
  if (engine === 'sqlite') fs.mkdirSync(path.dirname(target), { recursive: true });
  await main(engine, target);
}
