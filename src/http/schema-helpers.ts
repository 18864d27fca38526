import { Type, type TSchema } from 'typebox';

/** `T | null`, written as a JSON-schema type list so validation errors stay readable. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** The largest value of the id and version columns (32-bit `integer` on PostgreSQL). */
export const MAX_INT = 2147483647;

/**
 * A positive integer id, bounded to the column's range: an id PostgreSQL cannot hold is a 400
 * naming the field, not a database error.
 */
export const Id = Type.Integer({ minimum: 1, maximum: MAX_INT });

/** A positive integer id in a URL path. */
export const IdParams = Type.Object({ id: Id });

/** The optimistic-concurrency token every update carries. */
export const Version = Type.Integer({
  minimum: 1,
  maximum: MAX_INT,
  description: 'The version the client read; a stale one gets 409.',
});

/** One page of a list the API pages; `total` counts every item the filter matches. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

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
