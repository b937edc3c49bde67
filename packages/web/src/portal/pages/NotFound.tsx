import { Link } from 'react-router';
import { usePortalI18n } from '../i18n.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';

export default function NotFound() {
  const { t } = usePortalI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
