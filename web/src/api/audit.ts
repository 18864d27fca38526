import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { AuditEntry, Page } from './types';

export interface AuditFilters {
  entityType?: string;
  action?: string;
  actorId?: number;
  q?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  /** YYYY-MM-DD, inclusive */
  to?: string;
  page: number;
  pageSize: number;
}

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { ...filters }),
    placeholderData: keepPreviousData,
  });
}
