import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { api } from '../api.ts';
import { storedLocale, storeLocale, type Locale } from '../i18n/translate.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Loading } from './components/Status.tsx';
import { applyElder, ElderMode, storedElder } from './elder.ts';
import { PortalI18n, portalT } from './i18n.ts';
import Home from './pages/Home.tsx';

// The home page comes with the first load; every other page is its own chunk, fetched when opened.
const ReportPage = lazy(() => import('./pages/report/index.tsx'));
const TrackPage = lazy(() => import('./pages/track/index.tsx'));
const DisclosuresPage = lazy(() => import('./pages/disclosures/index.tsx'));
const DisclosureDetail = lazy(() => import('./pages/disclosures/Detail.tsx'));
const BulletinsPage = lazy(() => import('./pages/bulletins/index.tsx'));
const BulletinDetail = lazy(() => import('./pages/bulletins/Detail.tsx'));
const AccountPage = lazy(() => import('./pages/account/index.tsx'));
const NotFound = lazy(() => import('./pages/NotFound.tsx'));

interface Health {
  status: string;
  version: string;
}

/**
 * The public portal's shell, phone first: header with the elder-friendly and language switches, the page, and the
 * way to the staff console. Plain React and CSS: no UI library, so a phone downloads little.
 */
export function Portal() {
  const [locale, setLocale] = useState<Locale>(storedLocale);
  const [elder, setElder] = useState(storedElder);
  const [health, setHealth] = useState<Health | null>(null);
  const [healthError, setHealthError] = useState<string | null>(null);
  const i18n = useMemo(() => ({ locale, t: portalT(locale) }), [locale]);
  const { t } = i18n;
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => storeLocale(locale), [locale]);
  useEffect(() => applyElder(elder), [elder]);
  useEffect(() => {
    api<Health>('GET', '/api/health').then(setHealth, (e: Error) => setHealthError(e.message));
  }, []);
  // After a client-side navigation, put the focus at the start of the new page so screen readers read it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'active' : undefined);
  return (
    <PortalI18n.Provider value={i18n}>
      <ElderMode.Provider value={elder}>
        <a className="skip" href="#content">
          {t('portal.skip')}
        </a>
        <header className="bar">
          <Link className="brand" to="/">
            <span className="brand-name">{t('portal.name')}</span>
            <span className="brand-sub">{t('portal.platform')}</span>
          </Link>
          <div className="tools">
            <button
              type="button"
              className="toggle"
              aria-pressed={elder}
              onClick={() => setElder((v) => !v)}
              data-testid="elder-toggle"
            >
              {t('portal.elder')}
            </button>
            <button
              type="button"
              className="toggle"
              lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
              onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
            >
              {t('portal.language')}
            </button>
          </div>
        </header>
        <nav className="tabs" aria-label={t('nav.label')}>
          <NavLink to="/" end className={navClass}>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/report" className={navClass}>
            {t('portal.report')}
          </NavLink>
          <NavLink to="/track" className={navClass}>
            {t('portal.track')}
          </NavLink>
          <NavLink to="/disclosures" className={navClass}>
            {t('nav.disclosures')}
          </NavLink>
          <NavLink to="/bulletins" className={navClass}>
            {t('nav.bulletins')}
          </NavLink>
          <NavLink to="/account" className={navClass}>
            {t('nav.account')}
          </NavLink>
        </nav>
        <p className="sr-status" role="status" aria-live="polite">
          {elder ? t('portal.elderOn') : t('portal.elderOff')}
        </p>
        <main id="content" tabIndex={-1} ref={main}>
          <ErrorBoundary
            key={location.pathname}
            fallback={
              <p className="notice notice-error" role="alert">
                {t('error.page')}
              </p>
            }
          >
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/report" element={<ReportPage />} />
                <Route path="/track" element={<TrackPage />} />
                <Route path="/track/:code" element={<TrackPage />} />
                <Route path="/disclosures" element={<DisclosuresPage />} />
                <Route path="/disclosures/:id" element={<DisclosureDetail />} />
                <Route path="/bulletins" element={<BulletinsPage />} />
                <Route path="/bulletins/:id" element={<BulletinDetail />} />
                <Route path="/account" element={<AccountPage />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </ErrorBoundary>
        </main>
        <footer className="foot">
          <nav aria-label={t('nav.more')}>
            <a href="/console/">{t('portal.staff')}</a>
            <a href="/api/docs">{t('portal.apiDocs')}</a>
          </nav>
          <p role="status" aria-live="polite" data-testid="health">
            {healthError
              ? t('portal.statusDown', { message: healthError })
              : health
                ? `${t('portal.statusOk')} · v${health.version}`
                : t('portal.statusConnecting')}
          </p>
        </footer>
      </ElderMode.Provider>
    </PortalI18n.Provider>
  );
}
