import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { readConfig, type Config } from './config.ts';
import { databaseEngine, migrateToLatest, openDatabase } from './db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from './demo/demo.ts';
import { flushPortalViews } from './portal/runtime.ts';

/** Opens the database, migrates, loads the demo into an empty one, and serves until a signal. */
export async function startServer(config: Config = readConfig()): Promise<FastifyInstance> {
  const db = openDatabase(config);
  await migrateToLatest(db);
  const demoLoaded = config.demo ? await loadDemo(db) : false;
  const app = await buildApp({ config, db });
  // Shutdown, in this order: app.close() has stopped taking requests; stop the jobs, write the
  // buffered view counts, then close the database.
  app.addHook('onClose', async () => {
    await app.jobs.stop();
    await flushPortalViews(db);
    await db.destroy();
  });
  await app.listen({ port: config.port, host: config.host });

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${config.port}`;
  const lines = [
    `Giao Ban is running (${databaseEngine(db)}${config.databaseUrl ? '' : `: ${config.sqliteFile}`}).`,
    `  Portal:     ${base}/`,
    `  Workspace:  ${base}/app/`,
    `  API docs:   ${base}/api/docs`,
  ];
  if (config.demo) {
    lines.push(
      demoLoaded
        ? '  Demo data loaded (Thị ủy Từ Sơn).'
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
  console.log(lines.join('\n'));

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  return app;
}
