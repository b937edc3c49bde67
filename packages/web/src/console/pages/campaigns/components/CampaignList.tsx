import { useMemo, useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { CAMPAIGN_PHASES, type CampaignPhase } from '@rectify/domain/campaign/phases';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { RegionName } from '../../../components/Names.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { useSignedIn } from '../../../session.tsx';
import { listCampaigns, type Campaign } from '../service.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { PhaseTag } from './PhaseTag.tsx';

interface Filters {
  q?: string;
  phase?: CampaignPhase;
  year?: number | null;
}

const matches = (c: Campaign, f: Filters) =>
  (!f.q || c.title.includes(f.q) || c.topic.includes(f.q)) &&
  (!f.phase || c.phase === f.phase) &&
  (!f.year || c.year === f.year);

/** Campaigns in the user's scope (a liaison sees those reviewing its unit), filtered by keyword, phase and year. */
export function CampaignList() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const campaigns = useRequest(listCampaigns, []);
  const rows = useMemo(
    () => (campaigns.data?.items ?? []).filter((c) => matches(c, filters)),
    [campaigns.data, filters],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          name="campaign-filters"
          onFinish={(v) => setFilters({ q: v.q?.trim() || undefined, phase: v.phase, year: v.year })}
        >
          <Form.Item name="q" label={t('filter.keyword')}>
            <Input allowClear maxLength={50} />
          </Form.Item>
          <Form.Item name="phase" label={t('campaign.phase')}>
            <Select
              allowClear
              placeholder={t('filter.all')}
              style={{ width: 140 }}
              options={CAMPAIGN_PHASES.map((p) => ({ value: p, label: t(`campaign.phase.${p}`) }))}
            />
          </Form.Item>
          <Form.Item name="year" label={t('campaign.year')}>
            <InputNumber min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('action.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('action.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      {access.campaignManage && (
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('campaign.create')}
          </Button>
        </Space>
      )}
      {campaigns.error ? <ErrorAlert error={campaigns.error} onRetry={campaigns.reload} /> : null}
      <Table<Campaign>
        rowKey="id"
        data-testid="campaigns-table"
        loading={campaigns.loading}
        dataSource={rows}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, showTotal: (n) => t('state.total', { total: n }) }}
        columns={[
          {
            title: t('campaign.title'),
            dataIndex: 'title',
            render: (title: string, c) => <Link to={`/campaigns?id=${c.id}`}>{title}</Link>,
          },
          { title: t('campaign.topic'), dataIndex: 'topic' },
          { title: t('campaign.year'), dataIndex: 'year', width: 80 },
          { title: t('campaign.region'), dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
          {
            title: t('campaign.phase'),
            dataIndex: 'phase',
            width: 110,
            render: (p: CampaignPhase) => <PhaseTag phase={p} />,
          },
          {
            title: t('campaign.targets'),
            dataIndex: 'targetUnitIds',
            width: 110,
            render: (ids: string[]) => ids.length,
          },
        ]}
      />
      <CampaignFormModal
        campaign={null}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          campaigns.reload();
        }}
      />
    </Space>
  );
}
