import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { errorResponses } from '../http/schema-helpers.ts';
import { OVERVIEW_DUE_DAYS, OverviewQuery, TaskOverview } from './overview.schema.ts';
import { taskOverview } from './overview.service.ts';

/** GET /api/v1/tasks/overview: the chair's overview of a convening unit's tasks. */
export async function overviewRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  app.get(
    '/tasks/overview',
    {
      schema: {
        tags: ['tasks'],
        summary:
          "The chair's overview of a convening unit's tasks (its chair and secretariat), each figure with the list filters behind it",
        description: `Open tasks by unit (lead, coordinating), overdue and due within ${OVERVIEW_DUE_DAYS} days (today in Asia/Ho_Chi_Minh), completion rate per unit and per source meeting, extensions, accepted tasks done on time or late per quarter. unitId: the convening unit (by default the first the caller chairs or is the secretariat of).`,
        querystring: OverviewQuery,
        response: { 200: TaskOverview, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => taskOverview(db, ctxOf(request), request.query),
  );
}
