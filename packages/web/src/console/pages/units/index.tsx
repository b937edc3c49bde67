import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { UNIT_KINDS } from '@rectify/domain/schemas/org';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RegionName } from '../../components/Names.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { listPagination } from '../../components/pagination.ts';
import type { Unit } from '../../services/org.ts';
import { listUnits, unitsCsvUrl, type UnitFilters } from './service.ts';
import { UnitFormModal } from './components/UnitFormModal.tsx';

/** Units in the admin's scope: filter by name, kind and region; create; edit at a version. */
export default function UnitsPage() {
  const { t } = useI18n();
  const [filterForm] = Form.useForm<{ q?: string; kind?: Unit['kind']; region?: string | null }>();
  const [filters, setFilters] = useState<UnitFilters>({ page: 1, pageSize: 20 });
  const units = useRequest(() => listUnits(filters), [filters]);
  const [editing, setEditing] = useState<Unit | null>(null);
  const [open, setOpen] = useState(false);

  const applyFilters = () => {
    const v = filterForm.getFieldsValue();
    setFilters({
      q: v.q || undefined,
      kind: v.kind,
      region: v.region ?? undefined,
      page: 1,
      pageSize: filters.pageSize,
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form form={filterForm} layout="inline" name="unit-filters" onFinish={applyFilters}>
          <Form.Item name="q" label={t('filter.keyword')}>
            <Input allowClear maxLength={50} />
          </Form.Item>
          <Form.Item name="kind" label={t('units.kind')}>
            <Select
              allowClear
              placeholder={t('filter.all')}
              style={{ width: 150 }}
              options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="region" label={t('units.region')}>
            <RegionPicker />
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
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          {t('units.create')}
        </Button>
        <Button href={unitsCsvUrl(filters)}>{t('action.exportCsv')}</Button>
      </Space>
      {units.error ? <ErrorAlert error={units.error} onRetry={units.reload} /> : null}
      <Table<Unit>
        rowKey="id"
        data-testid="units-table"
        loading={units.loading}
        dataSource={units.data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={listPagination(filters, units.data?.total, setFilters, t)}
        columns={[
          { title: t('units.name'), dataIndex: 'name' },
          { title: t('units.kind'), dataIndex: 'kind', render: (k: Unit['kind']) => <Tag>{t(`unitKind.${k}`)}</Tag> },
          { title: t('units.region'), dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
          { title: t('units.version'), dataIndex: 'version', width: 80 },
          {
            title: t('units.actions'),
            width: 100,
            render: (_: unknown, row) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(row);
                  setOpen(true);
                }}
              >
                {t('action.edit')}
              </Button>
            ),
          },
        ]}
      />
      <UnitFormModal
        unit={editing}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          units.reload();
        }}
      />
    </Space>
  );
}
