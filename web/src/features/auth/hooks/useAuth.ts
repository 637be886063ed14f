import { useQuery } from '@tanstack/react-query';
import type { Permission } from '@tiaodu/contracts';
import { fetchMe } from '../api/auth';

export const ME_KEY = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser() {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data.user;
}

/** Whether the signed-in user holds a permission key (from /api/auth/me). */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  const perms = data?.user.permissions ?? [];
  return (permission) => perms.includes(permission);
}
