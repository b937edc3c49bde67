import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api.ts';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { usePortalI18n } from '../../i18n.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { getBulletin } from '../../services/bulletins.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One published bulletin, its paragraphs as written (masked by the server). */
export default function BulletinDetail() {
  const { t, locale } = usePortalI18n();
  const { id = '' } = useParams();
  const valid = UUID.test(id);
  const bulletin = useRequest(() => (valid ? getBulletin(id) : Promise.resolve(null)), [id, valid]);
  usePageTitle(bulletin.data?.title ?? t('bulletins.detail'));
  const notFound = !valid || (bulletin.error instanceof ApiError && bulletin.error.status === 404);
  return (
    <>
      <p>
        <Link to="/bulletins">{t('bulletins.back')}</Link>
      </p>
      {notFound ? (
        <>
          <h1 tabIndex={-1}>{t('bulletins.detail')}</h1>
          <p className="notice notice-error" role="alert">
            {t('bulletins.notFound')}
          </p>
        </>
      ) : bulletin.error !== null ? (
        <ErrorNotice error={bulletin.error} onRetry={bulletin.reload} />
      ) : bulletin.loading || !bulletin.data ? (
        <Loading />
      ) : (
        <article className="card" data-testid="bulletin">
          <h1 tabIndex={-1}>{bulletin.data.title}</h1>
          <p className="muted">
            {t(`bulletins.kind.${bulletin.data.kind}`)} ·{' '}
            {new Date(bulletin.data.publishedAt).toLocaleDateString(locale)}
          </p>
          {bulletin.data.body.split(/\n+/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </article>
      )}
    </>
  );
}
