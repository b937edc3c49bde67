import { formatDateTime } from '../../i18n/datetime.ts';

export interface TimelineStep {
  at: string;
  label: string;
  text?: string | null;
}

/** Steps in time order as an ordered list: a screen reader hears "list, N items" and each step with its time. */
export function Timeline({ steps, label }: { steps: readonly TimelineStep[]; label: string }) {
  return (
    <ol className="timeline" aria-label={label}>
      {steps.map((s, i) => (
        <li key={`${s.at}-${i}`} className={i === steps.length - 1 ? 'timeline-last' : undefined}>
          <time dateTime={s.at}>{formatDateTime(s.at)}</time>
          <strong>{s.label}</strong>
          {s.text && <p>{s.text}</p>}
        </li>
      ))}
    </ol>
  );
}
