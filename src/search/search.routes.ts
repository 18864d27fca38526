import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { errorResponses } from '../http/schema-helpers.ts';
import { SearchAnswer, SearchQuery } from './search.schema.ts';
import { searchWorkspace } from './search.service.ts';

export async function searchRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  // A read: outside a transaction, so on SQLite the search runs on the off-thread reader.
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Searches the reports, proposals, minutes, conclusions, tasks and articles the caller may open',
        querystring: SearchQuery,
        response: { 200: SearchAnswer, ...errorResponses(400, 401) },
      },
    },
    async (request) => searchWorkspace(db, ctxOf(request), request.query),
  );
}
