import { useState, type ChangeEvent } from 'react';
import { usePortalI18n, type PortalKey } from '../../i18n.ts';
import {
  addPhotos,
  canFingerprintPhotos,
  MAX_PHOTOS,
  PHOTO_ACCEPT,
  type Photo,
  type PhotoRejection,
} from './photos.ts';

const REASON: Record<PhotoRejection['reason'], PortalKey> = {
  type: 'photos.rejectType',
  size: 'photos.rejectSize',
  count: 'photos.rejectCount',
  duplicate: 'photos.rejectDuplicate',
  unreadable: 'photos.rejectUnreadable',
};

/** Choose up to nine photos, see them, remove any; refused files are named with the reason. */
export function PhotoPicker({ photos, onChange }: { photos: Photo[]; onChange: (photos: Photo[]) => void }) {
  const { t } = usePortalI18n();
  const [rejected, setRejected] = useState<PhotoRejection[]>([]);
  const [reading, setReading] = useState(false);
  const supported = canFingerprintPhotos();

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length === 0) return;
    setReading(true);
    const result = await addPhotos(photos, files);
    setReading(false);
    setRejected(result.rejected);
    onChange(result.photos);
  };

  const remove = (photo: Photo) => {
    URL.revokeObjectURL(photo.previewUrl);
    onChange(photos.filter((p) => p.sha256 !== photo.sha256));
  };

  return (
    <div className="field">
      <label htmlFor="report-photos">
        {t('photos.label', { max: MAX_PHOTOS })}
        <span className="optional"> {t('form.optional')}</span>
      </label>
      <p id="report-photos-hint" className="hint">
        {supported ? t('photos.hint') : t('photos.unsupported')}
      </p>
      {/* The native file button speaks the browser's language, not the page's: it is hidden (still focusable) and
          a second label, styled as a button, carries the page's words. */}
      <input
        id="report-photos"
        className="file-input"
        type="file"
        accept={PHOTO_ACCEPT}
        multiple
        disabled={!supported || reading || photos.length >= MAX_PHOTOS}
        aria-describedby="report-photos-hint report-photos-count"
        onChange={(e) => void choose(e)}
      />
      <label htmlFor="report-photos" className="btn btn-secondary file-button" aria-hidden="true">
        {t('photos.choose')}
      </label>
      <p id="report-photos-count" className="hint" aria-live="polite">
        {reading ? t('photos.reading') : t('photos.count', { count: photos.length, max: MAX_PHOTOS })}
      </p>
      {rejected.length > 0 && (
        <ul className="field-error" role="alert">
          {rejected.map((r, i) => (
            <li key={i}>{t(REASON[r.reason], { name: r.name, max: MAX_PHOTOS })}</li>
          ))}
        </ul>
      )}
      {photos.length > 0 && (
        <ul className="photos" data-testid="photo-list">
          {photos.map((p) => (
            <li key={p.sha256}>
              <img src={p.previewUrl} alt={t('photos.preview', { name: p.name })} />
              <button type="button" className="btn btn-small" onClick={() => remove(p)}>
                {t('photos.remove')}
                <span className="visually-hidden"> {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
