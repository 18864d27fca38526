import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openSqlite } from '../../src/db/database.ts';
import { BROWSER_UA } from './helpers.ts';

const SLUG = 'giao-ban-khoi-dang-doan-the-quy-iii-2017-don-suc-cho-cac-nhiem-vu-cuoi-nam';
const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'giaoban.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() =>
        a && typeof a !== 'string' ? resolve(a.port) : reject(new Error('no port')),
      );
    });
  });
}

/** One GET on a connection of its own, so the primary hands each to a worker in turn. */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { 'user-agent': BROWSER_UA } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

it(
  'serves from several worker processes with exact view counts, and stops them all on SIGTERM',
  { timeout: 120_000 },
  async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-workers-'));
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        GIAOBAN_DATA_DIR: dataDir,
        GIAOBAN_WORKERS: '2',
        PORT: String(port),
        HOST: '127.0.0.1',
        PORTAL_VIEW_FLUSH_MS: '600000', // only the shutdown writes the counts
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('Giao Ban is running')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
      });
      const workers = execFileSync('pgrep', ['-P', String(child.pid), '-f', 'giaoban.js'], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n');
      expect(workers).toHaveLength(2); // the other children, such as esbuild's service, not counted

      const url = `http://127.0.0.1:${port}/bai-viet/${SLUG}`;
      const statuses = await Promise.all(Array.from({ length: 40 }, () => getOnNewConnection(url)));
      expect(statuses.every((s) => s === 200)).toBe(true);

      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      for (const pid of workers) expect(() => process.kill(Number(pid), 0)).toThrow();
      const db = openSqlite(path.join(dataDir, 'giaoban.sqlite'));
      const row = await db
        .selectFrom('portal_articles')
        .select('views')
        .where('slug', '=', SLUG)
        .executeTakeFirst();
      await db.destroy();
      expect(Number(row?.views)).toBe(551 + 40);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
