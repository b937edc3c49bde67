import { useContext, useRef, useState, type FormEvent } from 'react';
import type { PublicClueSubmitted } from '@rectify/domain/schemas/clues';
import { ApiError } from '../../../api.ts';
import { Field } from '../../components/Field.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { ErrorNotice } from '../../components/Status.tsx';
import { ElderMode } from '../../elder.ts';
import { usePortalI18n } from '../../i18n.ts';
import { serverFieldErrors } from '../../lib/errors.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { listCategories, submitClue, uploadPhotos } from '../../services/public.ts';
import { emptyDraft, toSubmitBody, useDraftKey, validateDraft, type ReportDraft } from './draft.ts';
import { LocationField } from './LocationField.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import { uploadOnce, type Photo } from './photos.ts';
import { Submitted } from './Submitted.tsx';

/** Where each field's error sends the focus (the first invalid field in form order gets it). */
const FIELD_IDS: [string, string][] = [
  ['title', 'report-title'],
  ['body', 'report-body'],
  ['category', 'report-category'],
  ['regionCode', 'report-region-0'],
  ['address', 'report-address'],
  ['contact.name', 'report-name'],
  ['contact.phone', 'report-phone'],
  ['contact.email', 'report-email'],
];

/**
 * 反映问题: one page, the essentials first (title, what happened, where), then the optional parts (category,
 * address and position, photos, contact). Validated with the server's schema before sending; the draft's
 * idempotency key makes a retried send safe; the tracking code comes back at once.
 */
export default function ReportPage() {
  const { t } = usePortalI18n();
  const elder = useContext(ElderMode);
  usePageTitle(t('report.title'));
  const categories = useRequest(listCategories, []);
  const draftKey = useDraftKey();
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [regionLevel, setRegionLevel] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<PublicClueSubmitted | null>(null);
  const [moreOpen, setMoreOpen] = useState(!elder);
  const summary = useRef<HTMLDivElement>(null);
  const upload = useRef(uploadOnce(uploadPhotos));

  // Editing a field clears its error: the message said what to fix, and it is being fixed.
  const clearError = (field: string) =>
    setErrors((e) => {
      if (!(field in e)) return e;
      const { [field]: _fixed, ...rest } = e;
      return rest;
    });
  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearError(key);
  };
  const setContact = (key: keyof ReportDraft['contact'], value: string) => {
    setDraft((d) => ({ ...d, contact: { ...d.contact, [key]: value } }));
    clearError(`contact.${key}`);
  };

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    if (['category', 'address', 'contact.name', 'contact.phone', 'contact.email'].some((f) => f in found)) {
      setMoreOpen(true);
    }
    const first = FIELD_IDS.find(([field]) => field in found);
    // After the optional section opens, so its fields can take focus.
    requestAnimationFrame(() => (first ? document.getElementById(first[1]) : summary.current)?.focus());
  };

  const send = async () => {
    const body = toSubmitBody({ ...draft, attachments: photos.map((p) => p.sha256) }, draftKey.key);
    const found = validateDraft(body);
    if (draft.regionCode && regionLevel !== 'county' && regionLevel !== 'town') {
      found.regionCode = t('report.regionTooCoarse');
    } else if (!draft.regionCode) {
      found.regionCode = t('report.regionRequired');
    }
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setErrors({});
    setFailure(null);
    setSending(true);
    try {
      if (photos.length > 0) body.attachments = await upload.current(body.regionCode, photos);
      setResult(await submitClue(body));
    } catch (err) {
      setFailure(err);
      const fields = serverFieldErrors(err);
      if (Object.keys(fields).length > 0) showErrors(fields);
      else requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSending(false);
    }
  };

  const startAnother = () => {
    for (const p of photos) URL.revokeObjectURL(p.previewUrl);
    setPhotos([]);
    upload.current = uploadOnce(uploadPhotos);
    setDraft(emptyDraft());
    setRegionLevel(null);
    setResult(null);
    setFailure(null);
    draftKey.renew();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  if (result) {
    return (
      <>
        <h1 tabIndex={-1}>{t('report.title')}</h1>
        <Submitted result={result} onAnother={startAnother} />
      </>
    );
  }

  const errorCount = Object.keys(errors).length;
  const mismatch = failure instanceof ApiError && failure.code === 'idempotency_mismatch';
  return (
    <>
      <h1 tabIndex={-1}>{t('report.title')}</h1>
      <p className="lead">{t('report.intro')}</p>
      <div ref={summary} tabIndex={-1} className="form-summary">
        {errorCount > 0 && (
          <p className="notice notice-error" role="alert">
            {t('form.fixErrors', { count: errorCount })}
          </p>
        )}
        {failure !== null && errorCount === 0 && !mismatch && <ErrorNotice error={failure} />}
        {mismatch && (
          <div className="notice notice-error" role="alert">
            <p>{t('report.mismatch')}</p>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                draftKey.renew();
                setFailure(null);
              }}
            >
              {t('report.asNew')}
            </button>
          </div>
        )}
      </div>
      <form onSubmit={onSubmit} noValidate className="report-form" data-testid="report-form">
        <Field
          id="report-title"
          label={t('report.fieldTitle')}
          required
          hint={t('report.titleHint')}
          error={errors.title}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={100}
              value={draft.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field id="report-body" label={t('report.fieldBody')} required hint={t('report.bodyHint')} error={errors.body}>
          {(p) => (
            <textarea
              {...p}
              rows={6}
              maxLength={5000}
              value={draft.body}
              onChange={(e) => set('body', e.target.value)}
            />
          )}
        </Field>
        <fieldset
          className={errors.regionCode ? 'field field-invalid' : 'field'}
          aria-describedby={errors.regionCode ? 'report-region-error' : 'report-region-hint'}
        >
          <legend>
            {t('report.fieldRegion')}
            <span className="required"> {t('form.required')}</span>
          </legend>
          <p id="report-region-hint" className="hint">
            {t('report.regionHint')}
          </p>
          <RegionSelect
            idPrefix="report-region"
            invalid={Boolean(errors.regionCode)}
            onChange={(code, level) => {
              set('regionCode', code);
              setRegionLevel(level);
            }}
          />
          {errors.regionCode && (
            <p id="report-region-error" className="field-error">
              {errors.regionCode}
            </p>
          )}
        </fieldset>

        <details className="more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
          <summary>{t('report.more')}</summary>
          <Field id="report-category" label={t('report.fieldCategory')} error={errors.category}>
            {(p) => (
              <select {...p} value={draft.category} onChange={(e) => set('category', e.target.value)}>
                <option value="">
                  {categories.error ? t('report.categoryUnavailable') : t('report.categoryNone')}
                </option>
                {categories.data?.map((c) => (
                  <option key={c.code} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="report-address"
            label={t('report.fieldAddress')}
            hint={t('report.addressHint')}
            error={errors.address}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                maxLength={200}
                autoComplete="street-address"
                value={draft.address}
                onChange={(e) => set('address', e.target.value)}
              />
            )}
          </Field>
          <LocationField value={draft.location} onChange={(v) => set('location', v)} />
          <PhotoPicker photos={photos} onChange={setPhotos} />
          <fieldset className="field">
            <legend>{t('report.contactLegend')}</legend>
            <p className="hint" id="report-contact-hint">
              {t('report.contactHint')}
            </p>
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.anonymous}
                onChange={(e) => set('anonymous', e.target.checked)}
                aria-describedby="report-contact-hint"
              />
              {t('report.anonymous')}
            </label>
            {!draft.anonymous && (
              <>
                <Field id="report-name" label={t('report.contactName')} error={errors['contact.name']}>
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      maxLength={50}
                      autoComplete="name"
                      value={draft.contact.name}
                      onChange={(e) => setContact('name', e.target.value)}
                    />
                  )}
                </Field>
                <Field id="report-phone" label={t('report.contactPhone')} error={errors['contact.phone']}>
                  {(p) => (
                    <input
                      {...p}
                      type="tel"
                      inputMode="tel"
                      autoComplete="tel"
                      value={draft.contact.phone}
                      onChange={(e) => setContact('phone', e.target.value)}
                    />
                  )}
                </Field>
                <Field id="report-email" label={t('report.contactEmail')} error={errors['contact.email']}>
                  {(p) => (
                    <input
                      {...p}
                      type="email"
                      autoComplete="email"
                      value={draft.contact.email}
                      onChange={(e) => setContact('email', e.target.value)}
                    />
                  )}
                </Field>
              </>
            )}
          </fieldset>
        </details>

        {/* Honeypot: invisible and unreachable for people and screen readers; bots that fill every field fill it. */}
        <div className="hp" aria-hidden="true">
          <label htmlFor="report-website">Website</label>
          <input
            id="report-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={draft.website}
            onChange={(e) => set('website', e.target.value)}
          />
        </div>

        <p className="privacy">{t('report.privacy')}</p>
        <button type="submit" className="btn btn-primary btn-block" disabled={sending}>
          {sending ? t('common.sending') : t('report.submit')}
        </button>
      </form>
    </>
  );
}
