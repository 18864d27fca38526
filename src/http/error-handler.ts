import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { storageProblemOf } from '../db/dialect.ts';
import { describeStorageError } from '../db/storage.ts';
import { AppError, StorageUnavailable, type FieldProblem } from './errors.ts';
import { languageOf, type Lang } from './i18n.ts';
import {
  entityNames,
  fieldMessages,
  fill,
  messages,
  taskLabels,
  typeName,
  type EntityName,
} from './messages.ts';
import { fieldProblems } from './validation.ts';

function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / 1024 / 1024)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/** A task's state and action named in the request's language (task messages only). */
function taskParams(params: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const out = { ...params };
  for (const key of ['state', 'action']) {
    const v = out[key];
    if (typeof v === 'string' && v in taskLabels)
      out[key] = taskLabels[v as keyof typeof taskLabels][lang];
  }
  return out;
}

function translateField(problem: FieldProblem, lang: Lang): string {
  const params = problem.rule.startsWith('task')
    ? taskParams(problem.params ?? {}, lang)
    : { ...problem.params };
  if (problem.rule === 'type' && typeof params.type === 'string') {
    params.type = typeName(params.type, lang);
  }
  return fill(fieldMessages[problem.rule][lang], params);
}

/** Renders an AppError in the request's language. */
export function renderAppError(error: AppError, lang: Lang) {
  const params: Record<string, unknown> = error.code.startsWith('task_')
    ? taskParams(error.params, lang)
    : { ...error.params };
  if (typeof params.entity === 'string' && params.entity in entityNames) {
    params.entity = entityNames[params.entity as EntityName][lang];
  }
  const message = fill(messages[error.code][lang], params);
  const fields = error.fields
    ? Object.fromEntries(
        Object.entries(error.fields).map(([name, p]) => [name, translateField(p, lang)]),
      )
    : undefined;
  // Sentence case for a message that starts with an entity name ("đơn vị đã được…").
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return {
    error: { code: error.code, message: text, ...(fields && { fields }), ...error.extra },
  };
}

/** Maps what Fastify and its plugins throw onto the app's own errors. */
function toAppError(
  error: FastifyError,
  request: FastifyRequest,
  bodyLimit: number,
): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const prefix = context === 'body' ? '' : `${context}.`;
    return new AppError(400, 'validation', {}, fieldProblems(error.validation, prefix));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'payload_too_large', { limit: humanSize(bodyLimit) });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', {
        type: String(request.headers['content-type'] ?? '').slice(0, 100),
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'invalid_json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'validation');
    default:
      break;
  }
  const storage = storageProblemOf(error);
  if (storage) return StorageUnavailable(storage);
  if (error.statusCode === 429) return new AppError(429, 'too_many_requests', { seconds: 60 });
  if (error.statusCode === 404) return new AppError(404, 'route_not_found', { url: request.url });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode, 'validation');
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = languageOf(request);
    const appError = toAppError(error, request, app.config.bodyLimitBytes);
    if (appError) {
      if (app.storage.note(error)) {
        request.log.error(
          { err: error },
          `storage: ${describeStorageError(error, app.storage.where)}`,
        );
      } else if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      return reply
        .status(appError.status)
        .headers(appError.headers)
        .send(renderAppError(appError, lang));
    }
    // Unknown: log everything, tell the client nothing but the id to quote.
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    const internal = new AppError(500, 'internal', { requestId: request.id });
    return reply.status(500).send({ ...renderAppError(internal, lang), requestId: request.id });
  });
}
