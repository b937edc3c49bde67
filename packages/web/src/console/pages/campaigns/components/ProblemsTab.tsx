import { Button, Card, Typography } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n.tsx';
import type { Campaign } from '../service.ts';

/** The campaign's problems live in the problem list (问题清单), opened with this campaign as its filter. */
export function ProblemsTab({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Typography.Paragraph>{t('campaign.problemsIntro', { title: campaign.title })}</Typography.Paragraph>
      <Link to={`/lists/problems?campaign=${campaign.id}`} data-testid="campaign-problems-link">
        <Button type="primary" icon={<UnorderedListOutlined />}>
          {t('campaign.openProblems')}
        </Button>
      </Link>
    </Card>
  );
}
