import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { passwordProblems } from '@rectify/domain/password-policy';
import { changePasswordBody } from '@rectify/domain/schemas/auth';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { validateWith } from '../components/zodForm.ts';
import { useI18n } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { changePassword } from './service.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Change one's own password; the policy is checked here with the server's own rules before sending. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const values = form.getFieldsValue();
    const { data } = validateWith(
      changePasswordBody,
      { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' },
      form,
    );
    if (!data) return;
    const problems = passwordProblems(data.newPassword, me.username);
    if (problems.length > 0) return form.setFields([{ name: 'newPassword', errors: problems }]);
    if (values.repeat !== data.newPassword)
      return form.setFields([{ name: 'repeat', errors: [t('password.mismatch')] }]);
    setBusy(true);
    try {
      await changePassword(data);
      message.success(t('password.changed'));
      form.resetFields();
      setError(null);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('account.changePassword')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" name="change-password">
        <Form.Item name="currentPassword" label={t('password.current')} required>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="repeat" label={t('password.repeat')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
