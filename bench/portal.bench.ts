import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  announce,
  countIsExact,
  load,
  ms,
  startAppChild,
  startNginx,
  startServeCommand,
  stopChild,
  wrk,
  wrkBinary,
  type WrkResult,
} from './support/http.ts';

/*
 * The portal's article page under load (the demo's article), against the same bytes served as
 * a static file by nginx on the same machine, both measured with wrk. The app runs in a child
 * process, as in production; the view counter is on. Afterwards the app is stopped with
 * SIGTERM (which flushes the buffer) and the stored count must have risen by the number of 2xx
 * responses, give or take the requests in flight when wrk stopped.
 *
 *   npm run bench -- portal
 *
 * Settings: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 64). The same figure at
 * 100,000 articles is in `npm run bench -- scale`.
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SLUG = 'giao-ban-khoi-dang-doan-the-quy-iii-2017-don-suc-cho-cac-nhiem-vu-cuoi-nam';

/** Child mode: serve the demo on a free loopback port until SIGTERM. */
async function serveChild(sqliteFile: string): Promise<void> {
  const { buildApp } = await import('../src/app.ts');
  const { readConfig } = await import('../src/config.ts');
  const { migrateToLatest, openSqlite } = await import('../src/db/database.ts');
  const { loadDemo } = await import('../src/demo/demo.ts');
  const db = openSqlite(sqliteFile);
  await migrateToLatest(db);
  await loadDemo(db);
  const config = {
    ...readConfig({}),
    logLevel: 'silent',
    sqliteFile,
    dataDir: path.dirname(sqliteFile),
  };
  const app = await buildApp({ config, db, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  announce(address.port, () => app.close().then(() => db.destroy()));
}

async function storedViews(sqliteFile: string): Promise<number> {
  const { openSqlite } = await import('../src/db/database.ts');
  const db = openSqlite(sqliteFile);
  try {
    const row = await db
      .selectFrom('portal_articles')
      .select('views')
      .where('slug', '=', SLUG)
      .executeTakeFirstOrThrow();
    return Number(row.views);
  } finally {
    await db.destroy();
  }
}

/** wrk against the app after a warm-up; the stored count read before and after `stop`. */
async function measure(url: string, sqliteFile: string, stop: () => Promise<void>) {
  wrk(url, CONNECTIONS, 2); // warm-up: JIT, connections
  await new Promise((resolve) => setTimeout(resolve, 1200)); // its views flushed
  const before = await storedViews(sqliteFile);
  const result = wrk(url, CONNECTIONS, SECONDS);
  await stop();
  return { result, counted: (await storedViews(sqliteFile)) - before };
}

async function report(
  label: string,
  app: Awaited<ReturnType<typeof measure>>,
  dir: string,
  html: string,
  workers: number,
): Promise<void> {
  const nginx = await startNginx(dir, html, workers);
  const ngx = wrk(`http://127.0.0.1:${nginx.port}/article.html`, CONNECTIONS, SECONDS);
  await nginx.stop();
  const row = (name: string, r: WrkResult) =>
    `  ${name.padEnd(6)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}   2xx ${r.ok}   non-2xx ${r.non2xx}   socket errors ${r.errors}`;
  console.log(`${label} (nginx with ${workers} worker process${workers > 1 ? 'es' : ''}):`);
  console.log(row('app', app.result));
  console.log(row('nginx', ngx));
  console.log(
    `  ratio app/nginx (same ${Buffer.byteLength(html)} bytes): ${(app.result.rps / ngx.rps).toFixed(2)} (goal ≥ 0.50); app p99 ${ms(app.result.p99)} (goal < 20 ms)`,
  );
  const exact = countIsExact(app.counted, app.result.ok, CONNECTIONS);
  console.log(
    `  view counter: +${app.counted} stored for ${app.result.ok} 2xx; in flight at stop ≤ ${CONNECTIONS}: ${exact ? 'exact' : 'MISMATCH'}`,
  );
  if (!exact) process.exitCode = 1;
}

export async function run(): Promise<void> {
  wrkBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-bench-'));
  const sqliteFile = path.join(dir, 'giaoban.sqlite');
  const { child, base } = await startAppChild(fileURLToPath(import.meta.url), {
    PORTAL_BENCH_CHILD: sqliteFile,
  });
  let workers: ChildProcess | null = null;
  try {
    const url = `${base}/bai-viet/${SLUG}`;
    // Warm-up as a bot (not counted): renders and caches the page; its HTML is nginx's file.
    const html = await (await fetch(url, { headers: { 'user-agent': 'curl/8' } })).text();
    if (!html.includes('Số lượt xem:')) throw new Error('the article page did not render');
    console.log(
      `${load()}, ${os.cpus().length} cores; ${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    const one = await measure(url, sqliteFile, () => stopChild(child));
    await report('one process', one, dir, html, 1);

    // The same with GIAOBAN_WORKERS=2 (`giaoban serve` on the same database), beside nginx
    // with two worker processes.
    const served = await startServeCommand({ GIAOBAN_WORKERS: '2', GIAOBAN_DATA_DIR: dir });
    workers = served.child;
    const two = await measure(`${served.base}/bai-viet/${SLUG}`, sqliteFile, () =>
      stopChild(served.child),
    );
    await report('GIAOBAN_WORKERS=2', two, dir, html, 2);
  } finally {
    if (workers?.exitCode === null) workers.kill('SIGKILL');
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.PORTAL_BENCH_CHILD) await serveChild(process.env.PORTAL_BENCH_CHILD);
