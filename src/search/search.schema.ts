import { Type, type Static } from 'typebox';
import { Nullable } from '../http/schema-helpers.ts';
import { RESULT_KINDS, type ResultKind } from './kinds.ts';

export { RESULT_KINDS, type ResultKind };

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 500 }),
    kind: Type.Optional(Type.Enum(RESULT_KINDS)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchResult = Type.Object({
  kind: Type.Enum(RESULT_KINDS),
  /** The record's id (the meeting's for minutes and conclusions). */
  id: Type.Integer(),
  title: Type.String(),
  /** The title, escaped, with each match in <mark>. */
  titleHtml: Type.String(),
  /** The best passage, escaped, with each match in <mark>. */
  snippetHtml: Type.String(),
  /** Where the caller opens it: a workspace path, or the portal's page of a published article. */
  href: Type.String(),
  unitName: Nullable(Type.String()),
  at: Nullable(Type.String()),
});
export type SearchResult = Static<typeof SearchResult>;

export const SearchAnswer = Type.Object({
  items: Type.Array(SearchResult),
  /** The results the caller may open among the ranked matches. */
  total: Type.Integer(),
  /** True when there were more matches than were ranked. */
  more: Type.Boolean(),
  /** True when the search ran out of time: no results, and the reader is told so. */
  timedOut: Type.Boolean(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** The folded words searched for. */
  terms: Type.Array(Type.String()),
});
export type SearchAnswer = Static<typeof SearchAnswer>;
