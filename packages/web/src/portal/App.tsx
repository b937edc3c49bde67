import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { storedLocale, storeLocale, type Locale } from '../i18n/translate.ts';
import { applyElder, storedElder } from './elder.ts';
import { portalT } from './i18n.ts';

interface Health {
  status: string;
  version: string;
}

/**
 * The public portal's shell, phone first: what the platform is for, the two public services (they open with the
 * public-participation issue, so they are shown disabled with a note), the elder-friendly switch, and the way to
 * the staff console. Plain React and CSS: no UI library, so a phone downloads little.
 */
export function Portal() {
  const [locale, setLocale] = useState<Locale>(storedLocale);
  const [elder, setElder] = useState(storedElder);
  const [health, setHealth] = useState<Health | null>(null);
  const [healthError, setHealthError] = useState<string | null>(null);
  const t = portalT(locale);

  useEffect(() => storeLocale(locale), [locale]);
  useEffect(() => applyElder(elder), [elder]);
  useEffect(() => {
    document.title = `${t('portal.name')} · ${t('portal.platform')}`;
  }, [t]);
  useEffect(() => {
    api<Health>('GET', '/api/health').then(setHealth, (e: Error) => setHealthError(e.message));
  }, []);

  return (
    <>
      <a className="skip" href="#content">
        {t('portal.skip')}
      </a>
      <header className="bar">
        <div className="brand">
          <span className="brand-name">{t('portal.name')}</span>
          <span className="brand-sub">{t('portal.platform')}</span>
        </div>
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
      <main id="content" tabIndex={-1}>
        <h1>{t('portal.name')}</h1>
        <p className="lead">{t('portal.purpose')}</p>
        <p className="sr-status" role="status" aria-live="polite">
          {elder ? t('portal.elderOn') : t('portal.elderOff')}
        </p>
        <section className="services" aria-labelledby="services-note">
          <ServiceCard title={t('portal.report')} desc={t('portal.reportDesc')} />
          <ServiceCard title={t('portal.track')} desc={t('portal.trackDesc')} />
          <p id="services-note" className="note">
            {t('portal.comingSoon')}
          </p>
        </section>
        <p className="privacy">{t('portal.privacy')}</p>
      </main>
      <footer className="foot">
        <nav>
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
    </>
  );
}

function ServiceCard({ title, desc }: { title: string; desc: string }) {
  return (
    <div className="service">
      <h2>{title}</h2>
      <p>{desc}</p>
      <button type="button" disabled aria-describedby="services-note">
        {title}
      </button>
    </div>
  );
}
