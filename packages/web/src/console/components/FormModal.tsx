import type { ReactNode } from 'react';
import { Alert, Button, Modal } from 'antd';
import { useI18n } from '../i18n.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { isStaleVersion } from './errors.ts';

/**
 * The shell of the console's form dialogs: save/cancel, the busy state, the server's error (a stale version as
 * 已被他人修改，请刷新 with a button that loads the current record when `onLoadLatest` is given), any `notices`, the
 * form-level messages of a zod check, then the form.
 */
export function FormModal({
  open,
  title,
  onCancel,
  onOk,
  busy,
  error,
  formErrors = [],
  onLoadLatest,
  notices,
  okText,
  width,
  children,
}: {
  open: boolean;
  title: ReactNode;
  onCancel: () => void;
  onOk: () => void;
  busy: boolean;
  error: unknown;
  formErrors?: readonly string[];
  onLoadLatest?: () => void;
  /** More messages shown under the error (e.g. a failed lookup the form needs). */
  notices?: ReactNode;
  okText?: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onCancel}
      onOk={onOk}
      okText={okText ?? t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      {error ? (
        onLoadLatest && isStaleVersion(error) ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('error.stale')}
            data-testid="stale-alert"
            action={
              <Button size="small" onClick={onLoadLatest}>
                {t('action.refresh')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {notices}
      {formErrors.map((e) => (
        <Alert key={e} type="error" title={e} style={{ marginBottom: 8 }} />
      ))}
      {children}
    </Modal>
  );
}
