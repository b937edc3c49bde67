/**
 * Minimal API client shared by portal and console: JSON in/out, the CSRF header on writes (the token comes with
 * sign-in and with `GET /api/auth/me`), and the server's own error message on failure (docs/api.md).
 */
let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0 means the request never reached the server; the UI words that itself. */
export const NETWORK_ERROR = 'network_error';

/** Called when a request that needed a session gets 401 (expired or revoked): the console shows sign-in again. */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/units` + `{q:'x', page:2}` → `/api/units?q=x&page=2`; empty values are left out. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file upload) sets its own multipart content type with the boundary.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, NETWORK_ERROR, (err as Error).message);
  }
  const data = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; details?: unknown };
    csrfToken?: string | null;
  } | null;
  if (!res.ok) {
    const code = data?.error?.code ?? 'error';
    if (res.status === 401 && (code === 'unauthorized' || code === 'session_expired') && path !== '/api/auth/me') {
      onSessionLost?.();
    }
    throw new ApiError(res.status, code, data?.error?.message ?? `HTTP ${res.status}`, data?.error?.details);
  }
  if (data && typeof data.csrfToken === 'string') csrfToken = data.csrfToken;
  return data as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
