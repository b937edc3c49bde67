import { ApiError, NETWORK_ERROR } from '../../api.ts';
import type { T } from '../i18n.tsx';

/** The message to show for a failed request: the server's own words, except where the console words it better. */
export function errorMessage(err: unknown, t: T): string {
  if (err instanceof ApiError) {
    if (err.code === NETWORK_ERROR) return t('error.network');
    if (err.status === 409 && err.code === 'conflict' && hasCurrentVersion(err.details)) return t('error.stale');
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** A 409 from a versioned update carries `{currentVersion}`: the record changed since it was read. */
export function isStaleVersion(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && hasCurrentVersion(err.details);
}

function hasCurrentVersion(details: unknown): boolean {
  return typeof details === 'object' && details !== null && 'currentVersion' in details;
}
