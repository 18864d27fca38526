import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from '../../src/db/database.ts';

/** The demo's Quý III article, read 551 times when the demo is loaded. */
export const DEMO_SLUG =
  'giao-ban-khoi-dang-doan-the-quy-iii-2017-don-suc-cho-cac-nhiem-vu-cuoi-nam';
export const DEMO_VIEWS = 551;

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

export interface ServeProcess {
  child: ChildProcessByStdio<null, Readable, null>;
  base: string;
  /** Sends the signal and resolves with the exit code. */
  stop: (signal: NodeJS.Signals) => Promise<number | null>;
  /** The article's stored view count, read from the SQLite file. */
  storedViews: (slug: string) => Promise<number>;
  /** Kills the process if it still runs and removes its data folder. */
  cleanUp: () => void;
}

/**
 * `giaoban serve` with the demo on a fresh SQLite data folder, as a user starts it, resolved
 * once it says it is running. The view buffer is flushed only at shutdown.
 */
export async function startServeProcess(env: Record<string, string> = {}): Promise<ServeProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-serve-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      GIAOBAN_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PORTAL_VIEW_FLUSH_MS: '600000',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cleanUp = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Giao Ban is running')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
    });
  } catch (error) {
    cleanUp();
    throw error;
  }
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    stop: (signal) => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill(signal);
      return exited;
    },
    storedViews: async (slug) => {
      const db = openSqlite(path.join(dataDir, 'giaoban.sqlite'));
      try {
        const row = await db
          .selectFrom('portal_articles')
          .select('views')
          .where('slug', '=', slug)
          .executeTakeFirstOrThrow();
        return Number(row.views);
      } finally {
        await db.destroy();
      }
    },
    cleanUp,
  };
}
