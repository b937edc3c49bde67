import { vi } from 'vitest';

export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
}

/**
 * Replaces `fetch` with a stub answering `answer(url)` as JSON (status 200 unless given) and returns the list of
 * requests sent, JSON bodies parsed. Undo with `vi.unstubAllGlobals()`.
 */
export function stubFetch(answer: (url: string) => { status?: number; body: unknown }): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      sent.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : null });
      const { status = 200, body } = answer(url);
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}
