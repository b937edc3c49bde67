import { useMemo } from 'react';
import { Alert, Card, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { SCORE_SOURCES, type ScoreSource, type UnitResult } from '@rectify/domain/campaign/scoring';
import { EChart } from '../../../components/charts/EChart.tsx';
import type { ChartOption } from '../../../components/charts/echarts.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { unitById } from '../../../services/org.ts';
import { getResults, type Campaign, type Scheme } from '../service.ts';
import { ComparisonPanel } from './ComparisonPanel.tsx';
import { chartValue, formatScore } from './format.ts';
import { IndicatorScores } from './IndicatorScores.tsx';

/**
 * 评议结果: units ranked by their weighted total, with the score from each source, as a table and a bar chart;
 * then the same scheme's results in other regions side by side.
 */
export function ResultsTab({ campaign, scheme }: { campaign: Campaign; scheme: Scheme | null }) {
  const { t } = useI18n();
  // Without a scheme there is nothing to weigh scores with; the server would refuse the request.
  if (!campaign.schemeId) return <Alert type="info" showIcon title={t('campaign.noScheme')} />;
  return <Results campaign={campaign} schemeId={campaign.schemeId} scheme={scheme} />;
}

function Results({ campaign, schemeId, scheme }: { campaign: Campaign; schemeId: string; scheme: Scheme | null }) {
  const { t } = useI18n();
  const results = useRequest(() => getResults(campaign.id), [campaign.id]);
  const ids = useMemo(() => results.data?.units.map((u) => u.unitId) ?? [], [results.data]);
  const names = useRequest(
    async () => new Map((await Promise.all(ids.map(unitById))).flatMap((u) => (u ? [[u.id, u.name] as const] : []))),
    [ids],
  );
  const nameMap = names.data;
  const nameOf = (id: string) => nameMap?.get(id) ?? `${id.slice(0, 8)}…`;

  const option = useMemo<ChartOption | null>(() => {
    const units = results.data?.units ?? [];
    if (units.length === 0) return null;
    const series: { key: 'total' | ScoreSource; pick: (u: UnitResult) => number | null }[] = [
      { key: 'total', pick: (u) => u.total },
      ...SCORE_SOURCES.map((s) => ({ key: s, pick: (u: UnitResult) => u.bySource[s] })),
    ];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 96 },
      xAxis: {
        type: 'category',
        data: units.map((u) => nameMap?.get(u.unitId) ?? `${u.unitId.slice(0, 8)}…`),
        axisLabel: { rotate: 30, interval: 0 },
      },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: series.map((s) => ({
        type: 'bar' as const,
        name: s.key === 'total' ? t('campaign.results.total') : t(`campaign.source.${s.key}`),
        data: units.map((u) => chartValue(s.pick(u))),
      })),
    };
    // Names arrive after the results; the chart is redrawn with them.
  }, [results.data, nameMap, t]);

  if (results.error) return <ErrorAlert error={results.error} onRetry={results.reload} />;
  if (!results.data) return <Skeleton active />;
  const data = results.data;
  const scored = data.units.some((u) => u.total !== null);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('campaign.results.schemeVersion', { version: data.schemeVersion })}
        {data.ignored > 0 ? ` · ${t('campaign.results.ignored', { count: data.ignored })}` : ''}
      </Typography.Text>
      {!scored && <Alert type="info" showIcon title={t('campaign.results.noScores')} />}
      <Table<UnitResult>
        rowKey="unitId"
        data-testid="results-table"
        size="small"
        dataSource={data.units}
        pagination={false}
        scroll={{ x: 720 }}
        expandable={
          scheme
            ? { expandedRowRender: (u) => <IndicatorScores nodes={scheme.indicators} scores={u.indicators} /> }
            : undefined
        }
        columns={[
          { title: t('campaign.results.rank'), dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
          { title: t('campaign.results.unit'), dataIndex: 'unitId', render: (id: string) => nameOf(id) },
          {
            title: t('campaign.results.total'),
            dataIndex: 'total',
            width: 100,
            render: (v: number | null) => <strong>{formatScore(v)}</strong>,
          },
          ...SCORE_SOURCES.map((s) => ({
            key: s,
            title: t(`campaign.source.${s}`),
            width: 110,
            render: (_: unknown, u: UnitResult) => formatScore(u.bySource[s]),
          })),
          {
            title: t('campaign.results.complete'),
            dataIndex: 'complete',
            width: 110,
            render: (ok: boolean) =>
              ok ? (
                <Tag color="success">{t('state.yes')}</Tag>
              ) : (
                <Tag color="warning">{t('campaign.results.partial')}</Tag>
              ),
          },
        ]}
      />
      {option && scored && (
        <Card size="small" title={t('campaign.results.chart')}>
          <EChart option={option} label={t('campaign.results.chart')} height={360} testId="results-chart" />
        </Card>
      )}
      <ComparisonPanel schemeId={schemeId} />
    </Space>
  );
}
