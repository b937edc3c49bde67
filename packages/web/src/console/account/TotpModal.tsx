import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { totpConfirmBody } from '@rectify/domain/schemas/auth';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { validateWith } from '../components/zodForm.ts';
import { useI18n } from '../i18n.tsx';
import { useSession, useSignedIn } from '../session.tsx';
import { confirmTotp, disableTotp, enrollTotp, type TotpEnrollment } from './service.ts';

/**
 * Turn TOTP on (enroll → the secret and otpauth URL shown as text → confirm with a code) or off (with a code).
 * The URL is text, not a QR image: no QR library in the bundle, and it can be pasted into any authenticator.
 */
export function TotpModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const { reload } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const start = () => run(async () => setEnrollment(await enrollTotp()));

  const submitCode = () =>
    run(async () => {
      const { data } = validateWith(totpConfirmBody, { code: form.getFieldValue('code') ?? '' }, form);
      if (!data) return;
      if (me.totpEnabled) {
        await disableTotp(data.code);
        message.success(t('totp.disabledDone'));
      } else {
        await confirmTotp(data.code);
        message.success(t('totp.confirmed'));
      }
      setEnrollment(null);
      form.resetFields();
      reload();
      onClose();
    });

  const codeForm = (
    <Form form={form} layout="vertical" name="totp" onFinish={submitCode}>
      <Form.Item name="code" label={t('totp.code')} required>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} danger={me.totpEnabled}>
        {me.totpEnabled ? t('totp.disable') : t('totp.confirm')}
      </Button>
    </Form>
  );

  return (
    <Modal open={open} title={t('account.totp')} onCancel={onClose} footer={null} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Paragraph strong>{me.totpEnabled ? t('totp.enabled') : t('totp.disabled')}</Typography.Paragraph>
      {me.totpEnabled ? (
        codeForm
      ) : enrollment ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('totp.secret')}</Typography.Text>
          <Typography.Paragraph code copyable data-testid="totp-secret">
            {enrollment.secret}
          </Typography.Paragraph>
          <Typography.Text>{t('totp.url')}</Typography.Text>
          <Typography.Paragraph code copyable style={{ wordBreak: 'break-all' }} data-testid="totp-url">
            {enrollment.otpauthUrl}
          </Typography.Paragraph>
          {codeForm}
        </Space>
      ) : (
        <>
          <Typography.Paragraph>{t('totp.intro')}</Typography.Paragraph>
          <Button type="primary" onClick={start} loading={busy}>
            {t('totp.start')}
          </Button>
        </>
      )}
    </Modal>
  );
}
