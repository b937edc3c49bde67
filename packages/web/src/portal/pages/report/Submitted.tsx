import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { PublicClueSubmitted } from '@rectify/domain/schemas/clues';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { usePortalI18n } from '../../i18n.ts';

/** The tracking code, large and copyable, the moment the report is stored. */
export function Submitted({ result, onAnother }: { result: PublicClueSubmitted; onAnother: () => void }) {
  const { t } = usePortalI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.trackingCode);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="card success" aria-labelledby="submitted-heading" data-testid="submitted">
      <h2 id="submitted-heading" tabIndex={-1} ref={heading}>
        {t('submitted.title')}
      </h2>
      <p>{t('submitted.keepCode')}</p>
      <p className="code-label" id="code-label">
        {t('submitted.code')}
      </p>
      <p className="tracking-code" aria-describedby="code-label" data-testid="tracking-code">
        {result.trackingCode}
      </p>
      <p className="muted">{t('submitted.receivedAt', { time: formatDateTime(result.receivedAt) })}</p>
      <div className="row">
        <button type="button" className="btn btn-secondary" onClick={() => void copy()}>
          {t('submitted.copy')}
        </button>
        <Link className="btn btn-primary" to={`/track/${result.trackingCode}`}>
          {t('submitted.trackNow')}
        </Link>
      </div>
      <p role="status" aria-live="polite">
        {copied === 'ok' ? t('submitted.copied') : copied === 'failed' ? t('submitted.copyFailed') : ''}
      </p>
      <button type="button" className="btn btn-link" onClick={onAnother}>
        {t('submitted.another')}
      </button>
    </section>
  );
}
