import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { loginBody } from '@rectify/domain/schemas/auth';
import { ApiError } from '../../../api.ts';
import type { Locale } from '../../../i18n/translate.ts';
import { errorMessage } from '../../components/errors.ts';
import { validateWith } from '../../components/zodForm.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { login, type LoginBody } from './service.ts';

/**
 * Sign-in: username and password; the one-time code field appears when the server answers `totp_required`.
 * Lockout (423) and rate-limit (429) messages are shown exactly as the server words them.
 */
export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { signedIn } = useSession();
  const [form] = Form.useForm<LoginBody>();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: LoginBody) {
    const { data } = validateWith(loginBody, needTotp ? values : { ...values, totp: undefined }, form);
    if (!data) return;
    setBusy(true);
    try {
      const answer = await login(data);
      setError(null);
      signedIn(answer.user);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') setNeedTotp(true);
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Select<Locale>
            size="small"
            aria-label={t('app.language')}
            value={locale}
            onChange={setLocale}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en-US', label: 'English' },
            ]}
          />
        </div>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 16, textAlign: 'center', fontWeight: 'normal' }}>
          {t('login.title')}
        </Typography.Title>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="login">
          <Form.Item name="username" label={t('login.username')}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {needTotp && (
            <Form.Item name="totp" label={t('login.totp')} extra={t('login.totpHint')}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <p style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
          <a href="/">{t('login.portalLink')}</a>
        </p>
      </Card>
    </main>
  );
}
