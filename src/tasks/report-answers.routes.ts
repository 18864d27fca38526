import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ctxOf } from '../http/context.ts';
import { Id, errorResponses } from '../http/schema-helpers.ts';
import { taskFollowUp } from './follow-up.service.ts';
import { ReportTaskAnswers, SaveReportAnswersBody, TaskFollowUp } from './report-answers.schema.ts';
import { getReportAnswers, saveReportAnswers } from './report-answers.service.ts';

const tags = ['tasks'];
const ReportParams = Type.Object({ reportId: Id });
const MeetingParams = Type.Object({ meetingId: Id });

/** The loop: a report form's answers about the unit's open tasks, and a meeting's follow-up. */
export async function reportAnswerRoutes(fastify: FastifyInstance): Promise<void> {
  // No addSchema here (see tasks.routes.ts).
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/tasks/report-answers/:reportId',
    {
      schema: {
        tags,
        summary:
          "The open tasks a report's unit leads or coordinates, each with its last update and the report's answer",
        description:
          "A draft's answers are its unit's own: the committee sees them once the report is sent.",
        params: ReportParams,
        response: { 200: ReportTaskAnswers, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getReportAnswers(db, ctxOf(request), request.params.reportId),
  );

  app.put(
    '/tasks/report-answers/:reportId',
    {
      schema: {
        tags,
        summary:
          "Save the report's answers about its tasks (note, percent, reports done) while the report is a draft",
        description:
          'Replaces every answer. When the report reaches submitted, each answer becomes a task update linked to it.',
        params: ReportParams,
        body: SaveReportAnswersBody,
        response: { 200: ReportTaskAnswers, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => saveReportAnswers(trx, ctx, request.params.reportId, request.body));
    },
  );

  app.get(
    '/tasks/follow-up/:meetingId',
    {
      schema: {
        tags,
        summary:
          "The committee's tasks in a meeting's summary: state and last update as of its start, and the units that did not answer",
        params: MeetingParams,
        response: { 200: TaskFollowUp, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => taskFollowUp(db, ctxOf(request), request.params.meetingId),
  );
}
