import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type {
  ResultKind,
  SearchAnswer,
  SearchQuery,
  SearchResult,
} from '../../../../src/search/search.schema.ts';

export type { ResultKind, SearchAnswer, SearchResult };

/** Every kind, in the filter's order (checked against the server's list by the typecheck). */
export const RESULT_KINDS = [
  'report',
  'proposal',
  'minutes',
  'conclusion',
  'task',
  'article',
] as const satisfies readonly ResultKind[];
type Missing = Exclude<ResultKind, (typeof RESULT_KINDS)[number]>;
const everyKind: Missing extends never ? true : false = true;
void everyKind;

/** The workspace search: what the signed-in person may open, best first. */
export function useSearch(query: SearchQuery) {
  return useQuery({
    queryKey: ['search', query],
    queryFn: () => api.get<SearchAnswer>('/search', { ...query }),
    enabled: query.q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}
