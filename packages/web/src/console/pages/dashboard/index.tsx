import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Col, ConfigProvider, Row, Select, Space, theme, Typography } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { RegionName } from '../../components/Names.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { useSignedIn } from '../../session.tsx';
import { HotTopics } from './components/HotTopics.tsx';
import { KpiCards } from './components/KpiCards.tsx';
import { OpinionAlerts } from './components/OpinionAlerts.tsx';
import { ProblemTopList } from './components/ProblemTopList.tsx';
import { RegionRanking, UnitRanking } from './components/Rankings.tsx';
import { ScopeRegionSelect } from './components/ScopeRegionSelect.tsx';
import { Section } from './components/Section.tsx';
import { TrendChart } from './components/TrendChart.tsx';
import { WarningLights } from './components/WarningLights.tsx';
import { problemCounts, urgentProblems } from './counts.ts';
import { problemListLink, problemRegionParam } from './drill.ts';
import { PERIODS, periodRange, type PeriodChoice } from './period.ts';
import { scopeRoots } from './scope.ts';
import { getHotTopics, getKpis, getKpiTrend, getOpenAlerts, getRegionRanking, getUnitRanking } from './service.ts';
import { useFullscreen } from './useFullscreen.ts';

/** In full-screen mode (a meeting-room display) every figure is fetched again this often. */
const AUTO_REFRESH_MINUTES = 5;
const TREND_MONTHS = 12;
const HOT_TOPIC_WINDOW_DAYS = 30;
/** 大屏: dark, larger type, for a meeting-room display. */
const SCREEN_THEME = { algorithm: theme.darkAlgorithm, token: { colorPrimary: '#e53935', fontSize: 16 } };

/**
 * 驾驶舱: every KPI against its target, warning lights and escalations, rankings, monthly trends, hot topics and
 * opinion alerts for a region in the caller's scope and a period. Each figure links to the rows behind it.
 * `?screen=1` is the full-screen mode (大屏): dark, large figures, refreshed every few minutes.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const { me, access } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const screen = params.get('screen') === '1';
  const roots = useMemo(() => scopeRoots(me), [me]);
  const ownRegion = roots[0] ?? me.regionCode;
  const [region, setRegion] = useState(ownRegion);
  const [period, setPeriod] = useState<PeriodChoice>('last12m');
  const [refreshedAt, setRefreshedAt] = useState(() => new Date());
  const range = useMemo(() => periodRange(period, refreshedAt), [period, refreshedAt]);
  // The caller's own region is the server's default: leaving it out keeps unit-scoped users within their scope.
  const apiRegion = region === me.regionCode ? undefined : region;
  const scope = useMemo(() => ({ region: apiRegion, ...range }), [apiRegion, range]);
  const refresh = useCallback(() => setRefreshedAt(new Date()), []);

  const kpis = useRequest(() => getKpis(scope), [scope]);
  const counts = useRequest(() => problemCounts(region, ownRegion), [region, ownRegion, refreshedAt]);
  const urgent = useRequest(() => urgentProblems(region, ownRegion), [region, ownRegion, refreshedAt]);
  const regions = useRequest(() => getRegionRanking(scope), [scope]);
  const units = useRequest(() => getUnitRanking(scope), [scope]);
  const trend = useRequest(() => getKpiTrend(apiRegion, range.to, TREND_MONTHS), [apiRegion, range.to]);
  const topics = useRequest(
    () => (access.analyticsRead ? getHotTopics(region, HOT_TOPIC_WINDOW_DAYS) : Promise.resolve(undefined)),
    [region, refreshedAt, access.analyticsRead],
  );
  const alerts = useRequest(
    () => (access.analyticsRead ? getOpenAlerts(region) : Promise.resolve(undefined)),
    [region, refreshedAt, access.analyticsRead],
  );

  const frame = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(frame);
  const wasFullscreen = useRef(false);
  const setScreen = useCallback(
    (on: boolean) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (on) next.set('screen', '1');
          else next.delete('screen');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  // Leaving the browser's full screen (Esc) leaves the 大屏 layout too.
  useEffect(() => {
    if (wasFullscreen.current && !fullscreen.active) setScreen(false);
    wasFullscreen.current = fullscreen.active;
  }, [fullscreen.active, setScreen]);
  useEffect(() => {
    if (!screen) return;
    const timer = setInterval(refresh, AUTO_REFRESH_MINUTES * 60_000);
    return () => clearInterval(timer);
  }, [screen, refresh]);

  const big = screen;
  const toolbar = (
    <Space wrap>
      <Typography.Text>{t('dashboard.region')}</Typography.Text>
      <ScopeRegionSelect roots={roots} value={region} onChange={setRegion} />
      <Typography.Text>{t('dashboard.period')}</Typography.Text>
      <Select<PeriodChoice>
        aria-label={t('dashboard.period')}
        data-testid="dashboard-period"
        value={period}
        onChange={setPeriod}
        options={PERIODS.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
        style={{ width: 140 }}
      />
      <Button icon={<ReloadOutlined />} onClick={refresh}>
        {t('action.refresh')}
      </Button>
      {screen ? (
        <Button
          icon={<FullscreenExitOutlined />}
          data-testid="exit-fullscreen"
          onClick={() => {
            void fullscreen.exit();
            setScreen(false);
          }}
        >
          {t('dashboard.exitFullscreen')}
        </Button>
      ) : (
        <Button
          type="primary"
          icon={<FullscreenOutlined />}
          data-testid="enter-fullscreen"
          onClick={() => {
            setScreen(true);
            void fullscreen.enter();
          }}
        >
          {t('dashboard.fullscreen')}
        </Button>
      )}
    </Space>
  );

  const panelHeight = big ? 300 : 260;
  const body = (
    <div
      ref={frame}
      data-testid="dashboard"
      data-screen={screen ? 'fullscreen' : 'normal'}
      data-region={region}
      data-from={range.from}
      data-to={range.to}
      style={
        screen
          ? { position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto', padding: 24, background: '#0b1526' }
          : undefined
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Row justify="space-between" align="middle" gutter={[12, 12]}>
          <Col>
            {screen ? (
              <Typography.Title level={2} style={{ margin: 0, fontSize: 32 }}>
                {t('app.title')} · {t('menu.dashboard')} · <RegionName code={region} />
              </Typography.Title>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: big ? 16 : 12 }}>
              {t('dashboard.periodRange', { from: formatDateTime(range.from), to: formatDateTime(range.to) })}
              {screen
                ? ` · ${t('dashboard.autoRefresh', { minutes: AUTO_REFRESH_MINUTES, at: formatDateTime(refreshedAt.toISOString()) })}`
                : ''}
            </Typography.Text>
          </Col>
          <Col>{toolbar}</Col>
        </Row>
        <Section title={t('dashboard.kpis')} state={kpis} testId="dashboard-kpis">
          {(data) => <KpiCards kpis={data.kpis} region={region} ownRegion={ownRegion} big={big} />}
        </Section>
        <Section title={t('dashboard.lights')} state={counts} testId="dashboard-lights">
          {(data) => <WarningLights counts={data} big={big} />}
        </Section>
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={8}>
            <Section title={t('dashboard.trend')} state={trend}>
              {(data) => <TrendChart data={data} dark={screen} height={panelHeight} />}
            </Section>
          </Col>
          <Col xs={24} xl={8}>
            <Section
              title={t('dashboard.overdueList')}
              state={urgent}
              isEmpty={(d) => d.overdue.length === 0}
              extra={
                <Link
                  to={problemListLink({
                    overdue: 'true',
                    sort: 'overdue',
                    region: problemRegionParam(region, ownRegion),
                  })}
                >
                  {t('dashboard.viewAll')}
                </Link>
              }
            >
              {(data) => <ProblemTopList rows={data.overdue} testId="overdue-list" />}
            </Section>
          </Col>
          <Col xs={24} xl={8}>
            <Section
              title={t('dashboard.escalatedList')}
              state={urgent}
              isEmpty={(d) => d.escalated.length === 0}
              extra={
                <Link
                  to={problemListLink({
                    escalation: '1',
                    sort: 'escalation',
                    region: problemRegionParam(region, ownRegion),
                  })}
                >
                  {t('dashboard.viewAll')}
                </Link>
              }
            >
              {(data) => <ProblemTopList rows={data.escalated} testId="escalated-list" />}
            </Section>
          </Col>
          <Col xs={24} xl={12}>
            <Section title={t('dashboard.regionRanking')} state={regions} isEmpty={(d) => d.items.length === 0}>
              {(data) => <RegionRanking data={data} ownRegion={ownRegion} />}
            </Section>
          </Col>
          <Col xs={24} xl={12}>
            <Section title={t('dashboard.unitRanking')} state={units} isEmpty={(d) => d.items.length === 0}>
              {(data) => <UnitRanking data={data} />}
            </Section>
          </Col>
          {access.analyticsRead ? (
            <>
              <Col xs={24} xl={12}>
                <Section title={t('dashboard.hotTopics')} state={topics} isEmpty={(d) => !d || d.items.length === 0}>
                  {(data) => (data ? <HotTopics data={data} big={big} /> : null)}
                </Section>
              </Col>
              <Col xs={24} xl={12}>
                <Section title={t('dashboard.alerts')} state={alerts} isEmpty={(d) => !d || d.items.length === 0}>
                  {(data) =>
                    data ? (
                      <OpinionAlerts data={data} canAcknowledge={access.analyticsManage} onChanged={alerts.reload} />
                    ) : null
                  }
                </Section>
              </Col>
            </>
          ) : null}
        </Row>
      </Space>
    </div>
  );

  // The same element tree in both modes: the element that went full screen must stay mounted when the theme changes.
  return <ConfigProvider theme={screen ? SCREEN_THEME : {}}>{body}</ConfigProvider>;
}
