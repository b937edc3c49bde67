import { Table } from 'antd';
import { useNavigate } from 'react-router';
import type { RegionKpiView, UnitKpiView } from '@rectify/domain/schemas/kpi';
import { UnitName } from '../../../components/Names.tsx';
import { useI18n } from '../../../i18n.tsx';
import { problemListLink, problemRegionParam } from '../drill.ts';
import { formatCount, formatKpiValue, kpiStatus, STATUS_COLOURS } from '../figures.ts';

type RegionRow = RegionKpiView['items'][number];
type UnitRow = UnitKpiView['items'][number] & { rank: number };

const rate = (r: { value: number | null; target: number | null; meetsTarget: boolean | null } | undefined) =>
  r ? <span style={{ color: STATUS_COLOURS[kpiStatus(r)] }}>{formatKpiValue(r.value, 'ratio')}</span> : '—';

/** Child regions ranked by completion; a row opens that region's problems. */
export function RegionRanking({ data, ownRegion }: { data: RegionKpiView; ownRegion: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Table<RegionRow>
      size="small"
      rowKey="regionCode"
      data-testid="region-ranking"
      dataSource={data.items}
      pagination={false}
      scroll={{ y: 320 }}
      onRow={(row) => ({
        onClick: () => navigate(problemListLink({ region: problemRegionParam(row.regionCode, ownRegion) })),
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: t('dashboard.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
        { title: t('dashboard.regionName'), dataIndex: 'name' },
        { title: t('dashboard.kpi.completion'), render: (_, r) => rate(r.kpis.completion) },
        { title: t('dashboard.kpi.satisfaction'), render: (_, r) => rate(r.kpis.satisfaction) },
        { title: t('dashboard.kpi.rebound'), render: (_, r) => rate(r.kpis.rebound) },
      ]}
    />
  );
}

/** Lead units ranked by their assessment score; a row opens the unit's problems. */
export function UnitRanking({ data }: { data: UnitKpiView }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const rows: UnitRow[] = data.items.map((item, i) => ({ ...item, rank: i + 1 }));
  return (
    <Table<UnitRow>
      size="small"
      rowKey="unitId"
      data-testid="unit-ranking"
      dataSource={rows}
      pagination={false}
      scroll={{ y: 320 }}
      onRow={(row) => ({
        onClick: () => navigate(problemListLink({ unit: row.unitId })),
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: t('dashboard.rank'), dataIndex: 'rank', width: 64 },
        { title: t('dashboard.unit'), dataIndex: 'unitId', render: (id: string) => <UnitName id={id} /> },
        {
          title: t('dashboard.score'),
          dataIndex: 'score',
          render: (s: number | null) => (s === null ? '—' : s.toFixed(1)),
        },
        { title: t('dashboard.problems'), dataIndex: 'problems', render: formatCount },
        { title: t('dashboard.kpi.completion'), render: (_, r) => rate(r.kpis.completion) },
      ]}
    />
  );
}
