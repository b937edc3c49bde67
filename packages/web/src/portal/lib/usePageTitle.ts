import { useEffect } from 'react';
import { usePortalI18n } from '../i18n.ts';

/** The tab title names the page first, so a screen reader announces where a link led. */
export function usePageTitle(title: string): void {
  const { t } = usePortalI18n();
  useEffect(() => {
    document.title = `${title} · ${t('portal.name')}`;
  }, [title, t]);
}
