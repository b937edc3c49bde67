import { useMemo } from 'react';
import { Card, Skeleton, Space, Table } from 'antd';
import type { RegionComparisonRow } from '@rectify/domain/campaign/compare';
import { EChart } from '../../../components/charts/EChart.tsx';
import type { ChartOption } from '../../../components/charts/echarts.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { regionName } from '../../../services/org.ts';
import { getComparison } from '../service.ts';
import { chartValue, formatScore } from './format.ts';

/**
 * 跨地区比较: every campaign in the user's scope that used this scheme version, one row per campaign region —
 * mean, best and lowest total. Different scheme versions are refused by the server (not comparable) and its
 * reason is shown.
 */
export function ComparisonPanel({ schemeId }: { schemeId: string }) {
  const { t } = useI18n();
  const comparison = useRequest(() => getComparison(schemeId), [schemeId]);
  const rows = useMemo(() => comparison.data?.rows ?? [], [comparison.data]);
  const codes = useMemo(() => [...new Set(rows.map((r) => r.regionCode))], [rows]);
  const names = useRequest(
    async () => new Map(await Promise.all(codes.map(async (c) => [c, await regionName(c)] as const))),
    [codes],
  );
  const nameMap = names.data;
  const nameOf = (code: string) => nameMap?.get(code) ?? code;
  const indicatorKeys = useMemo(() => [...new Set(rows.flatMap((r) => Object.keys(r.indicators)))].sort(), [rows]);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 40 },
      // Two campaigns of one region appear as two numbered bars of that region.
      xAxis: {
        type: 'category',
        data: rows.map(
          (r, i) => `${nameMap?.get(r.regionCode) ?? r.regionCode}${rows.length > codes.length ? ` #${i + 1}` : ''}`,
        ),
      },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        { type: 'bar', name: t('campaign.comparison.mean'), data: rows.map((r) => chartValue(r.meanTotal)) },
        { type: 'bar', name: t('campaign.comparison.max'), data: rows.map((r) => chartValue(r.maxTotal)) },
        { type: 'bar', name: t('campaign.comparison.min'), data: rows.map((r) => chartValue(r.minTotal)) },
      ],
    }),
    [rows, codes, nameMap, t],
  );

  return (
    <Card size="small" title={t('campaign.comparison.title')} data-testid="comparison">
      {comparison.error ? (
        <ErrorAlert error={comparison.error} onRetry={comparison.reload} />
      ) : !comparison.data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {rows.some((r) => r.meanTotal !== null) && (
            <EChart option={option} label={t('campaign.comparison.title')} height={280} testId="comparison-chart" />
          )}
          <Table<RegionComparisonRow & { n: number }>
            rowKey="n"
            size="small"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={rows.map((r, n) => ({ ...r, n }))}
            columns={[
              { title: t('campaign.comparison.region'), dataIndex: 'regionCode', render: (c: string) => nameOf(c) },
              { title: t('campaign.comparison.units'), dataIndex: 'units', width: 90 },
              { title: t('campaign.comparison.mean'), dataIndex: 'meanTotal', render: formatScore },
              { title: t('campaign.comparison.max'), dataIndex: 'maxTotal', render: formatScore },
              { title: t('campaign.comparison.min'), dataIndex: 'minTotal', render: formatScore },
              ...indicatorKeys.map((k) => ({
                key: k,
                title: k,
                render: (_: unknown, r: RegionComparisonRow) => formatScore(r.indicators[k]),
              })),
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
