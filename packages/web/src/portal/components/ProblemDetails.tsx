import type { PublicProblemView } from '@rectify/domain/schemas/clues';
import { formatDateTime } from '../../i18n/datetime.ts';
import { usePortalI18n } from '../i18n.ts';
import { problemStateLabel } from '../lib/labels.ts';
import { Timeline } from './Timeline.tsx';

/**
 * A published problem: who handles it and by when, then the parts staff chose to publish — measures, progress,
 * result — each only when published (the API answers null otherwise).
 */
export function ProblemDetails({ problem, headingLevel = 2 }: { problem: PublicProblemView; headingLevel?: 2 | 3 }) {
  const { t, locale } = usePortalI18n();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const nothingPublished = !problem.measures && !problem.progress && !problem.result;
  return (
    <div className="problem-details">
      <dl className="facts">
        <dt>{t('problem.state')}</dt>
        <dd>
          <span className={`badge badge-${problem.state}`}>{problemStateLabel(problem, locale, t)}</span>
        </dd>
        <dt>{t('problem.leadUnit')}</dt>
        <dd>{problem.leadUnit ?? t('problem.unitPending')}</dd>
        {problem.deadline && (
          <>
            <dt>{t('problem.deadline')}</dt>
            <dd>{problem.deadline}</dd>
          </>
        )}
        {problem.category && (
          <>
            <dt>{t('problem.category')}</dt>
            <dd>{problem.category}</dd>
          </>
        )}
        <dt>{t('problem.publishedAt')}</dt>
        <dd>{formatDateTime(problem.publishedAt)}</dd>
      </dl>
      <p className="problem-text">{problem.description}</p>
      {problem.measures && (
        <section aria-labelledby={`measures-${problem.id}`}>
          <H id={`measures-${problem.id}`}>{t('problem.measures')}</H>
          {problem.measures.length === 0 ? (
            <p className="empty">{t('problem.noMeasures')}</p>
          ) : (
            <ul className="measures">
              {problem.measures.map((m, i) => (
                <li key={i}>
                  {m.text}
                  <span className="muted">{t('problem.due', { date: m.due })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {problem.progress && (
        <section aria-labelledby={`progress-${problem.id}`}>
          <H id={`progress-${problem.id}`}>{t('problem.progress')}</H>
          {problem.progress.length === 0 ? (
            <p className="empty">{t('problem.noProgress')}</p>
          ) : (
            <Timeline
              label={t('problem.progress')}
              steps={problem.progress.map((p) => ({
                at: p.at,
                label: t('problem.progressStep', { period: p.period, percent: p.percent }),
                text: [p.done, p.nextSteps && t('problem.nextSteps', { text: p.nextSteps })].filter(Boolean).join('\n'),
              }))}
            />
          )}
        </section>
      )}
      {problem.result && (
        <section aria-labelledby={`result-${problem.id}`}>
          <H id={`result-${problem.id}`}>{t('problem.result')}</H>
          <dl className="facts">
            <dt>{t('problem.outcome')}</dt>
            <dd>{problem.result.outcomeLabel ?? '—'}</dd>
            <dt>{t('problem.closedAt')}</dt>
            <dd>{formatDateTime(problem.result.closedAt)}</dd>
          </dl>
          {problem.result.notes && <p>{problem.result.notes}</p>}
        </section>
      )}
      {nothingPublished && <p className="muted">{t('problem.detailsNotPublished')}</p>}
    </div>
  );
}
