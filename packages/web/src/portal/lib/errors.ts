import { ApiError, NETWORK_ERROR } from '../../api.ts';
import type { PortalT } from '../i18n.ts';

/**
 * What a failed request means, in plain words for the public: the common statuses are worded by the portal (rate
 * limit, too large, network); otherwise the server's own message, which is already plain Chinese.
 */
export function publicErrorMessage(err: unknown, t: PortalT): string {
  if (err instanceof ApiError) {
    if (err.code === NETWORK_ERROR) return t('error.network');
    if (err.status === 429) return t('error.rateLimited');
    if (err.status === 413) return t('error.tooLarge');
    if (err.status >= 500) return t('error.server');
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Field → message from a server `validation_failed` answer (`details: [{path: 'body/title', message}]`). */
export function serverFieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed' || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of err.details as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    const field = issue.path.replace(/^body\/?/, '').replace(/\//g, '.');
    if (field && !(field in out)) out[field] = issue.message;
  }
  return out;
}
