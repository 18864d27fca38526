import cluster, { type Worker } from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { readConfig, type Config } from './config.ts';
import { databaseEngine, migrateToLatest, openDatabase } from './db/database.ts';
import { systemClock } from './clock.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from './demo/demo.ts';
import { DEMO_PRESENT, clockFor, demoClock } from './demo/demo-clock.ts';
import { relayLiveMessages } from './live/cluster-bus.ts';
import { flushPortalViews } from './portal/runtime.ts';

/*
 * `giaoban serve`. With GIAOBAN_WORKERS=1 (the default) this process migrates, loads the demo
 * into an empty database and serves. With more, this process (the primary) migrates and loads
 * the demo once, then starts that many worker processes that share the port (node:cluster
 * hands each new connection to one of them) and only serve. Workers are instances like any
 * other: jobs run under database leases, each buffers its own view counts and adds them with
 * `views = views + n`, and each page cache sees the others' writes through the change counter.
 */

/** Opens the database, migrates, loads the demo into an empty one, and serves until a signal. */
export async function startServer(config: Config = readConfig()): Promise<void> {
  if (cluster.isWorker) {
    await serve(config);
    return;
  }
  const db = openDatabase(config);
  let demoLoaded: boolean;
  try {
    await migrateToLatest(db);
    demoLoaded = config.demo ? await loadDemo(db, demoClock(systemClock())) : false;
  } catch (error) {
    await db.destroy();
    throw error;
  }
  if (config.workers > 1) {
    await db.destroy();
    await superviseWorkers(config.workers);
  } else {
    await serve(config, db);
  }
  console.log(banner(config, databaseEngine(db), demoLoaded).join('\n'));
}

/** Serves from this process until SIGINT/SIGTERM, then closes in order and exits. */
async function serve(config: Config, db = openDatabase(config)): Promise<FastifyInstance> {
  // A database holding the demo runs on the demo's calendar (src/demo/demo-clock.ts).
  const app = await buildApp({ config, db, clock: await clockFor(db) });
  // Shutdown, in this order: app.close() has stopped taking requests; stop the jobs, write the
  // buffered view counts, then close the database.
  app.addHook('onClose', async () => {
    await app.jobs.stop();
    await flushPortalViews(db);
    await db.destroy();
  });
  await app.listen({ port: config.port, host: config.host });
  onStopSignal((signal) => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  if (cluster.isWorker) process.send?.({ giaoban: 'listening' });
  return app;
}

/** A worker that dies this soon after its start is not restarted again: it would only loop. */
const CRASH_LOOP_MS = 10_000;

/**
 * The primary: starts the workers and resolves once they all listen; replaces one that dies
 * (unless it died at its start); on SIGINT/SIGTERM passes the signal on and exits once every
 * worker has closed, with 1 if any of them failed to close cleanly.
 */
function superviseWorkers(count: number): Promise<void> {
  let stopping = false;
  let failed = false;
  let waiting = count;
  let allListening: () => void = () => {};
  const listening = new Promise<void>((resolve) => (allListening = resolve));
  const started = new Map<Worker, number>();
  const start = () => {
    const worker = cluster.fork();
    started.set(worker, Date.now());
    relayLiveMessages(worker, () => started.keys());
    worker.on('message', (message: { giaoban?: string }) => {
      if (message?.giaoban === 'listening' && --waiting === 0) allListening();
    });
  };
  for (let i = 0; i < count; i++) start();
  cluster.on('exit', (worker, code, signal) => {
    const at = started.get(worker) ?? 0;
    started.delete(worker);
    if (stopping) {
      if (code !== 0) failed = true;
      if (started.size === 0) process.exit(failed ? 1 : 0);
      return;
    }
    const why = signal ? `signal ${signal}` : `code ${code}`;
    if (Date.now() - at < CRASH_LOOP_MS) {
      console.error(`Giao Ban: a worker stopped at its start (${why}); not restarting it.`);
      if (started.size === 0) process.exit(1);
      if (--waiting === 0) allListening();
      return;
    }
    console.error(`Giao Ban: a worker stopped (${why}); starting another.`);
    start();
  });
  onStopSignal((signal) => {
    stopping = true;
    if (started.size === 0) process.exit(0);
    for (const worker of started.keys()) worker.process.kill(signal);
  });
  return listening;
}

function onStopSignal(stop: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      stop(signal);
    });
  }
}

function banner(config: Config, engine: string, demoLoaded: boolean): string[] {
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${config.port}`;
  const lines = [
    `Giao Ban is running (${engine}${config.databaseUrl ? '' : `: ${config.sqliteFile}`}${
      config.workers > 1 ? `; ${config.workers} worker processes` : ''
    }).`,
    `  Portal:     ${base}/`,
    `  Workspace:  ${base}/app/`,
    `  API docs:   ${base}/api/docs`,
  ];
  if (config.demo) {
    lines.push(
      demoLoaded
        ? `  Demo data loaded (Thị ủy Từ Sơn); it runs on its own calendar from ${DEMO_PRESENT.slice(0, 10)}.`
        : '  Demo data: database not empty, left as is.',
      `  Demo accounts (password "${DEMO_PASSWORD}"):`,
      ...DEMO_ACCOUNTS.map(
        (a) =>
          `    ${a.username.padEnd(14)} ${a.roles
            .map((r) => r.role)
            .join(', ')
            .padEnd(12)} ${a.fullName}`,
      ),
    );
  }
  return lines;
}
