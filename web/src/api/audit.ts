import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { AuditEntry, AuditQuery, Page } from './types';

export type AuditFilters = AuditQuery;

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { ...filters }),
    placeholderData: keepPreviousData,
  });
}
