import { useEffect, useState } from 'react';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../i18n.tsx';
import { useVerifierKey } from '../../../../lib/ledger/useVerifierKey.ts';
import { checkEventProof, type ProofOutcome } from '../../../../lib/ledger/verify.ts';
import type { EventProof, SubjectProofs } from '../service.ts';

/**
 * The ledger status of one event: 已存证 with its leaf index and the checkpoint size, and 已验证 only once this
 * browser has checked the checkpoint's signature with the log's published key and recomputed the inclusion proof
 * against its root.
 */
export function ProofStatus({
  proof,
  checkpoint,
}: {
  proof: EventProof | undefined;
  checkpoint: SubjectProofs['checkpoint'];
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<ProofOutcome | 'checking'>('checking');
  const key = useVerifierKey();

  useEffect(() => {
    let live = true;
    setOutcome('checking');
    if (proof && key !== undefined) void checkEventProof(proof, checkpoint, key).then((o) => live && setOutcome(o));
    return () => {
      live = false;
    };
  }, [proof, checkpoint, key]);

  if (!proof || proof.status === 'pending') return <Tag data-testid="proof-status">{t('problem.proof.pending')}</Tag>;
  if (proof.status === 'sequenced' || !checkpoint)
    return <Tag data-testid="proof-status">{t('problem.proof.sequenced')}</Tag>;
  return (
    <Space size={4} wrap data-testid="proof-status" data-outcome={outcome}>
      <Tag color="blue">{t('problem.proof.recorded')}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('problem.proof.detail', { index: proof.leafIndex ?? '?', size: checkpoint.size })}
      </Typography.Text>
      <Tooltip title={`${t('problem.proof.help')} ${t('problem.proof.key', { key: key?.text ?? '—' })}`}>
        {outcome === 'verified' ? (
          <Tag color="green">{t('problem.proof.verified')}</Tag>
        ) : outcome === 'checking' ? (
          <Tag>{t('problem.proof.checking')}</Tag>
        ) : outcome === 'unsupported' ? (
          <Tag color="orange">{t('problem.proof.unsupported')}</Tag>
        ) : (
          <Tag color="red">{t('problem.proof.failed')}</Tag>
        )}
      </Tooltip>
    </Space>
  );
}
