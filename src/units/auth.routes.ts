import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { SESSION_COOKIE, ctxOf, sessionToken } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses } from '../http/schema-helpers.ts';
import { ChangePasswordBody, LoginBody, Me } from './accounts.schema.ts';
import * as auth from './auth.service.ts';

const tags = ['auth'];

function presentMe(actor: NonNullable<FastifyRequest['actor']>) {
  return {
    user: {
      id: actor.id,
      username: actor.username,
      fullName: actor.fullName,
      position: actor.position,
      roles: actor.roles,
    },
  };
}

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  hours: number,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: hours * 3600,
  });
}

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app;

  // Per client address, on every route that checks a password.
  const passwordRateLimit = {
    rateLimit: {
      max: config.loginRateLimitPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_req: FastifyRequest, context: { ttl: number }) =>
        new AppError(429, 'too_many_requests', { seconds: Math.ceil(context.ttl / 1000) }),
    },
  };

  app.post(
    '/auth/login',
    {
      config: passwordRateLimit,
      schema: {
        tags,
        summary: 'Sign in: sets the session cookie',
        body: LoginBody,
        response: { 200: Me, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { token, actor } = await auth.login(db, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
        ttlHours: config.sessionTtlHours,
        now: app.clock,
      });
      setSessionCookie(request, reply, token, config.sessionTtlHours);
      return presentMe(actor);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...errorResponses(401) } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const token = sessionToken(request);
      await db.transaction().execute((trx) => auth.logout(trx, ctx, token));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in account',
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    async (request) => {
      ctxOf(request);
      return presentMe(request.actor!);
    },
  );

  app.post(
    '/auth/password',
    {
      config: passwordRateLimit,
      schema: {
        tags,
        summary: 'Change one’s own password',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const token = sessionToken(request);
      await auth.changePassword(db, ctx, token, request.body);
      return reply.status(204).send(null);
    },
  );
}
