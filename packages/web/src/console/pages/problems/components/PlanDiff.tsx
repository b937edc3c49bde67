import { useState } from 'react';
import { Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { diffPlans, type PlanChange, type PlanVersion } from '@rectify/domain/problem/plan-diff';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import { useI18n, type T } from '../../../i18n.tsx';
import type { PlanRecord } from '../service.ts';

type Measure = PlanVersion['measures'][number];

const KIND_STYLE = {
  added: { tag: 'green', background: '#f6ffed' },
  removed: { tag: 'red', background: '#fff1f0' },
  changed: { tag: 'gold', background: '#fffbe6' },
} as const;

const FIELD_KEYS: Record<Exclude<PlanChange['field'], 'measure'>, MessageKey> = {
  goal: 'problem.plan.goal',
  rootCause: 'problem.plan.rootCause',
  deadline: 'problem.plan.deadline',
  funds: 'problem.plan.funds',
};

interface Row {
  key: number;
  kind: keyof typeof KIND_STYLE;
  field: string;
  before: string | null;
  after: string | null;
}

const measureText = (m: Measure, t: T) => t('problem.diff.measure', { text: m.text, owner: m.owner, due: m.due });

function rowsOf(changes: PlanChange[], t: T): Row[] {
  return changes.map((c, key) => {
    if (c.field !== 'measure') {
      const show = (v: unknown) => (v === null || v === undefined ? t('problem.diff.empty') : String(v));
      return { key, kind: 'changed', field: t(FIELD_KEYS[c.field]), before: show(c.before), after: show(c.after) };
    }
    const field = t('problem.plan.measure');
    if (c.change !== 'changed') {
      const text = measureText(c.measure, t);
      return c.change === 'added'
        ? { key, kind: 'added', field, before: null, after: text }
        : { key, kind: 'removed', field, before: text, after: null };
    }
    return { key, kind: 'changed', field, before: measureText(c.before, t), after: measureText(c.after, t) };
  });
}

/**
 * Compares any two versions of the plan with the domain's own diff (the one the server uses for its summaries):
 * changed fields, and measures added, removed or changed, each highlighted.
 */
export function PlanDiff({ versions }: { versions: readonly PlanRecord[] }) {
  const { t } = useI18n();
  const last = versions.length;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  if (versions.length < 2) return <Typography.Text type="secondary">{t('problem.diff.needTwo')}</Typography.Text>;

  const planOf = (v: number) => versions.find((x) => x.version === v)?.plan;
  const before = planOf(from);
  const after = planOf(to);
  const rows = before && after ? rowsOf(diffPlans(before, after), t) : [];
  const options = versions.map((v) => ({ value: v.version, label: t('problem.plan.version', { version: v.version }) }));

  return (
    <div data-testid="plan-diff">
      <Space wrap style={{ marginBottom: 12 }}>
        {t('problem.diff.from')}
        <Select
          aria-label={t('problem.diff.from')}
          value={from}
          onChange={setFrom}
          options={options}
          style={{ width: 120 }}
        />
        {t('problem.diff.to')}
        <Select
          aria-label={t('problem.diff.to')}
          value={to}
          onChange={setTo}
          options={options}
          style={{ width: 120 }}
        />
      </Space>
      {rows.length === 0 ? (
        <Empty description={t('problem.diff.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          scroll={{ x: 520 }}
          onRow={(r) => ({ style: { background: KIND_STYLE[r.kind].background }, 'data-kind': r.kind }) as never}
          columns={[
            {
              title: t('problem.diff.field'),
              key: 'field',
              width: 130,
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={KIND_STYLE[r.kind].tag}>{t(`problem.diff.${r.kind}`)}</Tag>
                  {r.field}
                </Space>
              ),
            },
            {
              title: t('problem.diff.before'),
              dataIndex: 'before',
              render: (v: string | null) => (v === null ? '' : <Typography.Text delete>{v}</Typography.Text>),
            },
            {
              title: t('problem.diff.after'),
              dataIndex: 'after',
              render: (v: string | null) => (v === null ? '' : <Typography.Text strong>{v}</Typography.Text>),
            },
          ]}
        />
      )}
    </div>
  );
}
