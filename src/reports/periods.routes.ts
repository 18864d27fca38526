import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import * as board from './board.service.ts';
import { periodExport } from './excel.service.ts';
import { sendFile } from './files.routes.ts';
import * as periods from './periods.service.ts';
import {
  Board,
  CreatePeriodBody,
  PeriodDefaults,
  PeriodDefaultsQuery,
  PeriodQuery,
  RemindBody,
  RemindResult,
  UpdatePeriodBody,
} from './periods.schema.ts';

const tags = ['reports'];

export async function periodRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/periods',
    {
      schema: {
        tags,
        summary: 'Reporting periods, newest first',
        querystring: PeriodQuery,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('Period')) }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      ctxOf(request);
      return { items: await periods.listPeriods(db, request.query) };
    },
  );

  app.get(
    '/periods/defaults',
    {
      schema: {
        tags,
        summary: "A new period's name and dates under the settings' rule",
        querystring: PeriodDefaultsQuery,
        response: { 200: PeriodDefaults, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      ctxOf(request);
      return periods.periodDefaults(db, request.query);
    },
  );

  app.get(
    '/periods/:id',
    {
      schema: {
        tags,
        summary: 'One period',
        params: IdParams,
        response: { 200: Type.Ref('Period'), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      ctxOf(request);
      return periods.getPeriod(db, request.params.id);
    },
  );

  app.post(
    '/periods',
    {
      schema: {
        tags,
        summary: "Open a period (the convening unit's secretariat)",
        body: CreatePeriodBody,
        response: { 201: Type.Ref('Period'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply
        .status(201)
        .send(
          await db.transaction().execute((trx) => periods.createPeriod(trx, ctx, request.body)),
        );
    },
  );

  app.post(
    '/periods/:id/next',
    {
      schema: {
        tags,
        summary: 'Open the next period of the same kind, with the same units',
        params: IdParams,
        response: { 201: Type.Ref('Period'), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply
        .status(201)
        .send(
          await db
            .transaction()
            .execute((trx) => periods.createNextPeriod(trx, ctx, request.params.id)),
        );
    },
  );

  app.patch(
    '/periods/:id',
    {
      schema: {
        tags,
        summary: 'Change dates or units, open or close a period',
        params: IdParams,
        body: UpdatePeriodBody,
        response: { 200: Type.Ref('Period'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => periods.updatePeriod(trx, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/periods/:id/board',
    {
      schema: {
        tags,
        summary: "The secretariat's board: who has submitted, late, awaiting, returned, missing",
        params: IdParams,
        response: { 200: Board, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => board.periodBoard(db, ctxOf(request), request.params.id),
  );

  app.post(
    '/periods/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Remind the units that have not sent their report (recorded in-app)',
        params: IdParams,
        body: RemindBody,
        response: { 200: RemindResult, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => board.remindMissing(trx, ctx, request.params.id, request.body ?? {}));
    },
  );

  app.get(
    '/periods/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: "All units' values and progress for the period, as Excel",
        params: IdParams,
        response: errorResponses(401, 403, 404),
      },
    },
    async (request, reply) =>
      sendFile(reply, await periodExport(db, ctxOf(request), request.params.id)),
  );
}
