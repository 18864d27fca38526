import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/database.ts';
import { freePort } from '../processes.ts';
import { BROWSER_UA } from './helpers.ts';

const SLUG = 'giao-ban-khoi-dang-doan-the-quy-iii-2017-don-suc-cho-cac-nhiem-vu-cuoi-nam';

describe.each(['SIGTERM', 'SIGINT'] as const)('the server on %s', (signal) => {
  it('writes the buffered view counts before it exits', { timeout: 90_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-shutdown-'));
    const port = await freePort();
    const serverTs = path.resolve(import.meta.dirname, '..', '..', 'src', 'server.ts');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `await (await import(${JSON.stringify(serverTs)})).startServer();`,
      ],
      {
        env: {
          ...process.env,
          GIAOBAN_DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          PORTAL_VIEW_FLUSH_MS: '600000',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('Giao Ban is running')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
      });
      const url = `http://127.0.0.1:${port}/bai-viet/${SLUG}`;
      for (let i = 0; i < 9; i++) {
        const r = await fetch(url, { headers: { 'user-agent': BROWSER_UA } });
        expect(r.status).toBe(200);
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill(signal);
      expect(await exited).toBe(0);
      const db = openSqlite(path.join(dataDir, 'giaoban.sqlite'));
      const row = await db
        .selectFrom('portal_articles')
        .select('views')
        .where('slug', '=', SLUG)
        .executeTakeFirst();
      await db.destroy();
      expect(Number(row?.views)).toBe(551 + 9); // flush interval of 10 minutes: only the shutdown wrote them
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
