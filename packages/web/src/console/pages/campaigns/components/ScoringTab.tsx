import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, InputNumber, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import type { Role } from '@rectify/domain/roles';
import { scoreInput, scoresBody } from '@rectify/domain/campaign/schemas';
import type { ScoreSource } from '@rectify/domain/campaign/scoring';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { UnitName } from '../../../components/Names.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { useI18n } from '../../../i18n.tsx';
import { useSignedIn } from '../../../session.tsx';
import { getScoreSheet, submitScores, type Campaign, type Scheme } from '../service.ts';
import { leavesOf } from './leaves.ts';

/** The source each role scores as (the server derives the same from the role): staff enter the public survey. */
const SOURCE_OF_ROLE: Partial<Record<Role, ScoreSource>> = {
  member: 'member',
  evaluator: 'evaluator',
  cppcc_staff: 'public',
};

const cellKey = (unitId: string, indicatorKey: string) => `${unitId}|${indicatorKey}`;

/**
 * 评分表: every target unit against every leaf indicator of the campaign's scheme, 0–100. It opens with what this
 * rater (or, for staff, the public survey) submitted before; submitting replaces that sheet as a whole.
 */
export function ScoringTab({
  campaign,
  scheme,
  schemesLoading,
}: {
  campaign: Campaign;
  scheme: Scheme | null;
  schemesLoading: boolean;
}) {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const sources = [...new Set(me.grants.flatMap((g) => SOURCE_OF_ROLE[g.role as Role] ?? []))];
  const [source, setSource] = useState<ScoreSource | undefined>(sources[0]);

  if (!source) return <Alert type="info" showIcon title={t('campaign.scoring.noSource')} />;
  if (!scheme)
    return schemesLoading ? <Skeleton active /> : <Alert type="warning" showIcon title={t('campaign.noScheme')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {sources.length > 1 && (
        <Segmented<ScoreSource>
          value={source}
          onChange={setSource}
          options={sources.map((s) => ({ value: s, label: t(`campaign.source.${s}`) }))}
        />
      )}
      <ScoreSheetForm key={source} campaign={campaign} scheme={scheme} source={source} />
    </Space>
  );
}

function ScoreSheetForm({ campaign, scheme, source }: { campaign: Campaign; scheme: Scheme; source: ScoreSource }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sheet = useRequest(() => getScoreSheet(campaign.id, source), [campaign.id, source]);
  const leaves = useMemo(() => leavesOf(scheme.indicators), [scheme]);
  const [values, setValues] = useState<Map<string, number | null>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const open = campaign.phase === 'scoring';

  useEffect(() => {
    if (sheet.data) setValues(new Map(sheet.data.scores.map((s) => [cellKey(s.unitId, s.indicatorKey), s.value])));
  }, [sheet.data]);

  const filled = campaign.targetUnitIds.flatMap((unitId) =>
    leaves.flatMap((l) => {
      const value = values.get(cellKey(unitId, l.key));
      return value == null ? [] : [{ unitId, indicatorKey: l.key, value }];
    }),
  );

  async function submit() {
    setError(null);
    const parsed = scoresBody.safeParse({ source, scores: filled });
    if (!parsed.success) {
      setFormErrors([...new Set(parsed.error.issues.map((i) => i.message))]);
      return;
    }
    setFormErrors([]);
    setBusy(true);
    try {
      const { saved } = await submitScores(campaign.id, parsed.data);
      message.success(t('campaign.scoring.submitted', { count: saved }));
      sheet.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (sheet.error) return <ErrorAlert error={sheet.error} onRetry={sheet.reload} />;
  if (!sheet.data) return <Skeleton active />;
  if (campaign.targetUnitIds.length === 0) return <Empty description={t('campaign.noTargets')} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!open && <Alert type="info" showIcon title={t('campaign.scoring.closed')} />}
      <Typography.Text type="secondary" data-testid="score-sheet-status">
        {sheet.data.submittedAt
          ? t('campaign.scoring.previous', {
              count: sheet.data.scores.length,
              at: formatDateTime(sheet.data.submittedAt),
            })
          : t('campaign.scoring.none')}
      </Typography.Text>
      {error ? <ErrorAlert error={error} /> : null}
      {formErrors.map((e) => (
        <Alert key={e} type="error" role="alert" title={e} />
      ))}
      <Table<{ unitId: string }>
        rowKey="unitId"
        data-testid="scoring-table"
        size="small"
        pagination={false}
        scroll={{ x: 200 + leaves.length * 130 }}
        dataSource={campaign.targetUnitIds.map((unitId) => ({ unitId }))}
        columns={[
          {
            title: t('campaign.results.unit'),
            dataIndex: 'unitId',
            fixed: 'left',
            width: 200,
            render: (id: string) => <UnitName id={id} />,
          },
          ...leaves.map((l) => ({
            key: l.key,
            title: (
              <span title={[...l.parents, l.name].join(' › ')}>
                {l.key} {l.name}
              </span>
            ),
            width: 130,
            render: (_: unknown, row: { unitId: string }) => {
              const key = cellKey(row.unitId, l.key);
              const value = values.get(key) ?? null;
              const bad = value !== null && !scoreInput.shape.value.safeParse(value).success;
              return (
                <InputNumber<number>
                  aria-label={t('campaign.scoring.cell', { indicator: `${l.key} ${l.name}` })}
                  value={value}
                  min={0}
                  max={100}
                  step={1}
                  disabled={!open}
                  status={bad ? 'error' : undefined}
                  onChange={(v) => setValues((m) => new Map(m).set(key, v))}
                  style={{ width: 100 }}
                />
              );
            },
          })),
        ]}
      />
      {open && (
        <Button type="primary" loading={busy} onClick={submit} data-testid="scores-submit">
          {t('campaign.scoring.submit', { count: filled.length })}
        </Button>
      )}
    </Space>
  );
}
