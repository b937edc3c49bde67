import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorMessage } from '../../components/errors.ts';
import { GrantTags } from '../../components/GrantTags.tsx';
import { UnitName } from '../../components/Names.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { listPagination } from '../../components/pagination.ts';
import { useSignedIn } from '../../session.tsx';
import { listUsers, updateUser, usersCsvUrl, type UpdateUser, type User, type UserFilters } from './service.ts';
import { CreateUserModal } from './components/CreateUserModal.tsx';
import { ResetPasswordModal } from './components/ResetPasswordModal.tsx';

/** Accounts in scope; those who may manage users also create, disable/enable, unlock and reset passwords. */
export default function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { access } = useSignedIn();
  const [filterForm] = Form.useForm<{ q?: string; unit?: string | null }>();
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const users = useRequest(() => listUsers(filters), [filters]);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  async function change(user: User, changes: Omit<UpdateUser, 'version'>) {
    try {
      await updateUser(user.id, { version: user.version, ...changes });
      message.success(t('users.updated'));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
    users.reload();
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={filterForm}
          layout="inline"
          name="user-filters"
          onFinish={(v) =>
            setFilters({ q: v.q || undefined, unit: v.unit ?? undefined, page: 1, pageSize: filters.pageSize })
          }
        >
          <Form.Item name="q" label={t('filter.keyword')}>
            <Input allowClear maxLength={50} />
          </Form.Item>
          <Form.Item name="unit" label={t('users.unit')}>
            <UnitPicker />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('action.search')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                setFilters({ page: 1, pageSize: filters.pageSize });
              }}
            >
              {t('action.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Space>
        {access.userManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        )}
        <Button href={usersCsvUrl(filters)}>{t('action.exportCsv')}</Button>
      </Space>
      {users.error ? <ErrorAlert error={users.error} onRetry={users.reload} /> : null}
      <Table<User>
        rowKey="id"
        data-testid="users-table"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 960 }}
        pagination={listPagination(filters, users.data?.total, setFilters, t)}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.unit'), dataIndex: 'unitId', render: (id: string) => <UnitName id={id} /> },
          { title: t('users.grants'), dataIndex: 'grants', render: (g: User['grants']) => <GrantTags grants={g} /> },
          {
            title: t('users.status'),
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                {u.disabled ? (
                  <Tag color="default">{t('users.disabled')}</Tag>
                ) : (
                  <Tag color="green">{t('users.active')}</Tag>
                )}
                {u.lockedUntil && <Tag color="orange">{t('users.locked')}</Tag>}
                {u.totpEnabled && <Tag color="blue">{t('users.totp')}</Tag>}
              </Space>
            ),
          },
          ...(access.userManage
            ? [
                {
                  title: t('units.actions'),
                  render: (_: unknown, u: User) => (
                    <Space size={4} wrap>
                      {u.disabled ? (
                        <Button size="small" onClick={() => change(u, { disabled: false })}>
                          {t('users.enable')}
                        </Button>
                      ) : (
                        <Popconfirm title={t('users.disableConfirm')} onConfirm={() => change(u, { disabled: true })}>
                          <Button size="small" danger>
                            {t('users.disable')}
                          </Button>
                        </Popconfirm>
                      )}
                      {u.lockedUntil && (
                        <Button size="small" onClick={() => change(u, { unlock: true })}>
                          {t('users.unlock')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => setResetting(u)}>
                        {t('users.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          users.reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          users.reload();
        }}
      />
    </Space>
  );
}
