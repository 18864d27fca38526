import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import type { FieldProblem } from './errors.ts';
import type { FieldRule } from './messages.ts';

// ajv-formats ships CommonJS with a default export nested differently under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Bodies are validated strictly (a string "12" is not a number; unknown fields are errors);
 * query strings and path parameters are text by nature, so there types are coerced.
 */
export function registerValidation(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema),
  );
}

function fieldPath(error: FastifySchemaValidationError | ErrorObject): string {
  const base = (error.instancePath ?? '').split('/').filter(Boolean).join('.');
  const params = error.params as Record<string, unknown>;
  const extra =
    error.keyword === 'required'
      ? params.missingProperty
      : error.keyword === 'additionalProperties'
        ? params.additionalProperty
        : undefined;
  const name = typeof extra === 'string' ? extra : '';
  return [base, name].filter(Boolean).join('.') || '_';
}

function problemOf(error: FastifySchemaValidationError | ErrorObject): FieldProblem {
  const params = error.params as Record<string, unknown>;
  const rules: Record<string, FieldRule> = {
    required: 'required',
    additionalProperties: 'unknown',
    type: 'type',
    minLength: 'minLength',
    maxLength: 'maxLength',
    minimum: 'minimum',
    maximum: 'maximum',
    pattern: 'pattern',
    format: 'format',
    minItems: 'minItems',
    maxItems: 'maxItems',
  };
  if (error.keyword === 'enum' || error.keyword === 'const') {
    const values = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
    return { rule: 'enum', params: { values: values.join(', ') } };
  }
  const rule = rules[error.keyword] ?? 'invalid';
  return { rule, params };
}

/**
 * Turns schema errors into one problem per field. Union branches (`T | null`) report a type
 * error per branch: these merge into one, and a more specific rule wins over a type error.
 */
export function fieldProblems(
  errors: readonly (FastifySchemaValidationError | ErrorObject)[],
  prefix = '',
): Record<string, FieldProblem> {
  const result: Record<string, FieldProblem> = {};
  const types = new Map<string, string[]>();
  const literals = new Map<string, unknown[]>();
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    const field = prefix + fieldPath(error);
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'type') {
      types.set(field, [...(types.get(field) ?? []), String(params.type)]);
      continue;
    }
    if (error.keyword === 'const') {
      literals.set(field, [...(literals.get(field) ?? []), params.allowedValue]);
      continue;
    }
    result[field] ??= problemOf(error);
  }
  for (const [field, values] of literals) {
    result[field] ??= { rule: 'enum', params: { values: values.join(', ') } };
  }
  for (const [field, list] of types) {
    result[field] ??= { rule: 'type', params: { type: [...new Set(list)].join(',') } };
  }
  return result;
}
