import { useState } from 'react';
import { Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { JsonCell } from '../../components/JsonCell.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { listPagination } from '../../components/pagination.ts';
import { auditCsvUrl, listAudit, type AuditFilters, type AuditRow } from './service.ts';

/** Security audit log (sign-ins, account changes, exports): filter by action and account, export CSV. */
export default function AuditPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<{ action?: string; actor?: string }>();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const audit = useRequest(() => listAudit(filters), [filters]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          name="audit-filters"
          onFinish={(v) =>
            setFilters({
              action: v.action || undefined,
              actor: v.actor || undefined,
              page: 1,
              pageSize: filters.pageSize,
            })
          }
        >
          <Form.Item name="action" label={t('audit.action')}>
            <Input allowClear maxLength={64} placeholder="auth.login" />
          </Form.Item>
          <Form.Item name="actor" label={t('records.actor')}>
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
            <Button href={auditCsvUrl(filters)} data-testid="audit-csv">
              {t('action.exportCsv')}
            </Button>
          </Space>
        </Form>
      </Card>
      {audit.error ? <ErrorAlert error={audit.error} onRetry={audit.reload} /> : null}
      <Table<AuditRow>
        rowKey="id"
        data-testid="audit-table"
        loading={audit.loading}
        dataSource={audit.data?.items ?? []}
        scroll={{ x: 960 }}
        pagination={listPagination(filters, audit.data?.total, setFilters, t)}
        columns={[
          { title: t('records.at'), dataIndex: 'at', render: formatDateTime, width: 180 },
          { title: t('records.actor'), dataIndex: 'actorUsername', render: (a: string | null) => a ?? '—' },
          { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <code>{v}</code> },
          {
            title: t('audit.outcome'),
            dataIndex: 'outcome',
            render: (o: AuditRow['outcome']) =>
              o === 'success' ? (
                <Tag color="green">{t('audit.success')}</Tag>
              ) : (
                <Tag color="red">{t('audit.failure')}</Tag>
              ),
          },
          { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          { title: t('records.details'), dataIndex: 'details', render: (d: unknown) => <JsonCell value={d} /> },
        ]}
      />
    </Space>
  );
}
