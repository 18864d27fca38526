import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite, type Database } from '../../src/db/database.ts';
import { storageProblemOf } from '../../src/db/dialect.ts';
import { buildTestApp } from '../../src/test-support/factories.ts';
import { editorCookie } from '../portal/helpers.ts';
import { runGiaoban } from '../processes.ts';

/*
 * Storage that cannot take a write says so: 503 with what is wrong (vi/en) while it lasts, the
 * same in /api/health, the original error in the log (never "cannot rollback - no transaction
 * is active"), and nothing half-stored. SQLite's own page limit (PRAGMA max_page_count) makes
 * the database full for real; PRAGMA query_only makes it read-only for real (root writes
 * through chmod). Starting on a tiny or read-only file system uses tmpfs mounts.
 */

type ErrorBody = { error: { code: string; message: string } };

const BIG_BODY = `<p>${'Nội dung rất dài của bài viết. '.repeat(12_000)}</p>`;

async function articleCount(db: Database): Promise<number> {
  const row = await db
    .selectFrom('portal_articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('a full or read-only SQLite database [sqlite (file)]', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-storage-'));
  let db: Database;
  let app: FastifyInstance;
  let cookie: string;
  const logs: string[] = [];
  beforeAll(async () => {
    db = openSqlite(path.join(dir, 'giaoban.sqlite'));
    await migrateToLatest(db);
    app = await buildTestApp(db);
    cookie = await editorCookie(app, db);
    const record = (obj: unknown, msg?: string) => {
      logs.push(`${msg ?? ''} ${JSON.stringify(obj)}`);
    };
    app.log.error = record;
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const create = (lang = 'vi') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/portal/articles',
      headers: { cookie, 'accept-language': lang },
      payload: { title: 'Bài viết dài', bodyHtml: BIG_BODY },
    });
  const health = () =>
    app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-language': 'en' } });

  it('answers 503 "out of storage space" while full, in health too, then recovers', async () => {
    const before = await articleCount(db);
    const pages = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(db)).rows[0]!;
    await sql.raw(`PRAGMA max_page_count = ${pages.page_count}`).execute(db);

    const vi = await create();
    expect(vi.statusCode).toBe(503);
    expect(vi.json()).toEqual({
      error: {
        code: 'storage_full',
        message: expect.stringContaining('hết chỗ lưu trữ') as string,
      },
    });
    expect(vi.headers['retry-after']).toBe('60');
    const en = await create('en');
    expect(en.json<ErrorBody>().error.message).toContain('out of storage space');
    expect(logs.join('\n')).toContain('SQLITE_FULL');
    expect(logs.join('\n')).not.toContain('cannot rollback');
    expect(await articleCount(db)).toBe(before);

    const full = await health();
    expect(full.statusCode).toBe(503);
    expect(full.json()).toMatchObject({ status: 'unavailable', problem: 'disk_full' });
    expect(full.json<{ message: string }>().message).toContain('out of storage space');

    await sql.raw('PRAGMA max_page_count = 1073741823').execute(db);
    expect((await health()).json()).toMatchObject({ status: 'ok' });
    expect((await create()).statusCode).toBe(201);
    expect(await articleCount(db)).toBe(before + 1);
  });

  it('answers 503 "read-only" while the database cannot be written, then recovers', async () => {
    await sql`PRAGMA query_only = ON`.execute(db);
    try {
      const r = await create('en');
      expect(r.statusCode).toBe(503);
      expect(r.json<ErrorBody>().error).toMatchObject({ code: 'storage_read_only' });
      expect((await health()).json()).toMatchObject({ problem: 'read_only' });
    } finally {
      await sql`PRAGMA query_only = OFF`.execute(db);
    }
    expect((await health()).statusCode).toBe(200);
  });

  it("maps PostgreSQL's disk_full and read-only codes to the same problems", () => {
    // A full disk on the PostgreSQL server cannot be produced here: its code is mapped.
    expect(storageProblemOf({ code: '53100' })).toBe('disk_full');
    expect(storageProblemOf({ code: '25006' })).toBe('read_only');
    expect(storageProblemOf(new Error('x', { cause: { code: 'SQLITE_FULL' } }))).toBe('disk_full');
    expect(storageProblemOf({ code: '23505' })).toBeNull();
  });
});

/** Mounts a tmpfs of `size` at a new folder; null when this process may not mount. */
function mountTmpfs(options: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

function unmount(dir: string) {
  execFileSync('umount', [dir]);
  fs.rmSync(dir, { recursive: true, force: true });
}

// Mounting needs root (CAP_SYS_ADMIN): without it these tests cannot make a small or read-only
// file system, and are skipped with that reason.
const canMount = (() => {
  const dir = mountTmpfs('size=64k');
  if (dir) unmount(dir);
  return dir !== null;
})();

describe.skipIf(!canMount)(
  'starting on storage that cannot take the database (tmpfs mounts)',
  () => {
    it(
      'on a full disk says so with the path and leaves no half-applied migration',
      { timeout: 60_000 },
      async () => {
        const mnt = mountTmpfs('size=200k')!;
        try {
          const r = await runGiaoban(['migrate'], { GIAOBAN_DATA_DIR: path.join(mnt, 'data') });
          expect(r.code).toBe(1);
          expect(r.stderr).toContain(`${path.join(mnt, 'data', 'giaoban.sqlite')}: disk full`);
          expect(r.stderr).toContain('nothing was changed');
          expect(r.stderr).not.toContain('cannot rollback');
          const file = path.join(mnt, 'data', 'giaoban.sqlite');
          if (fs.existsSync(file)) {
            const check = openSqlite(file);
            const tables = await sql<{
              name: string;
            }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%'`.execute(
              check,
            );
            await check.destroy();
            expect(tables.rows).toEqual([]);
          }
        } finally {
          unmount(mnt);
        }
      },
    );

    it('on a read-only folder names the path and the reason', { timeout: 60_000 }, async () => {
      const mnt = mountTmpfs('size=1m,ro')!;
      try {
        const r = await runGiaoban(['migrate'], { GIAOBAN_DATA_DIR: mnt });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(
          `Cannot open the SQLite database ${path.join(mnt, 'giaoban.sqlite')}: read-only`,
        );
        expect(r.stderr).toContain('mounted read-only');
      } finally {
        unmount(mnt);
      }
    });
  },
);

describe('starting on a file that is not a database', () => {
  it('names the path and says so', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-notdb-'));
    try {
      fs.writeFileSync(path.join(dir, 'giaoban.sqlite'), 'Đây không phải cơ sở dữ liệu.\n');
      const r = await runGiaoban(['migrate'], { GIAOBAN_DATA_DIR: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${path.join(dir, 'giaoban.sqlite')}: not a SQLite database`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
