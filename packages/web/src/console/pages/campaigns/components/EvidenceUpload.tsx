import { useRef, useState } from 'react';
import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../components/errors.ts';
import { useI18n } from '../../../i18n.tsx';
import { uploadEvidence } from '../service.ts';

/**
 * Evidence files for a form field whose value is the list of their SHA-256 hashes: each file is uploaded as soon
 * as it is picked; a refused file (type, size) shows the server's reason and adds nothing.
 */
export function EvidenceUpload({ value, onChange }: { value?: string[]; onChange?: (hashes: string[]) => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const hashes = value ?? [];
  // Several files upload at once: each success adds to the latest list, not to the one its upload started with.
  const latest = useRef(hashes);
  latest.current = hashes;
  const set = (next: string[]) => {
    latest.current = next;
    onChange?.(next);
  };

  return (
    <Upload
      multiple
      fileList={files}
      onChange={({ fileList }) => setFiles(fileList)}
      onRemove={(file) => {
        const sha = (file.response as string | undefined) ?? null;
        if (sha) set(latest.current.filter((h) => h !== sha));
      }}
      customRequest={({ file, onSuccess, onError }) => {
        uploadEvidence(file as File).then(
          (sha) => {
            set([...new Set([...latest.current, sha])]);
            onSuccess?.(sha);
          },
          (err: unknown) => onError?.(new Error(errorMessage(err, t))),
        );
      }}
    >
      <Button icon={<UploadOutlined />}>{t('campaign.research.upload')}</Button>
    </Upload>
  );
}
