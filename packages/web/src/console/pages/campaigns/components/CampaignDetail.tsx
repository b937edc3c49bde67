import { Button, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { useSignedIn } from '../../../session.tsx';
import { getCampaign, listSchemes } from '../service.ts';
import { OverviewTab } from './OverviewTab.tsx';
import { PhaseTag } from './PhaseTag.tsx';
import { ProblemsTab } from './ProblemsTab.tsx';
import { ResearchTab } from './ResearchTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { ScoringTab } from './ScoringTab.tsx';

const TABS = ['overview', 'research', 'scoring', 'results', 'problems'] as const;
type TabKey = (typeof TABS)[number];

/** One campaign with its tabs; the open tab is part of the address. Scoring is offered only to those who may score. */
export function CampaignDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const campaign = useRequest(() => getCampaign(id), [id]);
  const schemes = useRequest(listSchemes, []);
  const requested = params.get('tab') as TabKey | null;
  const visible = TABS.filter((k) => k !== 'scoring' || access.campaignScore);
  const tab: TabKey = requested && visible.includes(requested) ? requested : 'overview';

  const back = (
    <Link to="/campaigns">
      <ArrowLeftOutlined /> {t('campaign.backToList')}
    </Link>
  );
  if (campaign.error) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <ErrorAlert error={campaign.error} onRetry={campaign.reload} />
      </Space>
    );
  }
  const c = campaign.data;
  if (!c) return <Skeleton active />;
  const scheme = schemes.data?.find((s) => s.id === c.schemeId) ?? null;

  const items = visible.map((key) => ({
    key,
    label: t(`campaign.tab.${key}`),
    children:
      key === 'overview' ? (
        <OverviewTab campaign={c} scheme={scheme} onChanged={campaign.reload} />
      ) : key === 'research' ? (
        <ResearchTab campaign={c} />
      ) : key === 'scoring' ? (
        <ScoringTab campaign={c} scheme={scheme} schemesLoading={schemes.loading} />
      ) : key === 'results' ? (
        <ResultsTab campaign={c} scheme={scheme} />
      ) : (
        <ProblemsTab campaign={c} />
      ),
  }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="campaign-detail">
      {back}
      <Flex gap={12} align="center" wrap>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {c.title}
        </Typography.Title>
        <PhaseTag phase={c.phase} />
        <Button size="small" onClick={campaign.reload} loading={campaign.loading}>
          {t('action.refresh')}
        </Button>
      </Flex>
      {schemes.error ? <ErrorAlert error={schemes.error} onRetry={schemes.reload} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('tab', key);
          setParams(next);
        }}
        items={items}
        destroyOnHidden
      />
    </Space>
  );
}
