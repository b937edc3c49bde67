import { Descriptions, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { RegionName, UnitName } from '../../../components/Names.tsx';
import { useI18n } from '../../../i18n.tsx';
import type { ProblemDetail } from '../service.ts';

const LIGHT_COLORS = { green: 'green', yellow: 'gold', red: 'red' } as const;
const ESCALATION_COLORS = ['default', 'orange', 'volcano', 'red'] as const;

/** Title, state, warning light and the assignment (责任清单 row) of one problem. */
export function ProblemHeader({ problem, campaignTitle }: { problem: ProblemDetail; campaignTitle: string | null }) {
  const { t } = useI18n();
  const { flags, snapshot } = problem;
  const a = snapshot.assignment;
  const escalation = Math.min(3, Math.max(0, problem.escalation)) as 0 | 1 | 2 | 3;
  return (
    <header data-testid="problem-header">
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {problem.title}
      </Typography.Title>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        <Tag color="processing" data-testid="problem-state">
          {t(`problem.state.${problem.state}`)}
        </Tag>
        {flags.warning ? (
          <Tag color={LIGHT_COLORS[flags.warning]} data-testid="problem-warning">
            ●{' '}
            {flags.reasons.length > 0
              ? t('problem.field.lightWithReasons', {
                  light: t(`problem.warning.${flags.warning}`),
                  reasons: flags.reasons.map((r) => t(`problem.reason.${r}`)).join(t('problem.separator')),
                })
              : t(`problem.warning.${flags.warning}`)}
          </Tag>
        ) : null}
        {flags.overdueDays > 0 ? (
          <Tag color="red">
            {t('problem.field.overdue')} {t('problem.field.overdueDays', { days: flags.overdueDays })}
          </Tag>
        ) : flags.daysLeft !== null && flags.warning ? (
          <Tag>{t('problem.field.daysLeft', { days: flags.daysLeft })}</Tag>
        ) : null}
        {escalation > 0 ? (
          <Tag color={ESCALATION_COLORS[escalation]} data-testid="problem-escalation">
            {t(`problem.escalation.${escalation}`)}
          </Tag>
        ) : null}
      </Space>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'lead', label: t('problem.field.leadUnit'), children: <UnitName id={a?.leadUnitId} /> },
          {
            key: 'co',
            label: t('problem.field.coUnits'),
            children: a?.coUnitIds.length ? (
              <Space wrap size={4} separator={t('problem.separator')}>
                {a.coUnitIds.map((id) => (
                  <UnitName key={id} id={id} />
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          { key: 'leader', label: t('problem.field.leader'), children: a?.responsibleLeader ?? '—' },
          { key: 'person', label: t('problem.field.person'), children: a?.responsiblePerson ?? '—' },
          {
            key: 'deadline',
            label: t('problem.field.deadline'),
            children: (
              <span data-testid="problem-deadline">
                {flags.deadline ?? '—'}
                {snapshot.extendedDeadline && a && a.deadline !== snapshot.extendedDeadline
                  ? t('problem.field.extended', { date: a.deadline })
                  : ''}
              </span>
            ),
          },
          {
            key: 'escalation',
            label: t('problem.field.escalation'),
            children: t(`problem.escalation.${escalation}`),
          },
          { key: 'campaign', label: t('problem.field.campaign'), children: campaignTitle ?? '—' },
          { key: 'source', label: t('problem.field.source'), children: t(`problem.source.${problem.source}`) },
          { key: 'region', label: t('problem.field.region'), children: <RegionName code={problem.regionCode} /> },
          { key: 'severity', label: t('problem.field.severity'), children: t(`problem.severity.${problem.severity}`) },
          { key: 'category', label: t('problem.field.category'), children: problem.category ?? '—' },
          { key: 'created', label: t('problem.field.createdAt'), children: formatDateTime(problem.createdAt) },
          { key: 'extensions', label: t('problem.field.extensions'), children: flags.extensions },
          { key: 'reopened', label: t('problem.field.reopened'), children: flags.reopened },
          ...(snapshot.pendingExtension
            ? [
                {
                  key: 'pending',
                  label: t('problem.section.extensions'),
                  children: t('problem.field.pendingExtension', { date: snapshot.pendingExtension.requestedDeadline }),
                },
              ]
            : []),
          {
            key: 'description',
            label: t('problem.field.description'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{problem.description}</span>,
            span: 'filled' as const,
          },
        ]}
      />
    </header>
  );
}
