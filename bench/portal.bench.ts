import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/*
 * The portal's article page under load, against the same HTML served as a static file by
 * nginx on the same machine. The app runs in a child process (its own core), as in production;
 * the view counter is on. Afterwards the app is stopped with SIGTERM (which flushes the buffer)
 * and the stored count must have risen by exactly the number of 2xx responses.
 *
 * Settings: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 64).
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
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
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => db.destroy())
      .then(() => process.exit(0));
  });
}

export function nginxBinary(): string {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(p)) return p;
  console.log('nginx not found: installing Debian’s nginx-light…');
  execFileSync('apt-get', ['install', '-y', '-q', 'nginx-light'], { stdio: 'inherit' });
  if (fs.existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  throw new Error('could not install nginx');
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
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

export async function startNginx(
  dir: string,
  html: string,
): Promise<{ port: number; stop: () => void }> {
  const bin = nginxBinary();
  const port = await freePort();
  fs.chmodSync(dir, 0o755); // nginx's workers run as www-data
  const root = path.join(dir, 'www');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'article.html'), html);
  const conf = path.join(dir, 'nginx.conf');
  // One worker: the app is one Node process too.
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; }
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`,
  );
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const child = spawn(bin, ['-c', conf, '-p', dir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/article.html`);
      if (r.ok) break;
    } catch {
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  return { port, stop: () => child.kill('SIGTERM') };
}

/**
 * A fixed number of requests, sized from a 2-second probe to last about SECONDS: with a fixed
 * amount every response is received, so the 2xx count can be compared with the stored count
 * (a timed run drops the responses still in flight when it stops).
 */
async function load(url: string, afterProbe: () => Promise<void> = async () => {}) {
  const probe = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: 2,
    headers: { 'user-agent': UA },
  });
  await afterProbe();
  const amount = Math.max(CONNECTIONS * 10, Math.round(probe.requests.average * SECONDS));
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    timeout: 10,
    headers: { 'user-agent': UA },
  });
  return { probe, result };
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

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-bench-'));
  const sqliteFile = path.join(dir, 'giaoban.sqlite');
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self], {
    env: {
      ...process.env,
      PORTAL_BENCH_CHILD: sqliteFile,
      NODE_ENV: 'production',
      PORTAL_VIEW_FLUSH_MS: '500',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let nginx: { port: number; stop: () => void } | null = null;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /\{"port":(\d+)\}/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', () => reject(new Error('the app exited early')));
    });
    const url = `http://127.0.0.1:${port}/bai-viet/${SLUG}`;
    // Warm-up as a bot (not counted): renders and caches the page; its HTML is nginx's file.
    const html = await (await fetch(url, { headers: { 'user-agent': 'curl/8' } })).text();
    if (!html.includes('Số lượt xem:')) throw new Error('the article page did not render');
    let before = 0;

    console.log(`app:   ${url}\n${CONNECTIONS} connections, ${SECONDS} s each, keep-alive`);
    // After the probe, wait for its views (including responses it dropped at its stop) to be
    // flushed, then read the stored count: the measured run starts from there.
    const appRun = await load(url, async () => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      before = await storedViews(sqliteFile);
    });
    const app = appRun.result;
    nginx = await startNginx(dir, html);
    const base = (await load(`http://127.0.0.1:${nginx.port}/article.html`)).result;

    child.kill('SIGTERM'); // flushes the view buffer on close, as in production
    await waitExit(child);
    const after = await storedViews(sqliteFile);

    const row = (name: string, r: autocannon.Result) =>
      `${name.padEnd(8)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}   non-2xx ${r.non2xx}   errors ${r.errors}`;
    console.log(row('app', app));
    console.log(row('nginx', base));
    const ratio = app.requests.average / base.requests.average;
    console.log(
      `ratio app/nginx: ${ratio.toFixed(2)} (goal ≥ 0.50); app p99 ${app.latency.p99} ms (goal < 20 ms)`,
    );
    const counted = after - before;
    const exact = counted === app['2xx'];
    console.log(
      `view counter: stored ${before} → ${after} (+${counted}), 2xx responses ${app['2xx']}: ${exact ? 'exact' : 'MISMATCH'}`,
    );
    if (!exact) process.exitCode = 1;
  } finally {
    nginx?.stop();
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.PORTAL_BENCH_CHILD) await serveChild(process.env.PORTAL_BENCH_CHILD);
