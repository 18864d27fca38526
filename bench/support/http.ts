import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/test-support/ports.ts';

/*
 * What the HTTP benchmarks share: wrk as the load generator (a Node load generator saturates
 * before the app does), nginx serving the same bytes as the baseline, and the app in a child
 * process of its own, as in production.
 */

/** A browser's User-Agent: the app rightly counts a request without one as a bot. */
export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

export const ms = (v: number) => `${v.toFixed(1)} ms`;

export function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

export const load = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

function debianBinary(names: string[], pkg: string): string {
  for (const p of names) if (fs.existsSync(p)) return p;
  console.log(`${path.basename(names[0]!)} not found: installing Debian’s ${pkg}…`);
  execFileSync('apt-get', ['install', '-y', '-q', pkg], { stdio: 'inherit' });
  const found = names.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`could not install ${pkg}`);
  return found;
}

export const wrkBinary = () => debianBinary(['/usr/bin/wrk', '/usr/local/bin/wrk'], 'wrk');
const nginxBinary = () => debianBinary(['/usr/sbin/nginx', '/usr/bin/nginx'], 'nginx-light');

export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  /** Responses with a 2xx status. */
  ok: number;
  non2xx: number;
  errors: number;
}

export function parseWrk(out: string): WrkResult {
  const time = (m: RegExpExecArray | null) =>
    m ? Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1) : NaN;
  const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: time(/50%\s+([\d.]+)(us|ms|s)/.exec(out)),
    p99: time(/99%\s+([\d.]+)(us|ms|s)/.exec(out)),
    ok: total - non2xx,
    non2xx,
    errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

/** wrk with keep-alive connections for a number of seconds, as a browser would ask. */
export function wrk(url: string, connections: number, seconds: number): WrkResult {
  const out = execFileSync(
    wrkBinary(),
    [
      '-t2',
      `-c${connections}`,
      `-d${seconds}s`,
      '--latency',
      '-H',
      `User-Agent: ${BROWSER_UA}`,
      url,
    ],
    { encoding: 'utf8' },
  );
  return parseWrk(out);
}

/**
 * nginx serving `html` as /article.html (and whatever is put in `dir`/www) on a free port,
 * with as many worker processes as the app has.
 */
export async function startNginx(
  dir: string,
  html: string,
  workers = 1,
): Promise<{ port: number; www: string; stop: () => Promise<void> }> {
  const bin = nginxBinary();
  const port = await freePort();
  fs.chmodSync(dir, 0o755); // nginx's workers run as www-data
  const www = path.join(dir, 'www');
  fs.mkdirSync(www, { recursive: true });
  fs.writeFileSync(path.join(www, 'article.html'), html);
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; }
  server { listen 127.0.0.1:${port}; root ${www}; }
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
  return { port, www, stop: () => stopChild(child) };
}

/**
 * Runs `script` in a child Node process with `env` added; the child prints {"port":N} once
 * it listens. The view counter flushes every 500 ms there, as configured for production.
 */
export async function startAppChild(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, NODE_ENV: 'production', PORTAL_VIEW_FLUSH_MS: '500', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', () => reject(new Error('the app exited early')));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/**
 * `giaoban serve` in a child process with `env` added, resolved once it says it is running.
 */
export async function startServeCommand(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'giaoban.js');
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORTAL_VIEW_FLUSH_MS: '500',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Giao Ban is running')) resolve();
    });
    child.once('exit', () => reject(new Error('the app exited early')));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** In the child: print the port for startAppChild and close cleanly on SIGTERM. */
export function announce(port: number, close: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  process.once('SIGTERM', () => {
    void close().then(() => process.exit(0));
  });
}

/** SIGTERM, which flushes the view buffer as in production, and wait for the exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return done;
}

/**
 * Whether the stored count matches the 2xx responses wrk saw: wrk stops with at most one
 * request in flight per connection, which the app may have counted without wrk seeing it.
 */
export function countIsExact(counted: number, ok: number, connections: number): boolean {
  return counted >= ok && counted - ok <= connections;
}
