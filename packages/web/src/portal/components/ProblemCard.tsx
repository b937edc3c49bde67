import { Link } from 'react-router';
import type { PublicProblemSummary } from '@rectify/domain/schemas/clues';
import { formatDateTime } from '../../i18n/datetime.ts';
import { usePortalI18n } from '../i18n.ts';
import { problemStateLabel } from '../lib/labels.ts';

/** A published problem in a list: title as the link, state, lead unit, when published. */
export function ProblemCard({ problem }: { problem: PublicProblemSummary }) {
  const { t, locale } = usePortalI18n();
  return (
    <article className="card problem-card" aria-labelledby={`p-${problem.id}`}>
      <h3 id={`p-${problem.id}`}>
        <Link to={`/disclosures/${problem.id}`}>{problem.title}</Link>
      </h3>
      <p className="meta">
        <span className={`badge badge-${problem.state}`}>{problemStateLabel(problem, locale, t)}</span>
        <span>{problem.leadUnit ?? t('problem.unitPending')}</span>
      </p>
      <p className="muted">{t('problem.publishedOn', { time: formatDateTime(problem.publishedAt) })}</p>
    </article>
  );
}
