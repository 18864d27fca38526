import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { errorResponses } from '../http/schema-helpers.ts';
import { Todo, todoOf } from './home.service.ts';

export async function homeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/me/todo',
    {
      schema: {
        tags: ['home'],
        summary: "The signed-in person's to-do list, one part per feature",
        response: { 200: Todo, ...errorResponses(401) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db.transaction().execute((trx) => todoOf(trx, ctx));
    },
  );
}
