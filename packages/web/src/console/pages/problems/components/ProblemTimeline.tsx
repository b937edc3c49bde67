import { Empty, Tag, Timeline, Typography } from 'antd';
import { PROBLEM_STATES, type ProblemState } from '@rectify/domain/problem/states';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { useI18n } from '../../../i18n.tsx';
import { eventSentence, type UnitNames } from '../lib/eventSentence.ts';
import type { EvidenceFile } from '../../../services/evidence.ts';
import type { ProblemEvent, SubjectProofs } from '../service.ts';
import { EvidenceList } from '../../../components/evidence/EvidenceList.tsx';
import { ProofStatus } from './ProofStatus.tsx';

const COLORS: Record<string, string> = {
  'problem.rejected': 'gray',
  'problem.plan_returned': 'red',
  'problem.closure_returned': 'red',
  'problem.verification_failed': 'red',
  'problem.supervision_listed': 'red',
  'problem.verified': 'green',
  'problem.plan_approved': 'green',
};

const isState = (s: unknown): s is ProblemState => PROBLEM_STATES.includes(s as ProblemState);

/** Every event of the problem, oldest first: when, who and what in a sentence, state change, evidence, proof. */
export function ProblemTimeline({
  events,
  files,
  proofs,
  units,
}: {
  events: readonly ProblemEvent[];
  files: Record<string, EvidenceFile>;
  proofs: SubjectProofs | null;
  units: UnitNames;
}) {
  const { t } = useI18n();
  if (events.length === 0) return <Empty description={t('problem.section.empty')} />;
  const byEvent = new Map(proofs?.events.map((p) => [p.eventId, p]));
  return (
    <Timeline
      data-testid="problem-timeline"
      items={events.map((e) => {
        const p = (e.payload ?? {}) as { from?: unknown; to?: unknown };
        const moved = isState(p.from) && isState(p.to) && p.from !== p.to;
        return {
          key: e.id,
          color: COLORS[e.type] ?? 'blue',
          content: (
            <div data-testid="timeline-event" data-type={e.type}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at)}
              </Typography.Text>
              <div data-testid="event-sentence">{eventSentence(e, t, units)}</div>
              {moved ? (
                <Tag style={{ marginTop: 4 }}>
                  {t('problem.event.stateChange', {
                    from: t(`problem.state.${p.from as ProblemState}`),
                    to: t(`problem.state.${p.to as ProblemState}`),
                  })}
                </Tag>
              ) : null}
              <EvidenceList hashes={e.evidence} files={files} />
              <div style={{ marginTop: 4 }}>
                <ProofStatus proof={byEvent.get(e.id)} checkpoint={proofs?.checkpoint ?? null} />
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
