import { useEffect, useState } from 'react';
import { formatDateTime } from '../../i18n/datetime.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { useVerifierKey } from '../../lib/ledger/useVerifierKey.ts';
import { checkInclusion, type ProofOutcome } from '../../lib/ledger/verify.ts';
import { usePortalI18n, type PortalKey } from '../i18n.ts';
import { getPublishedProblemProofs } from '../services/proofs.ts';

const EVENT_LABELS: Record<string, PortalKey> = {
  'problem.plan_submitted': 'record.event.plan',
  'problem.progress_reported': 'record.event.progress',
  'problem.verified': 'record.event.verified',
};

type Overall = 'checking' | 'verified' | 'failed' | 'unsupported' | 'waiting' | 'none';

/** 已验证 only when every public event in a checkpoint verified (signature and root); any failure wins. */
function overall(outcomes: readonly ProofOutcome[] | null): Overall {
  if (outcomes === null) return 'checking';
  if (outcomes.length === 0) return 'none';
  if (outcomes.includes('failed')) return 'failed';
  if (outcomes.includes('unsupported')) return 'unsupported';
  return outcomes.includes('verified') ? 'verified' : 'waiting';
}

const BADGE: Record<Overall, string> = {
  checking: 'badge',
  verified: 'badge badge-verified',
  failed: 'badge badge-failed',
  unsupported: 'badge',
  waiting: 'badge',
  none: 'badge',
};

/**
 * "在记录中已验证": this browser checks that the published parts of a problem are in the transparency log — the
 * checkpoint's Ed25519 signature against the log's published key, and each inclusion proof against its root — and
 * shows the key, the checkpoint and the proofs so anyone can check them elsewhere.
 */
export function RecordProof({ problemId, headingLevel = 2 }: { problemId: string; headingLevel?: 2 | 3 }) {
  const { t } = usePortalI18n();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const proofs = useRequest(() => getPublishedProblemProofs(problemId), [problemId]);
  const key = useVerifierKey();
  const [outcomes, setOutcomes] = useState<ProofOutcome[] | null>(null);

  useEffect(() => {
    let live = true;
    setOutcomes(null);
    const data = proofs.data;
    if (data && key !== undefined)
      void Promise.all(data.events.map((e) => checkInclusion(e, data.checkpoint, key))).then(
        (o) => live && setOutcomes(o),
      );
    return () => {
      live = false;
    };
  }, [proofs.data, key]);

  if (proofs.error !== null || (!proofs.data && !proofs.loading)) return null; // the page above reports errors
  const state = proofs.data ? overall(outcomes) : 'checking';
  const headingId = `record-${problemId}`;
  return (
    <section aria-labelledby={headingId} className="card record-proof" data-testid="record-proof" data-outcome={state}>
      <H id={headingId}>{t('record.title')}</H>
      <p role="status" aria-live="polite">
        <span className={BADGE[state]}>{t(`record.state.${state}`)}</span>
      </p>
      <p className="muted">{t(state === 'none' ? 'record.none' : 'record.intro')}</p>
      {proofs.data && proofs.data.events.length > 0 && (
        <ul className="record-events">
          {proofs.data.events.map((e, i) => (
            <li key={e.eventId} data-testid="record-event" data-outcome={outcomes?.[i] ?? 'checking'}>
              {t(EVENT_LABELS[e.type] ?? 'record.event.other')} · {formatDateTime(e.at)} ·{' '}
              {e.leafIndex === null ? t('record.notYet') : t('record.leaf', { index: e.leafIndex })} ·{' '}
              {t(`record.outcome.${outcomes?.[i] ?? 'checking'}`)}
            </li>
          ))}
        </ul>
      )}
      {proofs.data && (
        <details>
          <summary>{t('record.details')}</summary>
          <p>{t('record.keyHelp')}</p>
          <p className="code-inline record-key" data-testid="record-key">
            {key ? key.text : key === null ? t('record.noKey') : t('common.loading')}
          </p>
          {proofs.data.checkpoint && (
            <>
              <p>{t('record.checkpoint', { size: proofs.data.checkpoint.size })}</p>
              <pre className="record-note">{proofs.data.checkpoint.note}</pre>
            </>
          )}
          {proofs.data.events
            .filter((e) => e.inclusionProof !== null)
            .map((e) => (
              <div key={e.eventId} className="record-hashes">
                <p>{t('record.proofOf', { index: e.leafIndex ?? '?' })}</p>
                <pre>{[`leaf hash ${e.leafHash}`, ...(e.inclusionProof ?? [])].join('\n')}</pre>
              </div>
            ))}
        </details>
      )}
    </section>
  );
}
