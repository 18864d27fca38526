import { Type, type TSchema } from 'typebox';

/** `T | null`, written as a JSON-schema type list so validation errors stay readable. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** A positive integer id in a URL path. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

/** The optimistic-concurrency token every update carries. */
export const Version = Type.Integer({
  minimum: 1,
  description: 'The version the client read; a stale one gets 409.',
});

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** Standard error responses to list on a route, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref('ErrorResponse')]));
}
