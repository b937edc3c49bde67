import { useMemo, useState } from 'react';
import { Segmented, Table } from 'antd';
import type { KpiName } from '@rectify/domain/kpi/targets';
import type { KpiTrendView } from '@rectify/domain/schemas/kpi';
import { EChart } from '../../../components/charts/EChart.tsx';
import type { ChartOption } from '../../../components/charts/echarts.ts';
import { useI18n } from '../../../i18n.tsx';
import { formatKpiValue } from '../figures.ts';

const TREND_KPIS = ['completion', 'satisfaction', 'responseTime', 'rebound'] as const satisfies readonly KpiName[];
type TrendKpi = (typeof TREND_KPIS)[number];

/**
 * One KPI month by month as bars (each month computed over that month alone), the target as a second series; the
 * same figures as a table for screen readers and for reading exact values.
 */
export function TrendChart({ data, dark, height }: { data: KpiTrendView; dark: boolean; height: number }) {
  const { t } = useI18n();
  const [kpi, setKpi] = useState<TrendKpi>('completion');
  const unit = kpi === 'responseTime' ? 'hours' : 'ratio';
  const option = useMemo<ChartOption>(() => {
    const scale = (v: number | null) =>
      v === null ? null : unit === 'ratio' ? Math.round(v * 1000) / 10 : Math.round(v * 10) / 10;
    const text = dark ? '#e6e6e6' : '#595959';
    return {
      backgroundColor: 'transparent',
      textStyle: { color: text },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: text } },
      grid: { left: 48, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: data.months.map((m) => m.month), axisLabel: { color: text } },
      yAxis: { type: 'value', axisLabel: { color: text, formatter: unit === 'ratio' ? '{value}%' : '{value}' } },
      series: [
        {
          type: 'bar',
          name: t(`dashboard.kpi.${kpi}`),
          data: data.months.map((m) => scale(m.kpis[kpi].value)),
          itemStyle: { color: '#b71c1c' },
        },
        {
          type: 'bar',
          name: t('dashboard.targetSeries'),
          data: data.months.map((m) => scale(m.kpis[kpi].target)),
          itemStyle: { color: dark ? '#5b5b5b' : '#d9d9d9' },
        },
      ],
    };
  }, [data, kpi, dark, t, unit]);

  return (
    <div data-testid="kpi-trend">
      <Segmented<TrendKpi>
        size="small"
        value={kpi}
        onChange={setKpi}
        options={TREND_KPIS.map((k) => ({ value: k, label: t(`dashboard.kpi.${k}`) }))}
      />
      <EChart option={option} height={height} label={t('dashboard.trendLabel', { kpi: t(`dashboard.kpi.${kpi}`) })} />
      <details>
        <summary>{t('dashboard.trendLabel', { kpi: t(`dashboard.kpi.${kpi}`) })}</summary>
        <Table
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={data.months}
          columns={[
            { title: t('dashboard.month'), dataIndex: 'month' },
            {
              title: t(`dashboard.kpi.${kpi}`),
              render: (_, m: KpiTrendView['months'][number]) => formatKpiValue(m.kpis[kpi].value, unit),
            },
          ]}
        />
      </details>
    </div>
  );
}
