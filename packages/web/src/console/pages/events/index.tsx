import { useState } from 'react';
import { Button, Card, Form, Input, Space, Table } from 'antd';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { JsonCell } from '../../components/JsonCell.tsx';
import { RegionName } from '../../components/Names.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { listPagination } from '../../components/pagination.ts';
import { eventsCsvUrl, listEvents, type EventFilters, type EventRow } from './service.ts';

/** Every state change in the user's scope (the event stream), filterable and exportable. */
export default function EventsPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<{ type?: string; subjectType?: string; subjectId?: string }>();
  const [filters, setFilters] = useState<EventFilters>({ page: 1, pageSize: 20 });
  const events = useRequest(() => listEvents(filters), [filters]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          name="event-filters"
          onFinish={(v) =>
            setFilters({
              type: v.type || undefined,
              subjectType: v.subjectType || undefined,
              subjectId: v.subjectId || undefined,
              page: 1,
              pageSize: filters.pageSize,
            })
          }
        >
          <Form.Item name="type" label={t('events.type')}>
            <Input allowClear maxLength={64} />
          </Form.Item>
          <Form.Item name="subjectType" label={t('events.subjectType')}>
            <Input allowClear maxLength={64} />
          </Form.Item>
          <Form.Item name="subjectId" label={t('events.subjectId')}>
            <Input allowClear maxLength={64} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('action.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({ page: 1, pageSize: filters.pageSize });
              }}
            >
              {t('action.reset')}
            </Button>
            <Button href={eventsCsvUrl(filters)}>{t('action.exportCsv')}</Button>
          </Space>
        </Form>
      </Card>
      {events.error ? <ErrorAlert error={events.error} onRetry={events.reload} /> : null}
      <Table<EventRow>
        rowKey="id"
        data-testid="events-table"
        loading={events.loading}
        dataSource={events.data?.items ?? []}
        scroll={{ x: 960 }}
        pagination={listPagination(filters, events.data?.total, setFilters, t)}
        columns={[
          { title: t('records.at'), dataIndex: 'at', render: formatDateTime, width: 180 },
          { title: t('records.actor'), dataIndex: 'actorUsername', render: (a: string | null) => a ?? '—' },
          { title: t('events.type'), dataIndex: 'type', render: (v: string) => <code>{v}</code> },
          {
            title: t('events.subject'),
            render: (_: unknown, e) => (
              <span title={e.subjectId}>
                {e.subjectType} · {e.subjectId.slice(0, 8)}
              </span>
            ),
          },
          { title: t('records.region'), dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
          { title: t('records.details'), dataIndex: 'payload', render: (p: unknown) => <JsonCell value={p} /> },
        ]}
      />
    </Space>
  );
}
