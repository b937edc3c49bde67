import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { createTokenBody } from '@rectify/domain/schemas/auth';
import { formatDateTime } from '../../i18n/datetime.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { validateWith } from '../components/zodForm.ts';
import { useI18n } from '../i18n.tsx';
import { createToken, listTokens, revokeToken, type Token } from './service.ts';

/** The user's API tokens: list, create (the secret shown once), revoke. */
export function TokensModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();
  const tokens = useRequest(() => (open ? listTokens() : Promise.resolve([] as Token[])), [open]);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function create() {
    const { data } = validateWith(createTokenBody, form.getFieldsValue(), form);
    if (!data) return;
    try {
      const token = await createToken(data);
      setCreated(token.token);
      setError(null);
      form.resetFields();
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function revoke(id: string) {
    try {
      await revokeToken(id);
      message.success(t('tokens.revoked'));
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Modal
      open={open}
      title={t('account.tokens')}
      onCancel={() => (setCreated(null), onClose())}
      footer={null}
      width={820}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {tokens.error ? <ErrorAlert error={tokens.error} onRetry={tokens.reload} /> : null}
      {created && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Typography.Text strong>{t('tokens.createdOnce')}</Typography.Text>
          <Typography.Paragraph code copyable style={{ wordBreak: 'break-all' }}>
            {created}
          </Typography.Paragraph>
        </Space>
      )}
      <Form form={form} layout="inline" name="create-token" initialValues={{ expiresInDays: 365 }} onFinish={create}>
        <Form.Item name="name" label={t('tokens.name')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')}>
          <InputNumber min={1} max={3650} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('tokens.create')}
        </Button>
      </Form>
      <Table<Token>
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        loading={tokens.loading}
        dataSource={tokens.data ?? []}
        pagination={false}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <code>rct_{p}_…</code> },
          { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: formatDateTime },
          { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
          {
            title: t('tokens.status'),
            render: (_: unknown, row) =>
              row.revokedAt ? <Tag>{t('tokens.revoked')}</Tag> : <Tag color="green">{t('tokens.active')}</Tag>,
          },
          {
            title: '',
            render: (_: unknown, row) =>
              row.revokedAt ? null : (
                <Popconfirm title={t('tokens.revokeConfirm')} onConfirm={() => revoke(row.id)}>
                  <Button size="small" danger>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Modal>
  );
}
