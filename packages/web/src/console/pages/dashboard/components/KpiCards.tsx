import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { KPI_NAMES, type KpiName } from '@rectify/domain/kpi/targets';
import type { KpiView } from '@rectify/domain/schemas/kpi';
import { useI18n } from '../../../i18n.tsx';
import { kpiDrillLink } from '../drill.ts';
import { formatCount, formatGap, formatKpiValue, formatTarget, kpiStatus, STATUS_COLOURS } from '../figures.ts';

type KpiFigure = KpiView['kpis'][KpiName];

/** One KPI against its target: the value, the target, the gap (red when behind) and what it counts. */
export function KpiCard({
  name,
  kpi,
  href,
  big = false,
}: {
  name: KpiName;
  kpi: KpiFigure;
  href: string | null;
  big?: boolean;
}) {
  const { t } = useI18n();
  const status = kpiStatus(kpi);
  const gap = formatGap(kpi, kpi.unit);
  const value = formatKpiValue(kpi.value, kpi.unit);
  const figure = (
    <span
      data-testid="kpi-value"
      style={{ fontSize: big ? 44 : 28, fontWeight: 600, color: STATUS_COLOURS[status], lineHeight: 1.2 }}
    >
      {value}
      {kpi.unit === 'hours' && kpi.value !== null ? (
        <span style={{ fontSize: big ? 20 : 14, marginInlineStart: 4 }}>{t('dashboard.hours')}</span>
      ) : null}
    </span>
  );
  return (
    <Card size="small" data-testid={`kpi-${name}`} data-status={status} style={{ height: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: big ? 18 : 14 }}>
        {t(`dashboard.kpi.${name}`)}
      </Typography.Text>
      <div>
        {href ? (
          <Link
            to={href}
            title={t('dashboard.drill')}
            aria-label={`${t(`dashboard.kpi.${name}`)} ${value} · ${t('dashboard.drill')}`}
            style={{ color: 'inherit' }}
          >
            {figure}
          </Link>
        ) : (
          figure
        )}
      </div>
      <div style={{ fontSize: big ? 16 : 12 }}>
        <Typography.Text type="secondary">
          {kpi.target === null
            ? t('dashboard.noTarget')
            : t('dashboard.target', {
                target: `${formatTarget(kpi.target, kpi.unit)}${kpi.unit === 'hours' ? ` ${t('dashboard.hours')}` : ''}`,
              })}
        </Typography.Text>
        {' · '}
        {status === 'behind' && gap ? (
          <Typography.Text type="danger" data-testid="kpi-gap">
            {t(kpi.unit === 'ratio' ? 'dashboard.gap.ratio' : 'dashboard.gap.hours', { gap })}
          </Typography.Text>
        ) : status === 'met' ? (
          <Typography.Text type="success">{t('dashboard.met')}</Typography.Text>
        ) : status === 'noData' ? (
          <Typography.Text type="secondary">{t('dashboard.noData')}</Typography.Text>
        ) : null}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: big ? 14 : 12 }} data-testid="kpi-fraction">
        {kpi.unit === 'hours'
          ? t('dashboard.median', { count: formatCount(kpi.denominator) })
          : t('dashboard.fraction', {
              numerator: formatCount(kpi.numerator),
              denominator: formatCount(kpi.denominator),
            })}
      </Typography.Text>
    </Card>
  );
}

/** Every KPI of DESIGN §5, in the order of the design, each linking to the rows behind it. */
export function KpiCards({
  kpis,
  region,
  ownRegion,
  big,
}: {
  kpis: KpiView['kpis'];
  region: string;
  ownRegion: string;
  big: boolean;
}) {
  return (
    <Row gutter={[12, 12]}>
      {KPI_NAMES.map((name) => (
        <Col key={name} xs={12} md={8} xl={big ? 4 : 6} xxl={4}>
          <KpiCard name={name} kpi={kpis[name]} href={kpiDrillLink(name, region, ownRegion)} big={big} />
        </Col>
      ))}
    </Row>
  );
}
