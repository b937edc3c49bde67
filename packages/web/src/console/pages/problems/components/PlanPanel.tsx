import { Descriptions, Empty, Table, Tag, Typography } from 'antd';
import type { PlanVersion } from '@rectify/domain/problem/plan-diff';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { useI18n } from '../../../i18n.tsx';
import type { PlanRecord } from '../service.ts';
import { PlanDiff } from './PlanDiff.tsx';
import { PlainList } from './PlainList.tsx';

const REVIEW_COLORS = { approved: 'green', returned: 'red', pending: 'gold' } as const;

/** The plan in force (latest version) with its measures, the history of versions and their reviews, and the diff. */
export function PlanPanel({ versions }: { versions: readonly PlanRecord[] }) {
  const { t } = useI18n();
  const current = versions.at(-1);
  if (!current) return <Empty description={t('problem.plan.none')} />;
  return (
    <div data-testid="plan-panel">
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('problem.plan.current', { version: current.version })}{' '}
        <Tag color={REVIEW_COLORS[current.review.outcome]}>{t(`problem.plan.review.${current.review.outcome}`)}</Tag>
      </Typography.Title>
      <PlanView plan={current.plan} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('problem.diff.title')}
      </Typography.Title>
      <PlainList
        items={[...versions].reverse()}
        itemKey={(v) => v.version}
        render={(v) => (
          <>
            <div>
              <Typography.Text strong>{t('problem.plan.version', { version: v.version })}</Typography.Text>{' '}
              <Tag color={REVIEW_COLORS[v.review.outcome]}>{t(`problem.plan.review.${v.review.outcome}`)}</Tag>
              <Typography.Text type="secondary">
                {t('problem.plan.submitted', { by: v.submittedBy ?? '—', at: formatDateTime(v.submittedAt) })}
              </Typography.Text>
              {v.review.comments ? <div>{t('problem.plan.comments', { comments: v.review.comments })}</div> : null}
            </div>
          </>
        )}
      />
      <div style={{ marginTop: 16 }}>
        <PlanDiff versions={versions} />
      </div>
    </div>
  );
}

function PlanView({ plan }: { plan: PlanVersion }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        bordered
        items={[
          { key: 'goal', label: t('problem.plan.goal'), children: plan.goal, span: 'filled' },
          { key: 'rootCause', label: t('problem.plan.rootCause'), children: plan.rootCause, span: 'filled' },
          { key: 'deadline', label: t('problem.plan.deadline'), children: plan.deadline },
          { key: 'funds', label: t('problem.plan.funds'), children: plan.funds ?? '—' },
        ]}
      />
      <Table
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="n"
        dataSource={plan.measures.map((m, i) => ({ ...m, n: i + 1 }))}
        scroll={{ x: 480 }}
        columns={[
          { title: '#', dataIndex: 'n', width: 40 },
          { title: t('problem.plan.measure'), dataIndex: 'text' },
          { title: t('problem.plan.owner'), dataIndex: 'owner', width: 110 },
          { title: t('problem.plan.due'), dataIndex: 'due', width: 110 },
        ]}
      />
    </>
  );
}
