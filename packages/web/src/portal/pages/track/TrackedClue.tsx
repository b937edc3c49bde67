import { useState } from 'react';
import { Link } from 'react-router';
import type { TrackedClueView } from '@rectify/domain/schemas/clues';
import { ApiError } from '../../../api.ts';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RecordProof } from '../../components/RecordProof.tsx';
import { RatingForm } from '../../components/RatingForm.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { Timeline } from '../../components/Timeline.tsx';
import { usePortalI18n } from '../../i18n.ts';
import { clueStateLabel } from '../../lib/labels.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { rateClue, rateProblem, trackClue } from '../../services/public.ts';
import { markProblemRated, problemRated } from './rated.ts';

/** One report as its reporter sees it: the published steps, the rating, and the problem it became. */
export function TrackedClue({ code }: { code: string }) {
  const { t, locale } = usePortalI18n();
  const loaded = useRequest(() => trackClue(code), [code]);
  const [updated, setUpdated] = useState<TrackedClueView | null>(null);
  const [problemRatedNow, setProblemRatedNow] = useState(() => problemRated(code));
  const view = updated ?? loaded.data;

  if (loaded.loading && !view) return <Loading label={t('track.loading')} />;
  if (loaded.error && !view) {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) {
      return (
        <p className="notice notice-error" role="alert" data-testid="track-not-found">
          {t('track.notFound')}
        </p>
      );
    }
    return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  }
  if (!view) return null;

  return (
    <article className="tracked" aria-labelledby="tracked-title" data-testid="tracked">
      <p className="muted">
        {t('track.codeIs')} <strong className="code-inline">{view.trackingCode}</strong>
      </p>
      <h2 id="tracked-title">{view.title}</h2>
      <dl className="facts">
        <dt>{t('track.state')}</dt>
        <dd>
          <span className={`badge badge-${view.state}`} data-testid="clue-state">
            {clueStateLabel(view, locale, t)}
          </span>
        </dd>
        <dt>{t('track.receivedAt')}</dt>
        <dd>{formatDateTime(view.receivedAt)}</dd>
        {view.category && (
          <>
            <dt>{t('problem.category')}</dt>
            <dd>{view.category}</dd>
          </>
        )}
      </dl>
      <p className="problem-text">{view.body}</p>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t('track.steps')}</h2>
        <Timeline label={t('track.steps')} steps={view.steps} />
      </section>

      {view.rating ? (
        <p className="notice notice-ok" data-testid="clue-rating">
          {t('track.yourRating', { label: ratingLabel(view.rating, t) })}
        </p>
      ) : (
        view.canRate && (
          <RatingForm
            testId="clue-rating-form"
            legend={t('track.rateReply')}
            send={(rating) => rateClue(code, rating)}
            onRated={setUpdated}
          />
        )
      )}

      {view.problem && (
        <section aria-labelledby="problem-heading" className="card" data-testid="linked-problem">
          <h2 id="problem-heading">{t('track.problem')}</h2>
          <p>
            <Link to={`/disclosures/${view.problem.id}`}>{view.problem.title}</Link>
          </p>
          <ProblemDetails problem={view.problem} headingLevel={3} />
          <RecordProof problemId={view.problem.id} headingLevel={3} />
          {view.problem.state === 'closed' &&
            (problemRatedNow ? (
              <p className="notice notice-ok">{t('track.problemRated')}</p>
            ) : (
              <RatingForm
                testId="problem-rating-form"
                legend={t('track.rateProblem')}
                send={(rating) => rateProblem(code, rating)}
                onRated={(next) => {
                  markProblemRated(code);
                  setProblemRatedNow(true);
                  setUpdated(next);
                }}
              />
            ))}
        </section>
      )}
    </article>
  );
}

function ratingLabel(rating: { value: string; label: string }, t: ReturnType<typeof usePortalI18n>['t']): string {
  switch (rating.value) {
    case 'satisfied':
      return t('rating.satisfied');
    case 'basically_satisfied':
      return t('rating.basicallySatisfied');
    case 'dissatisfied':
      return t('rating.dissatisfied');
    default:
      return rating.label;
  }
}
