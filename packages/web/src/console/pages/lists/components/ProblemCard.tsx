import type { ReactNode } from 'react';
import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { RegionName, UnitName } from '../../../components/Names.tsx';
import { useI18n } from '../../../i18n.tsx';
import type { Problem } from '../service.ts';
import { DeadlineStatus, EscalationTag, StateTag, WarningBadge } from './ProblemBadges.tsx';

export const problemPath = (id: string) => `/problems/${id}`;

/**
 * One problem as a card, for narrow screens and task lists: the title links to the problem page (where the
 * actions are); warning light, state, deadline and escalation are visible without opening it.
 */
export function ProblemCard({ problem, extra }: { problem: Problem; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="problem-card" styles={{ body: { padding: 12 } }}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <WarningBadge warning={problem.warning} />
          <StateTag state={problem.state} />
          {problem.escalation > 0 ? <EscalationTag level={problem.escalation} /> : null}
        </Space>
        <Link to={problemPath(problem.id)} style={{ fontWeight: 600, fontSize: 15 }}>
          {problem.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          <UnitName id={problem.leadUnitId} /> · <RegionName code={problem.regionCode} />
        </Typography.Text>
        <Space size={8} wrap>
          <Typography.Text style={{ fontSize: 13 }}>
            {problem.deadline ? t('tasks.deadline', { date: problem.deadline }) : t('tasks.noDeadline')}
          </Typography.Text>
          <DeadlineStatus problem={problem} />
        </Space>
        {extra}
      </Space>
    </Card>
  );
}
