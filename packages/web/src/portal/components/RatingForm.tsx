import { useId, useState, type FormEvent } from 'react';
import { publicRatingBody, type PublicRating, type TrackedClueView } from '@rectify/domain/schemas/clues';
import { usePortalI18n, type PortalKey } from '../i18n.ts';
import { ErrorNotice } from './Status.tsx';

const VALUES: readonly { value: PublicRating['value']; key: PortalKey }[] = [
  { value: 'satisfied', key: 'rating.satisfied' },
  { value: 'basically_satisfied', key: 'rating.basicallySatisfied' },
  { value: 'dissatisfied', key: 'rating.dissatisfied' },
];

/**
 * 满意 / 基本满意 / 不满意 plus an optional comment, validated with the server's schema; sent once (the button is
 * disabled while sending, and the caller replaces the form with the answer).
 */
export function RatingForm({
  legend,
  send,
  onRated,
  testId,
}: {
  legend: string;
  send: (rating: PublicRating) => Promise<TrackedClueView>;
  onRated: (view: TrackedClueView) => void;
  testId: string;
}) {
  const { t } = usePortalI18n();
  const id = useId();
  const [value, setValue] = useState<PublicRating['value'] | ''>('');
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = publicRatingBody.safeParse({ value, comment: comment.trim() || undefined });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? t('rating.choose'));
      return;
    }
    setFieldError(null);
    setError(null);
    setSending(true);
    try {
      onRated(await send(parsed.data));
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="card rating-form" onSubmit={submit} noValidate data-testid={testId}>
      <fieldset aria-describedby={fieldError ? `${id}-error` : undefined}>
        <legend>{legend}</legend>
        <div className="choices">
          {VALUES.map((v) => (
            <label key={v.value} className="choice">
              <input
                type="radio"
                name={`${id}-value`}
                value={v.value}
                checked={value === v.value}
                onChange={() => setValue(v.value)}
              />
              {t(v.key)}
            </label>
          ))}
        </div>
        {fieldError && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {fieldError}
          </p>
        )}
      </fieldset>
      <label htmlFor={`${id}-comment`}>{t('rating.comment')}</label>
      <textarea
        id={`${id}-comment`}
        rows={3}
        maxLength={500}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {error !== null && <ErrorNotice error={error} />}
      <button type="submit" className="btn btn-primary" disabled={sending}>
        {sending ? t('common.sending') : t('rating.submit')}
      </button>
    </form>
  );
}
