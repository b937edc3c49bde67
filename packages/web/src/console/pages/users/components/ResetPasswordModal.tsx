import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { passwordProblems } from '@rectify/domain/password-policy';
import { updateUserBody } from '@rectify/domain/schemas/org';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { updateUser, type User } from '../service.ts';

/** Sets a new password for another account (the server records it in the audit log). */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    if (!user) return;
    const { data } = validateWith(
      updateUserBody,
      { version: user.version, password: form.getFieldValue('password') ?? '' },
      form,
    );
    if (!data) return;
    const problems = passwordProblems(data.password ?? '', user.username);
    if (problems.length > 0) return form.setFields([{ name: 'password', errors: problems }]);
    try {
      await updateUser(user.id, data);
      message.success(t('users.passwordReset'));
      form.resetFields();
      setError(null);
      onDone();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Modal
      open={user !== null}
      title={`${t('users.resetPassword')} · ${user?.username ?? ''}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" name="reset-password">
        <Form.Item name="password" label={t('password.new')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
