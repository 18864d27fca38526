import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../api';
import type { Static } from 'typebox';
import type {
  ChangePasswordBody,
  LoginBody,
  Me as MeResponse,
} from '../../../src/units/accounts.schema.ts';
import type { Me } from './types';

export const meKey = ['auth', 'me'] as const;

/**
 * Switches the cache to another session (a user, or none): nothing cached for the previous user
 * may show to the next one. The user is set first, so the signed-in pages unmount before their
 * data disappears.
 */
export function resetSession(queryClient: QueryClient, user: Me | null): void {
  queryClient.setQueryData(meKey, user);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
}

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return (await api.get<Static<typeof MeResponse>>('/auth/me')).user;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** Provided by RequireAuth: below it there is always a user, even while signing out. */
export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in user, for components under RequireAuth. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside RequireAuth');
  return user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<Static<typeof MeResponse>>('/auth/login', body),
    onSuccess: ({ user }) => resetSession(queryClient, user),
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // A fresh page load: nothing of this session survives in memory, and the login page does
    // not offer to return to where the previous user was.
    onSettled: () => window.location.replace(`${import.meta.env.BASE_URL}login`),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<void>('/auth/password', body),
  });
}
