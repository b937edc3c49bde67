import { Suspense, useEffect, useMemo, useState } from 'react';
import { Layout, Menu, Select, Spin, Typography, type MenuProps } from 'antd';
import { BankOutlined, HistoryOutlined, HomeOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { AuditOutlined, CarryOutOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { ApartmentOutlined, TrophyOutlined } from '@ant-design/icons';
import { DashboardOutlined, InboxOutlined } from '@ant-design/icons';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Locale } from '../../i18n/translate.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { Exception } from '../components/Exception.tsx';
import { useI18n } from '../i18n.tsx';
import { routes, SECTION_NAMES, type ConsoleRoute, type MenuSection, type RouteIcon } from '../routes.ts';
import { useSignedIn } from '../session.tsx';
import { useDashboardLanding } from '../pages/dashboard/landing.ts';
import { UserMenu } from './UserMenu.tsx';

const ICONS: Record<RouteIcon, React.ReactNode> = {
  home: <HomeOutlined />,
  bank: <BankOutlined />,
  team: <TeamOutlined />,
  history: <HistoryOutlined />,
  safety: <SafetyOutlined />,
  dashboard: <DashboardOutlined />,
  inbox: <InboxOutlined />,
  unorderedList: <UnorderedListOutlined />,
  carryOut: <CarryOutOutlined />,
  audit: <AuditOutlined />,
  trophy: <TrophyOutlined />,
  apartment: <ApartmentOutlined />,
};

export const PageFallback = () => (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

/**
 * The signed-in frame: role-aware side navigation built from the route table (entries whose access flag is false
 * are not shown), a header with the language switch and the account menu, and each page behind its own access
 * check, Suspense and error boundary.
 */
export default function BasicLayout() {
  const { t, locale, setLocale } = useI18n();
  const { access, me } = useSignedIn();
  useDashboardLanding(me, access.problemRead);
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const visible = useMemo(() => routes.filter((r) => access[r.access] && !r.hidden), [access]);

  const current = routes.find((r) => r.path === location.pathname);
  useEffect(() => {
    document.title = `${current ? t(current.name) + ' · ' : ''}${t('app.title')}`;
  }, [current, t]);

  const items: MenuProps['items'] = [];
  const sections = new Map<MenuSection, NonNullable<MenuProps['items']>>();
  for (const r of visible) {
    const item = { key: r.path, icon: ICONS[r.icon], label: t(r.name) };
    if (!r.section) {
      items.push(item);
      continue;
    }
    if (!sections.has(r.section)) {
      const children: NonNullable<MenuProps['items']> = [];
      sections.set(r.section, children);
      items.push({ type: 'group', key: r.section, label: t(SECTION_NAMES[r.section]), children });
    }
    sections.get(r.section)!.push(item);
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={216}
        zeroWidthTriggerStyle={{ top: 12 }}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: '16px 20px', fontWeight: 600, color: '#b71c1c' }}>{t('app.title')}</div>
        <nav aria-label={t('app.subtitle')}>
          <Menu
            mode="inline"
            selectedKeys={[location.pathname]}
            items={items}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 0 }}
            data-testid="main-nav"
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Select<Locale>
            aria-label={t('app.language')}
            value={locale}
            onChange={setLocale}
            data-testid="language"
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en-US', label: 'English' },
            ]}
            style={{ width: 110 }}
          />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Routes>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} element={<Guarded route={r} allowed={access[r.access]} />} />
              ))}
              <Route path="*" element={<Exception kind="404" />} />
            </Routes>
          </main>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 24, fontSize: 12 }}>
            {t('app.timezoneNote')}
          </Typography.Text>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Guarded({ route, allowed }: { route: ConsoleRoute; allowed: boolean }) {
  const { t } = useI18n();
  const location = useLocation();
  if (!allowed) return <Exception kind="403" />;
  const Page = route.component;
  return (
    <ErrorBoundary
      key={location.pathname}
      fallback={(error, reset) => <Exception kind="error" detail={error.message} onRetry={reset} />}
    >
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t(route.name)}
      </Typography.Title>
      <Suspense fallback={<PageFallback />}>
        <Page />
      </Suspense>
    </ErrorBoundary>
  );
}
