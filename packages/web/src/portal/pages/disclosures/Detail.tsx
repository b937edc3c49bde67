import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api.ts';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RecordProof } from '../../components/RecordProof.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { usePortalI18n } from '../../i18n.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { getPublishedProblem } from '../../services/public.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One published problem with its measures, progress and result as staff chose to publish them. */
export default function DisclosureDetail() {
  const { t } = usePortalI18n();
  const { id = '' } = useParams();
  const valid = UUID.test(id);
  const problem = useRequest(() => (valid ? getPublishedProblem(id) : Promise.resolve(null)), [id, valid]);
  usePageTitle(problem.data?.title ?? t('disclosures.detail'));

  const notFound = !valid || (problem.error instanceof ApiError && problem.error.status === 404);
  return (
    <>
      <p>
        <Link to="/disclosures">{t('disclosures.back')}</Link>
      </p>
      {notFound ? (
        <>
          <h1 tabIndex={-1}>{t('disclosures.detail')}</h1>
          <p className="notice notice-error" role="alert">
            {t('disclosures.notFound')}
          </p>
        </>
      ) : problem.error !== null ? (
        <>
          <h1 tabIndex={-1}>{t('disclosures.detail')}</h1>
          <ErrorNotice error={problem.error} onRetry={problem.reload} />
        </>
      ) : problem.loading || !problem.data ? (
        <Loading />
      ) : (
        <article aria-labelledby="problem-title" data-testid="disclosure-detail">
          <h1 id="problem-title" tabIndex={-1}>
            {problem.data.title}
          </h1>
          <ProblemDetails problem={problem.data} />
          <RecordProof problemId={problem.data.id} />
        </article>
      )}
    </>
  );
}
