import type { MeView } from '@rectify/domain/schemas/auth';
import { api, ApiError } from '../../api.ts';

export type { MeView };

/** The signed-in user, or null when there is no valid session (any 401). */
export async function fetchMe(): Promise<MeView | null> {
  try {
    return (await api<{ user: MeView; csrfToken: string | null }>('GET', '/api/auth/me')).user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export const signOut = () => api<{ ok: true }>('POST', '/api/auth/logout');
