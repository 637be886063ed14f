import type { Me } from '@tiaodu/contracts';
import { api, ApiError, setCsrfToken } from '../../../api/client';

export type CurrentUser = Me['user'];

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me', { quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export async function login(username: string, password: string): Promise<Me> {
  const me = await api<Me>('/api/auth/login', { method: 'POST', body: { username, password }, quiet401: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  try {
    await api('/api/auth/logout', { method: 'POST', quiet401: true });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(oldPassword: string, newPassword: string): Promise<{ ok: boolean }> {
  return api('/api/auth/password', { method: 'POST', body: { oldPassword, newPassword } });
}
