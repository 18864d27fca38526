import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type {
  ResultKind,
  SearchAnswer,
  SearchQuery,
  SearchResult,
} from '../../../../src/search/search.schema.ts';

export type { ResultKind, SearchAnswer, SearchResult };

export { RESULT_KINDS } from '../../../../src/search/kinds.ts';

/** The workspace search: what the signed-in person may open, best first. */
export function useSearch(query: SearchQuery) {
  return useQuery({
    queryKey: ['search', query],
    queryFn: () => api.get<SearchAnswer>('/search', { ...query }),
    enabled: query.q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}
