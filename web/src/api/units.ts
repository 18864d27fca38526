import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { ItemList, MoveUnit, NewUnit, Unit, UnitChanges } from './types';

export const unitsKey = ['units'] as const;

export function useUnits() {
  return useQuery({
    queryKey: unitsKey,
    queryFn: async () => (await api.get<ItemList<Unit>>('/units')).items,
  });
}

/** Puts a saved unit into the cached list at once, so the next save sends its new version. */
function storeUnit(queryClient: QueryClient, unit: Unit): void {
  queryClient.setQueryData<Unit[]>(unitsKey, (old) =>
    old?.some((u) => u.id === unit.id)
      ? old.map((u) => (u.id === unit.id ? unit : u))
      : [...(old ?? []), unit],
  );
}

/** Reads one unit fresh from the server (after a conflict) and updates the cached list. */
export async function reloadUnit(queryClient: QueryClient, id: number): Promise<Unit> {
  const unit = await api.get<Unit>(`/units/${id}`);
  storeUnit(queryClient, unit);
  return unit;
}

export function useUnitMutations() {
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: unitsKey });
  const create = useMutation({
    mutationFn: (body: NewUnit) => api.post<Unit>('/units', body),
    onSuccess: (unit) => storeUnit(queryClient, unit),
    onSettled: settle,
  });
  const update = useMutation({
    mutationFn: ({ id, version, ...changes }: UnitChanges & { id: number; version: number }) =>
      api.patch<Unit>(`/units/${id}`, { version, ...changes }),
    onSuccess: (unit) => storeUnit(queryClient, unit),
    onSettled: settle,
  });
  const move = useMutation({
    mutationFn: ({ id, ...body }: MoveUnit & { id: number }) =>
      api.post<Unit>(`/units/${id}/move`, body),
    onSuccess: (unit) => storeUnit(queryClient, unit),
    // Siblings' sort orders change too: only a full reload shows the new order.
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/units/${id}`),
    onSettled: settle,
  });
  return { create, update, move, remove };
}
