import type { StorageProblem } from '../db/dialect.ts';
import type { EntityName, FieldRule, MessageCode } from './messages.ts';

/** A field error before translation: the rule broken and its parameters. */
export interface FieldProblem {
  rule: FieldRule;
  params?: Record<string, unknown>;
}

/**
 * An error the client can act on. Services throw these; the error handler renders them as
 * `{ error: { code, message, fields? } }` in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly fields?: Record<string, FieldProblem>,
    readonly headers: Record<string, string> = {},
    /** More of the error object for the client (a stale save's current record: `current`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const Unauthenticated = () => new AppError(401, 'unauthenticated');
export const Forbidden = () => new AppError(403, 'forbidden');
export const NotFound = (entity: EntityName) => new AppError(404, 'not_found', { entity });
export const StaleVersion = (entity: EntityName) => new AppError(409, 'conflict', { entity });

/** 400 with one or more field problems. */
export function Invalid(fields: Record<string, FieldProblem>): AppError {
  return new AppError(400, 'validation', {}, fields);
}

/** 503 for a storage problem (disk full, read-only, I/O): the user's change was not stored. */
export function StorageUnavailable(problem: StorageProblem): AppError {
  const code =
    problem === 'disk_full'
      ? 'storage_full'
      : problem === 'read_only'
        ? 'storage_read_only'
        : 'storage_error';
  return new AppError(503, code, {}, undefined, { 'retry-after': '60' });
}
