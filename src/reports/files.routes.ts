import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ctxOf } from '../http/context.ts';
import { AppError, Invalid } from '../http/errors.ts';
import { IdParams, Version, errorResponses } from '../http/schema-helpers.ts';
import {
  ATTACHMENT_MAX_BYTES,
  addAttachment,
  deleteAttachment,
  getAttachment,
} from './attachments.service.ts';
import { indicatorSheet, uploadIndicatorSheet } from './excel.service.ts';
import { Attachment } from './reports.schema.ts';

const tags = ['reports'];
const VersionQuery = Type.Object({ version: Version });

/** Sends a file with a download name that survives Vietnamese letters. */
export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; data: Buffer; mimeType?: string },
) {
  const ascii = file.fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  return reply
    .type(file.mimeType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.data);
}

const tooLarge = () => new AppError(413, 'file_too_large', { limit: '5 MB' });

const LIMIT_CODES = new Set([
  'FST_REQ_FILE_TOO_LARGE',
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
]);

/** What @fastify/multipart and busboy throw, as the app's errors: never a 500. */
function uploadError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && LIMIT_CODES.has(code)) return tooLarge();
  // Missing or wrong boundary, a body cut off mid-part, a closed connection: the body is not a
  // whole multipart form.
  return new AppError(400, 'multipart_invalid');
}

/**
 * The one file of a multipart upload, read whole. The size limit cuts the stream at the limit
 * and sets `truncated`; a file cut to exactly the limit looks whole unless that flag is checked
 * after reading, so both are checked: a user's file is stored whole or not at all.
 */
export async function oneFile(
  request: FastifyRequest,
): Promise<{ fileName: string; data: Buffer }> {
  const part = await request.file().catch((error: unknown) => {
    throw uploadError(error);
  });
  if (!part) throw Invalid({ file: { rule: 'required' } });
  const data = await part.toBuffer().catch((error: unknown) => {
    throw uploadError(error);
  });
  if (part.file.truncated) throw tooLarge();
  return { fileName: part.filename, data };
}

/** Excel round trip and attachments: the routes that move files. */
export async function fileRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5 },
  });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/reports/:id/indicators.xlsx',
    {
      schema: {
        tags,
        summary: "The unit's indicator sheet for the period, to fill in",
        params: IdParams,
        response: errorResponses(401, 403, 404),
      },
    },
    async (request, reply) =>
      sendFile(reply, await indicatorSheet(db, ctxOf(request), request.params.id)),
  );

  app.post(
    '/reports/:id/indicators.xlsx',
    {
      schema: {
        tags,
        summary:
          'Upload a filled sheet (multipart, field "file"): every row is checked first; any error and nothing is saved',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: Type.Ref('Report'), ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const file = await oneFile(request);
      return db
        .transaction()
        .execute((trx) =>
          uploadIndicatorSheet(trx, ctx, request.params.id, request.query.version, file.data),
        );
    },
  );

  app.post(
    '/reports/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a file to a draft (PDF, Word, Excel, OpenDocument, PNG, JPEG; up to 5 MB)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: VersionQuery,
        response: { 201: Attachment, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const file = await oneFile(request);
      const saved = await db
        .transaction()
        .execute((trx) => addAttachment(trx, ctx, request.params.id, request.query.version, file));
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Download an attachment',
        params: IdParams,
        response: errorResponses(401, 403, 404),
      },
    },
    async (request, reply) =>
      sendFile(reply, await getAttachment(db, ctxOf(request), request.params.id)),
  );

  app.delete(
    '/attachments/:id',
    {
      schema: {
        tags,
        summary: "Remove an attachment from a draft (send the report's version)",
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await db
        .transaction()
        .execute((trx) => deleteAttachment(trx, ctx, request.params.id, request.query.version));
      return reply.status(204).send(null);
    },
  );
}
