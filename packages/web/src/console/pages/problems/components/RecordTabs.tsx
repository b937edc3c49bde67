import { Empty, Progress, Tabs, Typography } from 'antd';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { useI18n } from '../../../i18n.tsx';
import { eventSentence, type UnitNames } from '../lib/eventSentence.ts';
import type { EvidenceFile } from '../../../services/evidence.ts';
import type { ProblemEvent } from '../service.ts';
import { EvidenceList } from '../../../components/evidence/EvidenceList.tsx';
import { PlainList } from './PlainList.tsx';

/** The record sections of the page, each a view of the events of some types. */
const SECTIONS: { key: string; title: MessageKey; types: string[] }[] = [
  { key: 'progress', title: 'problem.section.progress', types: ['problem.progress_reported'] },
  {
    key: 'supervision',
    title: 'problem.section.supervision',
    types: ['problem.urged', 'problem.supervised', 'problem.supervision_listed', 'problem.instructed'],
  },
  {
    key: 'extensions',
    title: 'problem.section.extensions',
    types: ['problem.extension_requested', 'problem.extension_decided'],
  },
  { key: 'disputes', title: 'problem.section.disputes', types: ['problem.disputed', 'problem.dispute_decided'] },
  {
    key: 'verification',
    title: 'problem.section.verification',
    types: [
      'problem.closure_requested',
      'problem.closure_accepted',
      'problem.closure_returned',
      'problem.verified',
      'problem.verification_failed',
    ],
  },
  { key: 'ratings', title: 'problem.section.ratings', types: ['problem.rated'] },
  { key: 'lookbacks', title: 'problem.section.lookbacks', types: ['problem.looked_back'] },
];

/**
 * Progress reports, supervision and instructions, extensions, disputes, closure and verification (with photos and
 * their EXIF time and place), ratings and look-backs: newest first, each tab counting its records.
 */
export function RecordTabs({
  events,
  files,
  units,
}: {
  events: readonly ProblemEvent[];
  files: Record<string, EvidenceFile>;
  units: UnitNames;
}) {
  const { t } = useI18n();
  return (
    <Tabs
      data-testid="record-tabs"
      items={SECTIONS.map((s) => {
        const records = events.filter((e) => s.types.includes(e.type)).reverse();
        return {
          key: s.key,
          label: `${t(s.title)} (${records.length})`,
          children:
            records.length === 0 ? (
              <Empty description={t('problem.section.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <PlainList
                items={records}
                itemKey={(e) => e.id}
                render={(e) => (
                  <>
                    <div style={{ width: '100%' }}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.at)}
                      </Typography.Text>
                      <div>{eventSentence(e, t, units)}</div>
                      {e.type === 'problem.progress_reported' ? <ProgressDetails event={e} /> : null}
                      <EvidenceList hashes={e.evidence} files={files} />
                    </div>
                  </>
                )}
              />
            ),
        };
      })}
    />
  );
}

function ProgressDetails({ event }: { event: ProblemEvent }) {
  const { t } = useI18n();
  const input = ((event.payload ?? {}) as { input?: Record<string, unknown> }).input ?? {};
  return (
    <>
      {typeof input.percent === 'number' ? <Progress percent={input.percent} size="small" /> : null}
      {typeof input.nextSteps === 'string' ? (
        <div>{t('problem.labelled', { label: t('problem.form.nextSteps'), value: input.nextSteps })}</div>
      ) : null}
      {typeof input.fundsSpent === 'number' ? (
        <div>{t('problem.labelled', { label: t('problem.form.fundsSpent'), value: input.fundsSpent })}</div>
      ) : null}
    </>
  );
}
