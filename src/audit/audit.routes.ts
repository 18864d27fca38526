import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { errorResponses } from '../http/schema-helpers.ts';
import { AuditPage, AuditQuery } from './audit.schema.ts';
import { listAudit } from './audit-log.service.ts';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (admins)',
        querystring: AuditQuery,
        response: {
          200: AuditPage,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => listAudit(app.db, ctxOf(request), request.query),
  );
}
