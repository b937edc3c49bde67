import { useState } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { RegionName } from '../../../components/Names.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { useSignedIn } from '../../../session.tsx';
import { listResearch, type Campaign, type ResearchRecord } from '../service.ts';
import { ResearchFormModal } from './ResearchFormModal.tsx';

const KIND_COLORS: Record<ResearchRecord['kind'], string> = { visit: 'blue', survey: 'purple', meeting: 'gold' };

/** 调研记录: visits, surveys and meetings with their notes and evidence; members and staff record new ones. */
export function ResearchTab({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const records = useRequest(() => listResearch(campaign.id), [campaign.id]);
  const [adding, setAdding] = useState(false);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {access.campaignResearch && campaign.phase !== 'archived' && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('campaign.research.add')}
        </Button>
      )}
      {records.error ? <ErrorAlert error={records.error} onRetry={records.reload} /> : null}
      <Table<ResearchRecord>
        rowKey="id"
        data-testid="research-table"
        loading={records.loading}
        dataSource={records.data ?? []}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          expandedRowRender: (r) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.notes}</Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('campaign.research.happenedOn'), dataIndex: 'happenedOn', width: 120 },
          {
            title: t('campaign.research.kind'),
            dataIndex: 'kind',
            width: 90,
            render: (k: ResearchRecord['kind']) => <Tag color={KIND_COLORS[k]}>{t(`campaign.research.kind.${k}`)}</Tag>,
          },
          { title: t('campaign.research.title'), dataIndex: 'title' },
          {
            title: t('campaign.research.place'),
            dataIndex: 'regionCode',
            render: (code: string) => <RegionName code={code} />,
          },
          {
            title: t('campaign.research.evidence'),
            dataIndex: 'evidence',
            render: (hashes: string[]) =>
              hashes.length === 0
                ? '—'
                : hashes.map((h, i) => (
                    <a key={h} href={`/api/evidence/${h}`} target="_blank" rel="noreferrer" title={h}>
                      {t('campaign.research.evidenceItem', { n: i + 1 })}{' '}
                    </a>
                  )),
          },
        ]}
      />
      <ResearchFormModal
        campaign={campaign}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          records.reload();
        }}
      />
    </Space>
  );
}
