import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ctxOf } from '../http/context.ts';
import { errorResponses } from '../http/schema-helpers.ts';
import { yearExport } from './excel.service.ts';
import { sendFile } from './files.routes.ts';
import {
  ProgressQuery,
  ProgressTable,
  SetTargetsBody,
  TargetList,
  TargetQuery,
} from './figures.schema.ts';
import * as progress from './progress.service.ts';

const tags = ['reports'];

/** Annual targets and progress. */
export async function figureRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/targets',
    {
      schema: {
        tags,
        summary: "A year's targets for the units the caller may read",
        querystring: TargetQuery,
        response: { 200: TargetList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => progress.listTargets(db, ctxOf(request), request.query),
  );

  app.put(
    '/targets',
    {
      schema: {
        tags,
        summary: 'Set targets per unit and indicator for a year (null removes one)',
        body: SetTargetsBody,
        response: {
          200: Type.Object({ year: Type.Integer(), items: SetTargetsBody.properties.items }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db.transaction().execute((trx) => progress.setTargets(trx, ctx, request.body));
    },
  );

  app.get(
    '/progress',
    {
      schema: {
        tags,
        summary: 'Year to date against target, per unit and in total, with status and forecast',
        querystring: ProgressQuery,
        response: { 200: ProgressTable, ...errorResponses(400, 401, 403) },
      },
      // A province's year is ~2.4 MB of numbers: the schema's serializer writes them one by one
      // at about twice the cost of the engine's own JSON.stringify. The handler's return type is
      // the schema's, so the shape is checked when the code is compiled instead.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => progress.getProgress(db, ctxOf(request), request.query),
  );

  app.get(
    '/progress/export.xlsx',
    {
      schema: {
        tags,
        summary: "The year's progress as Excel",
        querystring: Type.Object({ year: ProgressQuery.properties.year }),
        response: errorResponses(400, 401, 403),
      },
    },
    async (request, reply) =>
      sendFile(reply, await yearExport(db, ctxOf(request), request.query.year)),
  );
}
