import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatTrackingCode, normaliseTrackingCode } from '@rectify/domain/schemas/clues';
import { Field } from '../../components/Field.tsx';
import { usePortalI18n } from '../../i18n.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { TrackedClue } from './TrackedClue.tsx';

/**
 * 进度查询: a code box, then (at /track/:code) what the holder of that code may see. The code is checked in the
 * browser first, so a typo is explained without a request.
 */
export default function TrackPage() {
  const { t } = usePortalI18n();
  usePageTitle(t('track.title'));
  const { code: raw } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(raw ?? '');
  const [error, setError] = useState<string | undefined>();
  const code = raw ? normaliseTrackingCode(raw) : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const normalised = normaliseTrackingCode(input);
    if (!normalised) {
      setError(t('track.invalidCode'));
      document.getElementById('track-code')?.focus();
      return;
    }
    setError(undefined);
    navigate(`/track/${formatTrackingCode(normalised)}`);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('track.title')}</h1>
      <form className="card track-form" onSubmit={onSubmit} noValidate role="search">
        <Field id="track-code" label={t('track.codeLabel')} required hint={t('track.codeHint')} error={error}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              value={input}
              onChange={(e) => setInput(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary btn-block">
          {t('track.submit')}
        </button>
      </form>
      {raw && !code && (
        <p className="notice notice-error" role="alert">
          {t('track.invalidCode')}
        </p>
      )}
      {code && <TrackedClue key={code} code={formatTrackingCode(code)} />}
    </>
  );
}
