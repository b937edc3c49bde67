import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { BulletinView } from '@rectify/domain/schemas/bulletins';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { listPagination } from '../../components/pagination.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { createBulletin, listBulletins, transitionBulletin, updateBulletin, type BulletinFilters } from './service.ts';

const KINDS = ['notice', 'progress', 'result'] as const;
const STATES = ['draft', 'published', 'withdrawn'] as const;
const STATE_COLORS = { draft: 'default', published: 'green', withdrawn: 'orange' } as const;

interface Draft {
  kind: (typeof KINDS)[number];
  title: string;
  body: string;
  regionCode?: string;
}

/** 公告通报: staff write notices, progress reports and results, publish them to the portal and withdraw them. */
export default function BulletinsPage() {
  const { t } = useI18n();
  const { access } = useSession();
  const { message } = AntApp.useApp();
  const [filters, setFilters] = useState<BulletinFilters>({ page: 1, pageSize: 20 });
  const list = useRequest(() => listBulletins(filters), [filters]);
  const [editing, setEditing] = useState<BulletinView | 'new' | null>(null);
  const [form] = Form.useForm<Draft>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const manage = access?.bulletinManage ?? false;

  const open = (b: BulletinView | 'new') => {
    setError(null);
    setEditing(b);
    form.setFieldsValue(
      b === 'new' ? { kind: 'notice', title: '', body: '' } : { kind: b.kind, title: b.title, body: b.body },
    );
  };
  const save = async (v: Draft) => {
    setSaving(true);
    setError(null);
    try {
      if (editing === 'new') await createBulletin({ ...v, regionCode: v.regionCode || undefined });
      else if (editing)
        await updateBulletin(editing.id, { version: editing.version, kind: v.kind, title: v.title, body: v.body });
      setEditing(null);
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const step = async (b: BulletinView, action: 'publish' | 'withdraw') => {
    try {
      await transitionBulletin(b.id, action, b.version);
      void message.success(t(action === 'publish' ? 'bulletins.published' : 'bulletins.withdrawn'));
    } catch (e) {
      void message.error((e as Error).message);
    }
    list.reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form
          layout="inline"
          name="bulletin-filters"
          onFinish={(v: BulletinFilters) =>
            setFilters({ q: v.q || undefined, state: v.state, kind: v.kind, page: 1, pageSize: filters.pageSize })
          }
        >
          <Form.Item name="q" label={t('bulletins.search')}>
            <Input allowClear maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('bulletins.kind')}>
            <Select
              allowClear
              style={{ width: 140 }}
              options={KINDS.map((k) => ({ value: k, label: t(`bulletins.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="state" label={t('bulletins.state')}>
            <Select
              allowClear
              style={{ width: 140 }}
              options={STATES.map((s) => ({ value: s, label: t(`bulletins.state.${s}`) }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('action.search')}
            </Button>
            {manage && (
              <Button onClick={() => open('new')} data-testid="bulletin-new">
                {t('bulletins.new')}
              </Button>
            )}
          </Space>
        </Form>
      </Card>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<BulletinView>
        rowKey="id"
        data-testid="bulletins-table"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={listPagination(filters, list.data?.total, setFilters, t)}
        columns={[
          { title: t('bulletins.titleField'), dataIndex: 'title' },
          {
            title: t('bulletins.kind'),
            dataIndex: 'kind',
            render: (k: Draft['kind']) => t(`bulletins.kind.${k}`),
            width: 110,
          },
          {
            title: t('bulletins.state'),
            dataIndex: 'state',
            width: 100,
            render: (s: BulletinView['state']) => <Tag color={STATE_COLORS[s]}>{t(`bulletins.state.${s}`)}</Tag>,
          },
          { title: t('bulletins.region'), dataIndex: 'regionCode', width: 110 },
          { title: t('bulletins.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime, width: 180 },
          {
            title: t('bulletins.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, b: BulletinView) =>
              manage ? (
                <Space>
                  {b.state !== 'withdrawn' && (
                    <Button size="small" onClick={() => open(b)}>
                      {t('action.edit')}
                    </Button>
                  )}
                  {b.state === 'published' ? (
                    <Button size="small" danger onClick={() => void step(b, 'withdraw')}>
                      {t('bulletins.withdraw')}
                    </Button>
                  ) : (
                    <Button size="small" type="primary" onClick={() => void step(b, 'publish')}>
                      {t('bulletins.publish')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('bulletins.new') : t('bulletins.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
        width={720}
      >
        {error ? <ErrorAlert error={error} /> : null}
        <Form form={form} layout="vertical" name="bulletin-editor" onFinish={(v) => void save(v)}>
          <Form.Item name="kind" label={t('bulletins.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`bulletins.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('bulletins.titleField')} rules={[{ required: true, min: 4, max: 120 }]}>
            <Input maxLength={120} showCount />
          </Form.Item>
          <Form.Item name="body" label={t('bulletins.body')} rules={[{ required: true, min: 10, max: 20000 }]}>
            <Input.TextArea rows={10} maxLength={20000} showCount />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item name="regionCode" label={t('bulletins.region')} extra={t('bulletins.regionHint')}>
              <Input maxLength={9} placeholder="330500" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
