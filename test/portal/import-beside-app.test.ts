import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/db/database.ts';
import { runGiaoban, startServerProcess, type ServerProcess } from '../processes.ts';
import { BROWSER_UA } from './helpers.ts';

/*
 * `giaoban import-articles` beside the running app on one SQLite file, as the README suggests:
 * the server (a process of its own) counts views and writes them every
 * 50 ms while the importer stores 5,000 files. Neither may meet "database is locked", and
 * nothing either acknowledged may be lost.
 */

const SLUG = 'giao-ban-khoi-dang-doan-the-quy-iii-2017-don-suc-cho-cac-nhiem-vu-cuoi-nam';
const FILES = 5000;

function legacyFile(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
  const year = 2010 + (Math.floor(i / 336) % 8);
  return [
    `Tin cũ số ${i}: chi hội phường Đình Bảng tổng kết phong trào khuyến học`,
    `${day}/${month}/${year} 09:15 Số lượt xem: ${i}`,
    '',
    `Chiều qua, chi hội khuyến học phường Đình Bảng họp tổng kết năm học, trao ${i % 50} suất học bổng cho học sinh vượt khó.`,
    'Các thành viên thống nhất duy trì quỹ khuyến học của dòng họ và mở thêm lớp học tiếng Anh buổi tối.',
    '',
    'Minh Châu',
    '',
  ].join('\n');
}

describe('import-articles beside the running app [sqlite (file)]', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-import-app-'));
  const dataDir = path.join(dir, 'data');
  const legacy = path.join(dir, 'legacy');
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports every file while the app counts and writes views', { timeout: 90_000 }, async () => {
    fs.mkdirSync(legacy, { recursive: true });
    for (let i = 0; i < FILES; i++) {
      fs.writeFileSync(path.join(legacy, `tin-${String(i).padStart(5, '0')}.txt`), legacyFile(i));
    }
    server = await startServerProcess({ GIAOBAN_DATA_DIR: dataDir, PORTAL_VIEW_FLUSH_MS: '50' });
    const importer = runGiaoban(['import-articles', legacy], { GIAOBAN_DATA_DIR: dataDir });
    let done = false;
    void importer.then(() => (done = true));

    let ok = 0;
    const statuses = new Map<number, number>();
    while (!done) {
      const r = await fetch(`${server.base}/bai-viet/${SLUG}`, {
        headers: { 'user-agent': BROWSER_UA },
      });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 200) ok++;
    }
    const result = await importer;
    expect(result.stderr).not.toContain('locked');
    expect(result.stdout).toContain(`${FILES} file(s): ${FILES} new, 0 updated, 0 failed.`);
    expect(result.code).toBe(0);
    expect(Object.fromEntries(statuses)).toEqual({ 200: ok });
    expect(ok).toBeGreaterThan(0);

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.stderr()).not.toContain('locked');
    const db = openSqlite(path.join(dataDir, 'giaoban.sqlite'));
    try {
      const views = await db
        .selectFrom('portal_articles')
        .select('views')
        .where('slug', '=', SLUG)
        .executeTakeFirstOrThrow();
      expect(Number(views.views)).toBe(551 + ok);
      const imported = await db
        .selectFrom('portal_articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('import_key', 'like', 'tin-%')
        .executeTakeFirstOrThrow();
      expect(Number(imported.n)).toBe(FILES);
    } finally {
      await db.destroy();
    }
  });

  it(
    'tries a batch again when another process holds the database longer than its busy timeout',
    { timeout: 60_000 },
    async () => {
      const busyDir = path.join(dir, 'busy');
      const files = path.join(busyDir, 'legacy');
      fs.mkdirSync(files, { recursive: true });
      for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(files, `tin-${i}.txt`), legacyFile(i));
      const file = path.join(busyDir, 'giaoban.sqlite');
      const db = openSqlite(file);
      await migrateToLatest(db);
      await db.destroy();
      // Another writer holds the write lock until told to commit.
      const holder = spawn(
        process.execPath,
        [
          '-e',
          `const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
           db.exec('BEGIN IMMEDIATE');
           db.exec('UPDATE portal_changes SET counter = counter + 1');
           console.log('holding');
           process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`,
        ],
        { cwd: path.resolve(import.meta.dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] },
      );
      const holderExit = new Promise((resolve) => holder.once('exit', resolve));
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      let released = false;
      const result = await runGiaoban(
        ['import-articles', files],
        { GIAOBAN_DATA_DIR: busyDir },
        (stderr) => {
          if (!released && stderr.includes('The database is busy')) {
            released = true;
            holder.stdin.write('commit\n');
          }
        },
      );
      if (!released) holder.kill();
      await holderExit;
      expect(released).toBe(true);
      expect(result.stdout).toContain('5 file(s): 5 new, 0 updated, 0 failed.');
      expect(result.code).toBe(0);
    },
  );
});
