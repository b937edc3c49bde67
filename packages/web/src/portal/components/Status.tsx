import type { ReactNode } from 'react';
import { usePortalI18n } from '../i18n.ts';
import { publicErrorMessage } from '../lib/errors.ts';

/** A loading line screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const { t } = usePortalI18n();
  return (
    <p className="status-line" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed request in plain words, with a retry when one makes sense. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = usePortalI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{publicErrorMessage(error, t)}</p>
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
