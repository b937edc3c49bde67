import { useState } from 'react';
import { usePortalI18n, type PortalKey } from '../../i18n.ts';

type Point = { lat: number; lng: number };

const GEO_ERRORS: Record<number, PortalKey> = {
  1: 'location.denied',
  2: 'location.unavailable',
  3: 'location.timeout',
};

/**
 * The optional map point. There are no map tiles offline, so the person uses the phone's position and sees the
 * coordinates; the address text says the rest.
 */
export function LocationField({ value, onChange }: { value: Point | null; onChange: (p: Point | null) => void }) {
  const { t } = usePortalI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PortalKey | null>(null);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setProblem('location.unsupported');
      return;
    }
    setBusy(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        onChange({ lat: round(pos.coords.latitude), lng: round(pos.coords.longitude) });
      },
      (err) => {
        setBusy(false);
        setProblem(GEO_ERRORS[err.code] ?? 'location.unavailable');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="field" role="group" aria-labelledby="report-location-label">
      <span id="report-location-label" className="label">
        {t('location.label')}
        <span className="optional"> {t('form.optional')}</span>
      </span>
      <div className="row">
        <button type="button" className="btn btn-secondary" onClick={locate} disabled={busy}>
          {busy ? t('location.locating') : t('location.use')}
        </button>
        {value && (
          <button type="button" className="btn btn-secondary" onClick={() => onChange(null)}>
            {t('location.clear')}
          </button>
        )}
      </div>
      <p className="hint" aria-live="polite" data-testid="location-value">
        {value ? t('location.value', { lat: value.lat.toFixed(6), lng: value.lng.toFixed(6) }) : t('location.none')}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {t(problem)}
        </p>
      )}
    </div>
  );
}

/** Six decimals ≈ 0.1 m: more than a phone knows. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;
