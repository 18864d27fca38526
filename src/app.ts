import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { auditRoutes } from './audit/audit.routes.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { databaseEngine, postgresUrlOf, sqliteFileOf, type Database } from './db/database.ts';
import { describeStorageError, StorageWatch } from './db/storage.ts';
import { registerEmblem } from './http/emblem.ts';
import { registerBodyHandling } from './http/body.ts';
import { registerAuth } from './http/context.ts';
import { registerErrorHandler, renderAppError } from './http/error-handler.ts';
import { registerSecurity } from './http/security.ts';
import { AppError, StorageUnavailable } from './http/errors.ts';
import { languageOf } from './http/i18n.ts';
import { ErrorResponse } from './http/schema-helpers.ts';
import { registerValidation } from './http/validation.ts';
import { JobScheduler } from './jobs/scheduler.ts';
import { InProcessBus, type LiveBus } from './live/bus.ts';
import { ClusterBus } from './live/cluster-bus.ts';
import { PostgresBus } from './live/postgres-bus.ts';
import { registerEventStreams } from './live/sse.ts';
import { homeRoutes } from './home/home.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { meetingEventsRoutes } from './meetings/events.routes.ts';
import { portalApiRoutes } from './portal/portal-api.routes.ts';
import { PORTAL_SCRIPT } from './portal/pages.ts';
import { notFoundPage, portalRoutes } from './portal/portal.routes.ts';
import { meetingRoutes } from './meetings/meetings.routes.ts';
import { summaryRoutes } from './meetings/summary.routes.ts';
import { meetingSharedSchemas } from './meetings/meetings.schema.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';
import { accountRoutes } from './units/accounts.routes.ts';
import { Account } from './units/accounts.schema.ts';
import { authRoutes } from './units/auth.routes.ts';
import { resolveSession } from './units/auth.service.ts';
import { unitRoutes } from './units/units.routes.ts';
import { Unit } from './units/units.schema.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's one job scheduler: features add their jobs; it starts when the app is ready. */
    jobs: JobScheduler;
    /** The last storage error (disk full, read-only) and its check, for /api/health. */
    storage: StorageWatch;
    /** Live events between instances (projector views follow the meeting through it). */
    live: LiveBus;
  }
}

const Engine = Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]);

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built workspace SPA; the same relative place from src/ and from dist/. */
export const WEB_DIR = path.resolve(here, '..', 'dist', 'web');

export interface AppOptions {
  config: Config;
  db: Database;
  /** Pino logger options, or false to keep tests quiet. */
  logger?: boolean | { level: string };
  /**
   * The app's clock: what requests (Ctx.now), sign-ins, sessions, the public pages and the jobs
   * take as now; the system clock by default, a fixed one to run the app "as of" a moment.
   */
  clock?: Clock;
  version?: string;
}

/**
 * Fastify's own numeric trustProxy trusts no hop at all (it cannot check the nearest peer), so a
 * hop count becomes the rule proxy-addr applies: believe the nearest `hops` addresses, and take
 * the client address as the last of these proxies saw it, never what the client wrote first.
 */
function trustProxyOption(trust: Config['trustProxy']) {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}

/**
 * The live bus of this instance: LISTEN/NOTIFY on a PostgreSQL server (the instances may be
 * anywhere), through the primary process for SQLite served by worker processes, else in the
 * process (SQLite, or PGlite in tests, which one process holds).
 */
function liveBusFor(db: Database, app: FastifyInstance): LiveBus {
  const url = postgresUrlOf(db);
  if (url) return new PostgresBus({ connectionString: url, db, log: app.log });
  if (cluster.isWorker) return new ClusterBus();
  return new InProcessBus();
}

/** Builds the whole HTTP app around an open database. The caller owns the database's life. */
export async function buildApp({
  config,
  db,
  logger,
  clock = systemClock,
  version = '0.1.0',
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 500 },
  });
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('clock', clock);
  const storage = new StorageWatch(db, sqliteFileOf(db));
  app.decorate('storage', storage);
  const jobs = new JobScheduler(db, {
    clock,
    onError: (job, error) =>
      app.log.error(
        { err: error },
        storage.note(error)
          ? `job ${job} failed: ${describeStorageError(error, storage.where)}`
          : `job ${job} failed`,
      ),
  });
  app.decorate('jobs', jobs);
  const live = liveBusFor(db, app);
  app.decorate('live', live);
  if (live instanceof PostgresBus) app.addHook('onReady', () => live.start());
  app.addHook('onClose', async () => live.close());
  registerEventStreams(app, live);
  app.addHook('onReady', async () => jobs.start());
  // The server stops the jobs itself, in its shutdown order; this is for apps closed by tests.
  app.addHook('onClose', async () => jobs.stop());

  registerValidation(app);
  registerBodyHandling(app);
  registerErrorHandler(app);
  registerSecurity(app);
  await app.register(cookie);
  // JSON answers only, when the client accepts it: a province's progress table is megabytes of
  // repetitive numbers. Pages and files keep their own bytes and caching.
  await app.register(compress, { customTypes: /^application\/json/ });
  await app.register(rateLimit, { global: false });
  registerAuth(app, resolveSession);

  app.addSchema(ErrorResponse);
  app.addSchema(Unit);
  app.addSchema(Account);
  // Shared answer schemas are added here, at the root: a plugin that adds its own gets a schema
  // context of its own, which falls back to Fastify's default validator and would let unknown
  // fields through (test/http/unknown-fields.test.ts).
  for (const schema of meetingSharedSchemas) app.addSchema(schema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Giao Ban API',
        version,
        description:
          'Quarterly briefings of a Party committee: units, accounts, reports, meetings, conclusions, documents and the public portal. Errors are `{ error: { code, message, fields? } }`, in Vietnamese unless `Accept-Language: en`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'giaoban_session' } },
      },
      security: [{ session: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/portal.js', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(PORTAL_SCRIPT),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary:
          'Liveness, which database is in use, and whether it can store: 503 while its disk is full or it is read-only',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Engine }),
          503: Type.Object({
            status: Type.Literal('unavailable'),
            database: Engine,
            problem: Type.Union([
              Type.Literal('disk_full'),
              Type.Literal('read_only'),
              Type.Literal('io_error'),
              Type.Literal('cannot_open'),
            ]),
            message: Type.String(),
          }),
        },
      },
    },
    async (request, reply) => {
      await db.selectFrom('units').select('id').limit(1).execute();
      const database = databaseEngine(db);
      const problem = await storage.check();
      if (!problem) return { status: 'ok' as const, database };
      return reply.status(503).send({
        status: 'unavailable' as const,
        database,
        problem: problem.problem,
        message: renderAppError(StorageUnavailable(problem.problem), languageOf(request)).error
          .message,
      });
    },
  );

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(unitRoutes);
      await api.register(accountRoutes);
      await api.register(auditRoutes);
      await api.register(reportRoutes);
      await api.register(meetingRoutes);
      await api.register(summaryRoutes);
      await api.register(taskRoutes);
      await api.register(portalApiRoutes);
      await api.register(notificationRoutes);
      await api.register(homeRoutes);
      await api.register(searchRoutes);
      await api.register(meetingEventsRoutes);
    },
    { prefix: '/api/v1' },
  );

  await app.register(portalRoutes);
  registerEmblem(app);
  await registerWorkspace(app);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      const error = new AppError(404, 'route_not_found', { url: request.url.slice(0, 200) });
      return reply.status(404).send(renderAppError(error, languageOf(request)));
    }
    return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage());
  });

  return app;
}

/** Serves the built SPA under /app/, with index.html for its client-side routes. */
async function registerWorkspace(app: FastifyInstance): Promise<void> {
  const index = path.join(WEB_DIR, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/app/*', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The workspace is not built yet: run `npm run build:web` (npm start does it).'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIR,
    prefix: '/app/',
    wildcard: false,
    index: false,
  });
  app.get('/app', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/app/'));
  app.get('/app/*', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .sendFile('index.html'),
  );
}
