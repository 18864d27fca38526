import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Account, AccountChanges, AccountFilter, NewAccount, Page } from './types';

export type AccountFilters = AccountFilter & { page: number; pageSize: number };

const accountsKey = ['accounts'] as const;

export function useAccounts(filters: AccountFilters) {
  return useQuery({
    queryKey: [...accountsKey, filters],
    queryFn: () => api.get<Page<Account>>('/accounts', { ...filters }),
    // Keep the table on screen while a new search loads instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function fetchAccount(id: number): Promise<Account> {
  return api.get<Account>(`/accounts/${id}`);
}

export function useAccountMutations() {
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: accountsKey });
  const create = useMutation({
    mutationFn: (body: NewAccount) => api.post<Account>('/accounts', body),
    onSettled: settle,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: AccountChanges & { id: number; version: number }) =>
      api.patch<Account>(`/accounts/${id}`, body),
    onSettled: settle,
  });
  const resetPassword = useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) =>
      api.post<void>(`/accounts/${id}/reset-password`, { newPassword }),
  });
  return { create, update, resetPassword };
}
