import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import { MeetingCompiledSummary } from './summary.schema.ts';
import { readMeetingSummary } from './summary.service.ts';

/** The compiled summary of a meeting: live while planned, the stored snapshot once started. */
export async function summaryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/meetings/:id/summary',
    {
      schema: {
        tags: ['meetings'],
        summary: "The meeting's compiled summary (báo cáo tổng hợp)",
        description:
          "Every invited unit's report for the period in agenda order (accepted; submitted but " +
          'not yet accepted, marked; missing ones listed), the year targets and progress of the ' +
          'reporting feature and the proposals with their answers. Built live while the meeting ' +
          'is planned (frozenAt null); the snapshot stored at its start afterwards.',
        params: IdParams,
        response: { 200: MeetingCompiledSummary, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readMeetingSummary(db, ctxOf(request), request.params.id),
  );
}
