import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import { ATTACHMENT_MAX_BYTES } from '../reports/attachments.service.ts';
import { oneFile, sendFile } from '../reports/files.routes.ts';
import { exportTasks } from './export.service.ts';
import { TaskQuery } from './tasks.schema.ts';
import * as updates from './updates.service.ts';
import {
  AddUpdateBody,
  TaskSettings,
  TaskSettingsBody,
  TaskUpdate,
  TaskUpdateAttachment,
  TaskUpdateList,
  UnitIdParams,
  UpdateApprovalBody,
} from './updates.schema.ts';

const tags = ['tasks'];

/** Progress updates (with their files and the head's approval), task settings, the Excel export. */
export async function taskUpdateRoutes(fastify: FastifyInstance): Promise<void> {
  // No addSchema here either (see tasks.routes.ts).
  await fastify.register(multipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5 },
  });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/tasks/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The task list of the same filters as GET /tasks, every page, as an Excel file',
        querystring: TaskQuery,
        response: errorResponses(400, 401),
      },
    },
    async (request, reply) => {
      const { page: _page, pageSize: _size, ...query } = request.query;
      return sendFile(reply, await exportTasks(db, ctxOf(request), query));
    },
  );

  app.get(
    '/tasks/:id/updates',
    {
      schema: {
        tags,
        summary:
          "A task's progress updates: all of the caller's own units', the approved (or not needing approval) ones of others",
        params: IdParams,
        response: { 200: TaskUpdateList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => updates.taskUpdates(db, ctxOf(request), request.params.id),
  );

  app.post(
    '/tasks/:id/updates',
    {
      schema: {
        tags,
        summary:
          "Add a progress update (the lead or a coordinating unit's reporter or head); reportsDone (lead unit) moves the task to reported_done",
        params: IdParams,
        body: AddUpdateBody,
        response: { 201: TaskUpdate, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { note, percent, reportsDone, unitId } = request.body;
      const added = await db
        .transaction()
        .execute((trx) =>
          updates.addTaskUpdate(
            trx,
            ctx,
            request.params.id,
            { note, percent: percent ?? null, reportsDone: reportsDone ?? false },
            unitId === undefined ? {} : { unitId },
          ),
        );
      return reply.status(201).send(added);
    },
  );

  app.post(
    '/tasks/updates/:id/approval',
    {
      schema: {
        tags,
        summary: 'The unit head approves a pending update or sends it back (with a comment)',
        params: IdParams,
        body: UpdateApprovalBody,
        response: { 200: TaskUpdate, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => updates.decideTaskUpdate(trx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/tasks/updates/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Attach a file to an update (its author; PDF, Word, Excel, OpenDocument, PNG, JPEG; up to 5 MB)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: {
          201: TaskUpdateAttachment,
          ...errorResponses(400, 401, 403, 404, 409, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const file = await oneFile(request);
      const saved = await db
        .transaction()
        .execute((trx) => updates.addUpdateAttachment(trx, ctx, request.params.id, file));
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/tasks/update-attachments/:id',
    {
      schema: {
        tags,
        summary: "Download an update's file",
        params: IdParams,
        response: errorResponses(401, 403, 404),
      },
    },
    async (request, reply) =>
      sendFile(reply, await updates.getUpdateAttachment(db, ctxOf(request), request.params.id)),
  );

  app.get(
    '/tasks/settings/:unitId',
    {
      schema: {
        tags,
        summary: "The convening unit's task settings (its secretariat and chair)",
        params: UnitIdParams,
        response: { 200: TaskSettings, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => updates.getTaskSettings(db, ctxOf(request), request.params.unitId),
  );

  app.put(
    '/tasks/settings/:unitId',
    {
      schema: {
        tags,
        summary: "Save the convening unit's task settings (its secretariat): head approval",
        params: UnitIdParams,
        body: TaskSettingsBody,
        response: { 200: TaskSettings, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => updates.saveTaskSettings(trx, ctx, request.params.unitId, request.body));
    },
  );
}
