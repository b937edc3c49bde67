import { usePortalI18n } from '../i18n.ts';
import { feedUrls } from '../services/public.ts';

/** Subscribe to a region's published problems in any feed reader. */
export function FeedLinks({ regionCode, regionName }: { regionCode: string; regionName?: string }) {
  const { t } = usePortalI18n();
  const urls = feedUrls(regionCode);
  return (
    <p className="feeds" data-testid="feed-links">
      {t('feed.subscribe', { region: regionName ?? regionCode })}{' '}
      <a href={urls.rss} type="application/rss+xml">
        RSS
      </a>{' '}
      ·{' '}
      <a href={urls.atom} type="application/atom+xml">
        Atom
      </a>
    </p>
  );
}
