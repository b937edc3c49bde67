import { Link } from 'react-router';
import { FeedLinks } from '../components/FeedLinks.tsx';
import { ProblemCard } from '../components/ProblemCard.tsx';
import { Empty, ErrorNotice, Loading } from '../components/Status.tsx';
import { usePortalI18n } from '../i18n.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { listPublishedProblems } from '../services/public.ts';
import { listRegions } from '../services/regions.ts';

const LATEST = 5;

/** 首页: what this is, the two services, the latest published results, and the feed of the whole area. */
export default function Home() {
  const { t } = usePortalI18n();
  usePageTitle(t('home.title'));
  const latest = useRequest(() => listPublishedProblems({ page: 1, pageSize: LATEST }), []);
  const top = useRequest(() => listRegions(), []);

  return (
    <>
      <h1 tabIndex={-1}>{t('portal.name')}</h1>
      <p className="lead">{t('portal.purpose')}</p>
      <nav className="services" aria-label={t('home.services')}>
        <Link className="service" to="/report" data-testid="go-report">
          <span className="service-title">{t('portal.report')}</span>
          <span className="service-desc">{t('portal.reportDesc')}</span>
        </Link>
        <Link className="service" to="/track" data-testid="go-track">
          <span className="service-title">{t('portal.track')}</span>
          <span className="service-desc">{t('portal.trackDesc')}</span>
        </Link>
        <Link className="service" to="/disclosures" data-testid="go-disclosures">
          <span className="service-title">{t('disclosures.title')}</span>
          <span className="service-desc">{t('home.disclosuresDesc')}</span>
        </Link>
      </nav>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('home.latest')}</h2>
        {latest.loading && !latest.data && <Loading />}
        {latest.error !== null && <ErrorNotice error={latest.error} onRetry={latest.reload} />}
        {latest.data &&
          (latest.data.items.length === 0 ? (
            <Empty>{t('disclosures.empty')}</Empty>
          ) : (
            <ul className="cards" data-testid="latest-list">
              {latest.data.items.map((p) => (
                <li key={p.id}>
                  <ProblemCard problem={p} />
                </li>
              ))}
            </ul>
          ))}
        <p>
          <Link to="/disclosures">{t('home.allDisclosures')}</Link>
        </p>
        {top.data?.map((r) => (
          <FeedLinks key={r.code} regionCode={r.code} regionName={r.name} />
        ))}
      </section>
      <p className="privacy">{t('portal.privacy')}</p>
    </>
  );
}
