import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { expect, it } from 'vitest';
import { BROWSER_UA } from './helpers.ts';
import { DEMO_SLUG, DEMO_VIEWS, startServeProcess } from './serve-process.ts';

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
    const server = await startServeProcess({ GIAOBAN_WORKERS: '2' });
    try {
      // The other children, such as esbuild's service, are not counted.
      const workers = execFileSync('pgrep', ['-P', String(server.child.pid), '-f', 'main.ts'], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n');
      expect(workers).toHaveLength(2);

      const url = `${server.base}/bai-viet/${DEMO_SLUG}`;
      const statuses = await Promise.all(Array.from({ length: 40 }, () => getOnNewConnection(url)));
      expect(statuses.every((s) => s === 200)).toBe(true);

      expect(await server.stop('SIGTERM')).toBe(0);
      for (const pid of workers) expect(() => process.kill(Number(pid), 0)).toThrow();
      expect(await server.storedViews(DEMO_SLUG)).toBe(DEMO_VIEWS + 40);
    } finally {
      server.cleanUp();
    }
  },
);
