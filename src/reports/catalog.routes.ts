import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import * as catalog from './catalog.service.ts';
import {
  CreateIndicatorBody,
  CreateTemplateBody,
  ReportSettings,
  UpdateIndicatorBody,
  UpdateReportSettingsBody,
  UpdateTemplateBody,
} from './catalog.schema.ts';

const tags = ['reports'];

/** Settings, indicators and templates. */
export async function catalogRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/report-settings',
    {
      schema: {
        tags,
        summary: "The rule for periods' default data window and deadline",
        response: { 200: ReportSettings, ...errorResponses(401) },
      },
    },
    async (request) => {
      ctxOf(request);
      return catalog.getReportSettings(db);
    },
  );

  app.put(
    '/report-settings',
    {
      schema: {
        tags,
        summary: 'Change the rule (secretariat or admin of a root unit)',
        body: UpdateReportSettingsBody,
        response: { 200: ReportSettings, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => catalog.updateReportSettings(trx, ctx, request.body));
    },
  );

  app.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Every indicator, in display order',
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('Indicator')) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      ctxOf(request);
      return { items: await catalog.listIndicators(db) };
    },
  );

  app.post(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Add an indicator (secretariat or admin of a root unit)',
        body: CreateIndicatorBody,
        response: { 201: Type.Ref('Indicator'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply
        .status(201)
        .send(
          await db.transaction().execute((trx) => catalog.createIndicator(trx, ctx, request.body)),
        );
    },
  );

  app.patch(
    '/indicators/:id',
    {
      schema: {
        tags,
        summary: 'Change an indicator',
        params: IdParams,
        body: UpdateIndicatorBody,
        response: { 200: Type.Ref('Indicator'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => catalog.updateIndicator(trx, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/templates',
    {
      schema: {
        tags,
        summary: 'Report templates with their current version',
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('Template')) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      ctxOf(request);
      return { items: await catalog.listTemplates(db) };
    },
  );

  app.get(
    '/templates/:id',
    {
      schema: {
        tags,
        summary: 'One template',
        params: IdParams,
        response: { 200: Type.Ref('Template'), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      ctxOf(request);
      return catalog.getTemplate(db, request.params.id);
    },
  );

  app.post(
    '/templates',
    {
      schema: {
        tags,
        summary: "Create a template (the convening unit's secretariat)",
        body: CreateTemplateBody,
        response: { 201: Type.Ref('Template'), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply
        .status(201)
        .send(
          await db.transaction().execute((trx) => catalog.createTemplate(trx, ctx, request.body)),
        );
    },
  );

  app.put(
    '/templates/:id',
    {
      schema: {
        tags,
        summary: 'Save a new version of a template; open periods keep theirs',
        params: IdParams,
        body: UpdateTemplateBody,
        response: { 200: Type.Ref('Template'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => catalog.updateTemplate(trx, ctx, request.params.id, request.body));
    },
  );
}
