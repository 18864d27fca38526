import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from '../../src/db/database.ts';
import { startServerProcess, type ServerProcess } from '../processes.ts';

/** The demo's Quý III article, read 551 times when the demo is loaded. */
export const DEMO_SLUG =
  'giao-ban-khoi-dang-doan-the-quy-iii-2017-don-suc-cho-cac-nhiem-vu-cuoi-nam';
export const DEMO_VIEWS = 551;

export interface ServeProcess extends ServerProcess {
  /** The article's stored view count, read from the SQLite file. */
  storedViews: (slug: string) => Promise<number>;
  /** Kills the process if it still runs and removes its data folder. */
  cleanUp: () => void;
}

/**
 * `giaoban serve` with the demo on a fresh SQLite data folder, as a user starts it. The view
 * buffer is flushed only at shutdown.
 */
export async function startServeProcess(env: Record<string, string> = {}): Promise<ServeProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-serve-'));
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      GIAOBAN_DATA_DIR: dataDir,
      PORTAL_VIEW_FLUSH_MS: '600000',
      ...env,
    });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...server,
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
    cleanUp: () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
