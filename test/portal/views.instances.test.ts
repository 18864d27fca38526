import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { findArticle } from '../../src/portal/articles.repository.ts';
import { portalRuntime } from '../../src/portal/runtime.ts';
import { buildTestApp } from '../../src/test-support/factories.ts';
import { api, editorCookie, publishedArticle, read } from './helpers.ts';

/*
 * Two app instances on one database, each with its own buffer, reading the same article
 * concurrently while both flush: the stored count must rise by exactly the number of views.
 * SQLite through two connections to one file; PostgreSQL on the server of TEST_DATABASE_URL.
 */

interface Shared {
  open(): Database;
  close(): Promise<void>;
}

function sqliteFile(): Shared {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-views-'));
  const file = path.join(dir, 'db.sqlite');
  return {
    open: () => openSqlite(file),
    close: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresServer(url: string): Promise<Shared> {
  const name = `giaoban_views_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    open: () => openPostgres(target.toString(), 5),
    async close() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const engines: Array<[string, () => Promise<Shared>]> = [
  ['sqlite (file)', async () => sqliteFile()],
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) engines.push(['postgres (server)', () => postgresServer(pgUrl)]);

describe.each(engines)('view counter with two app instances [%s]', (_label, make) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it(
    'loses and doubles nothing under concurrent reads and flushes',
    { timeout: 60_000 },
    async () => {
      const shared = await make();
      cleanups.push(() => shared.close());
      const dbA = shared.open();
      const dbB = shared.open();
      cleanups.push(
        () => dbB.destroy(),
        () => dbA.destroy(),
      );
      await migrateToLatest(dbA);
      const appA = await buildTestApp(dbA);
      const appB = await buildTestApp(dbB);
      const call = api(appA, await editorCookie(appA, dbA));
      const article = await publishedArticle(call, { title: 'Hai máy chủ cùng đếm' });

      const perInstance = 300;
      const reads: Array<Promise<unknown>> = [];
      const flushes: Array<Promise<unknown>> = [];
      for (let i = 0; i < perInstance; i++) {
        reads.push(read(appA, article.url), read(appB, article.url));
        if (i % 40 === 0) {
          flushes.push(portalRuntime(dbA).flushViews(), portalRuntime(dbB).flushViews());
        }
      }
      const responses = (await Promise.all(reads)) as Array<{ statusCode: number }>;
      await Promise.all(flushes);
      const ok = responses.filter((r) => r.statusCode === 200).length;
      expect(ok).toBe(2 * perInstance);
      await appA.close(); // SIGTERM/SIGINT close the app the same way: the rest is flushed
      await appB.close();
      const row = await findArticle(dbA, article.id);
      expect(Number(row?.views)).toBe(ok);
    },
  );
});
