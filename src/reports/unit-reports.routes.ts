import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import * as proposals from './proposals.service.ts';
import {
  AnswerBody,
  DiffQuery,
  ProposalItem,
  ProposalQuery,
  ReportDiff,
  ReportQuery,
  ReportSummary,
  RevisionList,
  SaveReportBody,
  TransitionBody,
} from './reports.schema.ts';
import * as reports from './reports.service.ts';
import * as revisions from './revisions.service.ts';
import { transitionReport } from './workflow.service.ts';

const tags = ['reports'];

/** Unit reports, their workflow, revisions and proposals. */
export async function reportApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Reports the caller may read',
        querystring: ReportQuery,
        response: {
          200: Type.Object({ items: Type.Array(ReportSummary) }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => ({ items: await reports.listReports(db, ctxOf(request), request.query) }),
  );

  app.get(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'One report with its sections, values, proposals and history',
        params: IdParams,
        response: { 200: Type.Ref('Report'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => reports.getReport(db, ctxOf(request), request.params.id),
  );

  app.put(
    '/reports/:id',
    {
      schema: {
        tags,
        summary:
          'Save a draft (sections are sanitized; a stale version gets 409 and nothing is written)',
        params: IdParams,
        body: SaveReportBody,
        response: { 200: Type.Ref('Report'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => reports.saveReport(trx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/reports/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Move the report: send, approve, send_back and return (each with a comment saying why), accept, reopen',
        params: IdParams,
        body: TransitionBody,
        response: { 200: Type.Ref('Report'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => transitionReport(trx, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/reports/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Every saved revision, newest first',
        params: IdParams,
        response: { 200: RevisionList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => revisions.listRevisions(db, ctxOf(request), request.params.id),
  );

  app.get(
    '/reports/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two revisions',
        params: IdParams,
        querystring: DiffQuery,
        response: { 200: ReportDiff, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      revisions.diffRevisions(
        db,
        ctxOf(request),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
  );

  app.get(
    '/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals (kiến nghị) raised in reports the caller may read',
        querystring: ProposalQuery,
        response: {
          200: Type.Object({ items: Type.Array(ProposalItem) }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => proposals.listProposals(db, ctxOf(request), request.query),
  );

  app.post(
    '/proposals/:id/answer',
    {
      schema: {
        tags,
        summary: "The committee's answer to a proposal",
        params: IdParams,
        body: AnswerBody,
        response: {
          200: Type.Omit(ProposalItem, [
            'reportId',
            'unitId',
            'unitName',
            'periodId',
            'periodName',
          ]),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => proposals.answerProposal(trx, ctx, request.params.id, request.body));
    },
  );
}
