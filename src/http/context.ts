import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Actor, Ctx } from '../units/roles.ts';
import { Unauthenticated } from './errors.ts';

export const SESSION_COOKIE = 'giaoban_session';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    /** The app's clock: what requests, jobs and sessions take as now (the system's by default). */
    clock: Clock;
  }
  interface FastifyRequest {
    actor: (Actor & { position: string | null }) | null;
  }
}

/** Finds the live session of a token: its account as the actor, or null. */
export type ResolveSession = (
  db: Database,
  token: string,
  ttlHours: number,
  now: Clock,
) => Promise<FastifyRequest['actor']>;

/**
 * Resolves the session cookie into `request.actor` for every API request. The app passes the
 * units' resolveSession in, so the HTTP layer depends on no feature.
 */
export function registerAuth(app: FastifyInstance, resolveSession: ResolveSession): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.actor = await resolveSession(app.db, token, app.config.sessionTtlHours, app.clock);
  });
}

/** The signed-in actor, request id and the app's clock, or 401. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw Unauthenticated();
  return { actor: request.actor, requestId: request.id, now: request.server.clock };
}

export function sessionToken(request: FastifyRequest): string {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw Unauthenticated();
  return token;
}
