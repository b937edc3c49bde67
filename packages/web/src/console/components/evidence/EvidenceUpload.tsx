import { useRef, useState, type DragEvent } from 'react';
import { Button, Space, Spin, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n.tsx';
import { uploadEvidence, type EvidenceFile, type UploadedEvidence } from '../../services/evidence.ts';
import { EvidenceList } from './EvidenceList.tsx';

/** The server takes at most this many files per upload request (features/evidence/routes.ts). */
const FILES_PER_REQUEST = 9;

/**
 * Evidence for a command: drop files or pick them, or on a phone take a photo with the camera (`capture`). Each file
 * is uploaded at once; the form value is the list of SHA-256 digests the command refers to.
 */
export function EvidenceUpload({
  id,
  value = [],
  onChange,
  camera = false,
}: {
  id?: string;
  value?: string[];
  onChange?: (hashes: string[]) => void;
  camera?: boolean;
}) {
  const { t } = useI18n();
  const picker = useRef<HTMLInputElement>(null);
  const shooter = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<Record<string, EvidenceFile>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);

  async function upload(list: FileList | null) {
    if (!list || list.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const chosen = [...list];
      const uploaded: UploadedEvidence[] = [];
      for (let i = 0; i < chosen.length; i += FILES_PER_REQUEST)
        uploaded.push(...(await uploadEvidence(chosen.slice(i, i + FILES_PER_REQUEST))));
      setFiles((known) => ({ ...known, ...Object.fromEntries(uploaded.map((u) => [u.sha256, u])) }));
      onChange?.([...new Set([...value, ...uploaded.map((u) => u.sha256)])]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void upload(e.dataTransfer.files);
  };

  return (
    <div id={id} data-testid="evidence-upload">
      {error ? <ErrorAlert error={error} /> : null}
      <div
        role="button"
        tabIndex={0}
        onClick={() => picker.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && picker.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{
          border: `1px dashed ${over ? '#b71c1c' : '#d9d9d9'}`,
          borderRadius: 4,
          padding: 16,
          textAlign: 'center',
          cursor: 'pointer',
          background: '#fafafa',
        }}
      >
        {busy ? <Spin size="small" /> : <InboxOutlined style={{ fontSize: 24, color: '#b71c1c' }} />}
        <div>{busy ? t('problem.evidence.uploading') : t('problem.evidence.drop')}</div>
      </div>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,video/mp4"
        data-testid="evidence-input"
        onChange={(e) => {
          void upload(e.target.files);
          e.target.value = '';
        }}
      />
      {camera ? (
        <>
          <Button icon={<CameraOutlined />} onClick={() => shooter.current?.click()} style={{ marginTop: 8 }}>
            {t('problem.evidence.camera')}
          </Button>
          <input
            ref={shooter}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={(e) => {
              void upload(e.target.files);
              e.target.value = '';
            }}
          />
        </>
      ) : null}
      {value.length > 0 ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <EvidenceList hashes={value} files={files} />
          <Space wrap>
            {value.map((hash) => (
              <Button
                key={hash}
                size="small"
                icon={<DeleteOutlined />}
                onClick={() => onChange?.(value.filter((h) => h !== hash))}
              >
                <Typography.Text ellipsis style={{ maxWidth: 140 }}>
                  {t('problem.evidence.remove')} {files[hash]?.originalName ?? hash.slice(0, 8)}
                </Typography.Text>
              </Button>
            ))}
          </Space>
        </Space>
      ) : null}
    </div>
  );
}
