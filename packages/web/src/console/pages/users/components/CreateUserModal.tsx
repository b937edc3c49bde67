import { useEffect } from 'react';
import { App, Form, Input, Typography } from 'antd';
import { passwordProblems } from '@rectify/domain/password-policy';
import { createUserBody } from '@rectify/domain/schemas/org';
import { FormModal } from '../../../components/FormModal.tsx';
import { useFormRequest } from '../../../components/useFormRequest.ts';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { createUser, type User } from '../service.ts';
import { GrantsEditor, grantRowsToInput, type GrantRow } from './GrantsEditor.tsx';

interface Values {
  username?: string;
  displayName?: string;
  unitId?: string | null;
  password?: string;
  grants?: GrantRow[];
}

/** New account with its grants, validated with the server's schema and password policy before sending. */
export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, formErrors, setFormErrors, send } = useFormRequest(form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
      setFormErrors([]);
    }
  }, [open, form]);

  async function submit() {
    const v = form.getFieldsValue();
    const { data, formErrors: general } = validateWith(
      createUserBody,
      {
        username: v.username ?? '',
        displayName: v.displayName ?? '',
        unitId: v.unitId ?? '',
        password: v.password ?? '',
        grants: grantRowsToInput(v.grants),
      },
      form,
    );
    // A grant's refinement error ("region or unit") is reported on the grant, not on a field: show it above.
    setFormErrors(general);
    if (!data) return;
    const problems = passwordProblems(data.password, data.username);
    if (problems.length > 0) return form.setFields([{ name: 'password', errors: problems }]);
    await send(async () => {
      const user = await createUser(data);
      message.success(t('users.created'));
      onCreated(user);
    });
  }

  return (
    <FormModal
      open={open}
      title={t('users.create')}
      onCancel={onClose}
      onOk={submit}
      busy={busy}
      error={error}
      formErrors={formErrors}
      width={760}
    >
      <Form form={form} layout="vertical" name="user" initialValues={{ grants: [{ scope: 'region' }] }}>
        <Form.Item name="username" label={t('users.username')} required>
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} required>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} required>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 15 }}>
          {t('grants.title')}
        </Typography.Title>
        <GrantsEditor />
      </Form>
    </FormModal>
  );
}
