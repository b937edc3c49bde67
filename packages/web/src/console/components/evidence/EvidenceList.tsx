import { Image, Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n.tsx';
import { evidenceUrl, type EvidenceFile } from '../../services/evidence.ts';

/**
 * Evidence files by SHA-256: photos as thumbnails with their EXIF time and place, other files as links. The EXIF time
 * is the camera's own clock without a zone, so it is shown as written.
 */
export function EvidenceList({ hashes, files }: { hashes: readonly string[]; files: Record<string, EvidenceFile> }) {
  if (hashes.length === 0) return null;
  return (
    <Space wrap align="start" size={12} style={{ marginTop: 8 }}>
      {hashes.map((hash) => (
        <EvidenceItem key={hash} hash={hash} file={files[hash]} />
      ))}
    </Space>
  );
}

function EvidenceItem({ hash, file }: { hash: string; file: EvidenceFile | undefined }) {
  const { t } = useI18n();
  const name = file?.originalName ?? t('problem.evidence.unknownFile', { hash: hash.slice(0, 12) });
  if (!file) {
    return (
      <Typography.Text type="secondary" title={hash}>
        <PaperClipOutlined /> {name}
      </Typography.Text>
    );
  }
  if (!file.mime.startsWith('image/')) {
    return (
      <a href={evidenceUrl(hash)} target="_blank" rel="noreferrer" title={hash}>
        <PaperClipOutlined /> {name}
      </a>
    );
  }
  const exif = file.exif;
  return (
    <figure style={{ margin: 0, width: 120 }} data-testid="evidence-photo">
      <Image src={evidenceUrl(hash)} alt={name} width={120} height={90} style={{ objectFit: 'cover' }} />
      <figcaption style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', wordBreak: 'break-all' }}>
        {exif?.takenAt ? <div>{t('problem.evidence.takenAt', { time: exif.takenAt })}</div> : null}
        {exif?.latitude != null && exif.longitude != null ? (
          <div>{t('problem.evidence.place', { lat: exif.latitude.toFixed(5), lng: exif.longitude.toFixed(5) })}</div>
        ) : null}
        {!exif?.takenAt && exif?.latitude == null ? <div>{t('problem.evidence.noExif')}</div> : null}
      </figcaption>
    </figure>
  );
}
