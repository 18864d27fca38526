import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Account, ItemList, RoleGrant } from './types';

export interface AccountFilters {
  q?: string;
  unitId?: number;
  active?: boolean;
}

const accountsKey = ['accounts'] as const;

export function useAccounts(filters: AccountFilters) {
  return useQuery({
    queryKey: [...accountsKey, filters],
    queryFn: async () => (await api.get<ItemList<Account>>('/accounts', { ...filters })).items,
    // Keep the table on screen while a new search loads instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function fetchAccount(id: number): Promise<Account> {
  return api.get<Account>(`/accounts/${id}`);
}

export interface NewAccount {
  username: string;
  password: string;
  fullName: string;
  position: string | null;
  roles: RoleGrant[];
}

export interface AccountChanges {
  fullName?: string;
  position?: string | null;
  active?: boolean;
  roles?: RoleGrant[];
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
