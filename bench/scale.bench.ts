import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openPostgres, openSqlite, type Database } from '../src/db/database.ts';
import { run as runReportsBench } from './reports.bench.ts';
import {
  announce,
  countIsExact,
  load,
  ms,
  pct,
  startAppChild,
  startNginx,
  stopChild,
  wrk as wrkRun,
  wrkBinary,
} from './support/http.ts';
import {
  ARTICLES,
  CORPUS_VERSION,
  SEED,
  dropPostgresDatabase,
  ensurePostgresDatabase,
} from './scale/build.ts';
import { MEDIUM_PLACE, PLAN_RANGE, article, legacyText } from './scale/corpus.ts';

/*
 * The portal at a province's size: 100,000 generated articles (bench/scale/corpus.ts) on
 * SQLite and on PostgreSQL, built once and kept under bench/out/scale/ (PostgreSQL: the
 * database giaoban_bench_scale on BENCH_DATABASE_URL's server) until the corpus changes.
 *
 *   npm run bench -- scale
 *
 * Each figure is printed beside its baseline, measured in the same run: searches beside
 * reading the same number of rows by primary key; pages beside nginx serving the same bytes.
 * The app runs in a child process, as in production. Settings: BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test), BENCH_SECONDS (default 10), BENCH_CONNECTIONS
 * (default 64), BENCH_ARTICLES (default 100000).
 */

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_NAME = 'giaoban_bench_scale';
const OUT = path.join(import.meta.dirname, 'out', 'scale');
const SQLITE_FILE = path.join(OUT, 'giaoban.sqlite');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const IMPORT_FILES = 2000;
type Engine = 'sqlite' | 'postgres';

// ---------------------------------------------------------------- the corpus, built once

async function ensureCorpus(): Promise<string> {
  fs.mkdirSync(OUT, { recursive: true });
  const pgUrl = await ensurePostgresDatabase(ADMIN_URL, PG_NAME);
  const marker = (engine: Engine) => path.join(OUT, `${engine}.ready`);
  const ready = (engine: Engine) =>
    fs.existsSync(marker(engine)) && fs.readFileSync(marker(engine), 'utf8') === CORPUS_VERSION;
  const builds: Array<Promise<void>> = [];
  const started = Date.now();
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (ready(engine)) continue;
    if (engine === 'sqlite')
      for (const f of fs.readdirSync(OUT))
        if (f.startsWith('giaoban.sqlite')) fs.rmSync(path.join(OUT, f));
    if (engine === 'postgres') {
      await dropPostgresDatabase(ADMIN_URL, PG_NAME);
      await ensurePostgresDatabase(ADMIN_URL, PG_NAME);
    }
    console.log(`building the ${engine} corpus (${ARTICLES} articles, once)…`);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'scale', 'build.ts'),
        engine,
        engine === 'sqlite' ? SQLITE_FILE : pgUrl,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    builds.push(
      new Promise((resolve, reject) =>
        child.once('exit', (code) => {
          if (code !== 0) return reject(new Error(`building the ${engine} corpus failed`));
          fs.writeFileSync(marker(engine), CORPUS_VERSION);
          resolve();
        }),
      ),
    );
  }
  if (builds.length > 0) {
    await Promise.all(builds);
    console.log(`corpus built in ${((Date.now() - started) / 1000).toFixed(0)} s (${load()})`);
  }
  return pgUrl;
}

function openEngine(engine: Engine, pgUrl: string): Database {
  return engine === 'sqlite' ? openSqlite(SQLITE_FILE) : openPostgres(pgUrl, 4);
}

// ---------------------------------------------------------------- the app in a child process

async function serveChild(engine: Engine, target: string): Promise<void> {
  const { buildApp } = await import('../src/app.ts');
  const { readConfig } = await import('../src/config.ts');
  const { migrateToLatest } = await import('../src/db/database.ts');
  const db = openEngine(engine, target);
  await migrateToLatest(db);
  const config = {
    ...readConfig({}),
    logLevel: 'silent',
    demo: false,
    databaseUrl: engine === 'postgres' ? target : null,
    sqliteFile: SQLITE_FILE,
    dataDir: OUT,
  };
  const app = await buildApp({ config, db, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  announce(address.port, () => app.close().then(() => db.destroy()));
}

function startApp(engine: Engine, pgUrl: string) {
  return startAppChild(fileURLToPath(import.meta.url), {
    SCALE_BENCH_CHILD: JSON.stringify({ engine, target: pgUrl }),
  });
}

// ---------------------------------------------------------------- measurements

async function timed(url: string, headers: Record<string, string> = {}) {
  const t = performance.now();
  const r = await fetch(url, { headers: { 'user-agent': 'bench/1', ...headers } });
  const body = await r.text();
  return { ms: performance.now() - t, status: r.status, body };
}

async function samples(n: number, f: (i: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
}

/** A plan number cited by 2–3 articles (a rare word), found through the index. */
async function rareWord(db: Database): Promise<string> {
  const { searchArticles } = await import('../src/portal/search.repository.ts');
  for (let n = PLAN_RANGE.from + 777; ; n++) {
    const hits = await searchArticles(db, [String(n)], {}, { limit: 10, offset: 0 });
    if (hits.total >= 2 && hits.total <= 3) return String(n);
  }
}

async function pkRead(db: Database, count: number): Promise<number> {
  const ids = Array.from({ length: count }, (_, i) => 1 + ((i * 7919) % ARTICLES));
  const t = performance.now();
  for (const id of ids) {
    await db
      .selectFrom('portal_articles')
      .select(['id', 'title', 'body_html'])
      .where('id', '=', id)
      .executeTakeFirst();
  }
  return performance.now() - t;
}

const wrk = (url: string) => wrkRun(url, CONNECTIONS, SECONDS);

async function storedViews(db: Database, slug: string): Promise<number> {
  const row = await db
    .selectFrom('portal_articles')
    .select('views')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return Number(row.views);
}

async function measureEngine(engine: Engine, pgUrl: string, nginxDir: string) {
  console.log(`\n--- ${engine} (${ARTICLES} articles) ---`);
  const db = openEngine(engine, pgUrl);
  const { child, base } = await startApp(engine, pgUrl);
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  try {
    const rare = await rareWord(db);
    const searches: Array<[string, string]> = [
      [`rare word (${rare})`, rare],
      [`~1,250 hits (${MEDIUM_PLACE})`, MEDIUM_PLACE],
      ['common: dang', 'dang'],
      ['common: hoi nghi', 'hoi nghi'],
      ['common: phuong', 'phuong'],
    ];
    const N = 20;
    for (const [label, q] of searches) {
      const url = `${base}/tim-kiem?q=${encodeURIComponent(q)}`;
      const first = await timed(url);
      if (first.status !== 200) throw new Error(`search ${q}: ${first.status}`);
      const shown = (/<a class="title"/g[Symbol.match](first.body) ?? []).length;
      const found = /<p role="status">([^<]*)<\/p>/.exec(first.body)?.[1] ?? '';
      const app = await samples(N, async () => (await timed(url)).ms);
      const pk = await samples(N, () => pkRead(db, Math.max(1, shown)));
      console.log(
        `search ${label.padEnd(26)} p50 ${ms(pct(app, 50))}  p95 ${ms(pct(app, 95))}   baseline (${shown} rows by key) p50 ${ms(pct(pk, 50))}   «${found}»`,
      );
    }

    // Other requests while the commonest word is searched, one search always in flight: the
    // health check and the newest article's page (cached, as a reader gets it), each beside
    // itself alone.
    const newest = await db
      .selectFrom('portal_articles')
      .select('slug')
      .where('state', '=', 'published')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const others: Array<[string, string]> = [
      ['/api/health', `${base}/api/health`],
      ['article page', `${base}/bai-viet/${newest.slug}`],
    ];
    for (const [label, url] of others) {
      await timed(url);
      const alone = await samples(100, async () => (await timed(url)).ms);
      let searching = true;
      const loop = (async () => {
        let n = 0;
        while (searching) await timed(`${base}/tim-kiem?q=dang&trang=${1 + (n++ % 50)}`);
        return n;
      })();
      const during = await samples(100, async () => (await timed(url)).ms);
      searching = false;
      const searchesRun = await loop;
      console.log(
        `${label.padEnd(12)} during ${searchesRun} 'dang' searches: p50 ${ms(pct(during, 50))}  p99 ${ms(pct(during, 99))}  max ${ms(Math.max(...during))}   alone: p50 ${ms(pct(alone, 50))}  p99 ${ms(pct(alone, 99))}  (goal: slowed < 10 ms)`,
      );
    }

    // Uncached pages: a new Host each time is a new cache key.
    const pages: Array<[string, string]> = [
      ['home page', '/'],
      ['category page 2,000', '/chuyen-muc/xay-dung-dang?trang=2000'],
    ];
    const slugRow = await db
      .selectFrom('portal_articles')
      .select('slug')
      .where('state', '=', 'published')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const articlePath = `/bai-viet/${slugRow.slug}`;
    const articleHtml = (await timed(`${base}${articlePath}`)).body;
    nginx = await startNginx(nginxDir, articleHtml);
    const www = nginx.www;
    let host = 0;
    for (const [label, p] of pages) {
      const first = await timed(`${base}${p}`, { host: `h${host++}.bench` });
      if (first.status !== 200) throw new Error(`${p}: ${first.status}`);
      const file = `${label.replace(/\W+/g, '-')}.html`;
      fs.writeFileSync(path.join(www, file), first.body);
      const app = await samples(
        20,
        async () => (await timed(`${base}${p}`, { host: `h${host++}.bench` })).ms,
      );
      const ngx = await samples(
        20,
        async () => (await timed(`http://127.0.0.1:${nginx!.port}/${file}`)).ms,
      );
      console.log(
        `${(label + ', not cached').padEnd(34)} p50 ${ms(pct(app, 50))}  p95 ${ms(pct(app, 95))}   nginx same ${first.body.length} bytes p50 ${ms(pct(ngx, 50))}`,
      );
    }

    // The article page under load, counted.
    await new Promise((resolve) => setTimeout(resolve, 1200)); // earlier views flushed
    const before = await storedViews(db, slugRow.slug);
    const appRun = wrk(`${base}${articlePath}`);
    await stopChild(child);
    const after = await storedViews(db, slugRow.slug);
    const ngxRun = wrk(`http://127.0.0.1:${nginx.port}/article.html`);
    const counted = after - before;
    const exact = countIsExact(counted, appRun.ok, CONNECTIONS);
    console.log(
      `article page (wrk, ${CONNECTIONS} conn, ${SECONDS} s): app ${appRun.rps.toFixed(0)} req/s p99 ${ms(appRun.p99)}; nginx ${ngxRun.rps.toFixed(0)} req/s p99 ${ms(ngxRun.p99)}; ratio ${(appRun.rps / ngxRun.rps).toFixed(2)} (goal ≥ 0.50, p99 < 20 ms)`,
    );
    console.log(
      `view counter: +${counted} stored for ${appRun.ok} 2xx (non-2xx ${appRun.non2xx}); in flight at stop ≤ ${CONNECTIONS}: ${exact ? 'exact' : 'MISMATCH'}`,
    );
    if (!exact) process.exitCode = 1;

    await importFigure(db, engine, pgUrl);
  } finally {
    await nginx?.stop();
    await stopChild(child);
    await db.destroy();
  }
}

/** `giaoban import-articles` of IMPORT_FILES new files into the full corpus, then removed. */
async function importFigure(db: Database, engine: Engine, pgUrl: string) {
  const dir = path.join(OUT, 'import');
  if (!fs.existsSync(path.join(dir, 'ready'))) {
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < IMPORT_FILES; i++) {
      fs.writeFileSync(
        path.join(dir, `nhap-${String(i).padStart(5, '0')}.txt`),
        legacyText(article(SEED + 1, i, IMPORT_FILES)),
      );
    }
    fs.writeFileSync(path.join(dir, 'ready'), '');
  }
  const { importArticles } = await import('../src/cli/import-articles.ts');
  const target = openEngine(engine, pgUrl);
  try {
    const t = performance.now();
    const summary = await importArticles(target, [dir]);
    const s = (performance.now() - t) / 1000;
    console.log(
      `import-articles: ${summary.created} new (${summary.failed.length} failed) in ${s.toFixed(1)} s: ${(summary.created / s).toFixed(0)} articles/s (goal ≥ 500)`,
    );
  } finally {
    // Back to the corpus as built: the imported articles, their search rows and audit entries go.
    const ids = (
      await target
        .selectFrom('portal_articles')
        .select('id')
        .where('import_key', 'like', 'nhap-%')
        .execute()
    ).map((r) => r.id);
    for (let at = 0; at < ids.length; at += 500) {
      const chunk = ids.slice(at, at + 500);
      if (engine === 'sqlite')
        await sql`DELETE FROM portal_search WHERE rowid IN (${sql.join(chunk)})`.execute(target);
      await target
        .deleteFrom('audit_log')
        .where('entity_type', '=', 'portal_article')
        .where('entity_id', 'in', chunk.map(String))
        .execute();
      await target.deleteFrom('portal_articles').where('id', 'in', chunk).execute();
    }
    await target.destroy();
  }
  void db;
}

export async function run(): Promise<void> {
  console.log(`scale benchmark — ${load()}, ${os.cpus().length} cores`);
  wrkBinary();
  const pgUrl = await ensureCorpus();
  const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-scale-'));
  try {
    for (const engine of ['sqlite', 'postgres'] as const) {
      await measureEngine(engine, pgUrl, nginxDir);
      console.log(`(${load()})`);
    }
    console.log('\n--- progress API (the reports benchmark) ---');
    await runReportsBench();
  } finally {
    fs.rmSync(nginxDir, { recursive: true, force: true });
  }
}

if (process.env.SCALE_BENCH_CHILD) {
  const { engine, target } = JSON.parse(process.env.SCALE_BENCH_CHILD) as {
    engine: Engine;
    target: string;
  };
  await serveChild(engine, target);
}
