import { List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { useI18n } from '../../../i18n.tsx';
import { clueQueueLink } from '../drill.ts';
import type { HotTopics as HotTopicsData } from '../service.ts';

/** Repeated messages often share a title; one link per distinct text reads better. */
const distinctByTitle = <T extends { title: string }>(items: T[]) =>
  items.filter((item, i) => items.findIndex((other) => other.title === item.title) === i);

/** Hot topics (热点问题): keywords, size and spread, growth, and representative messages opening the clue. */
export function HotTopics({ data, big }: { data: HotTopicsData; big: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.hotTopics.computed', { days: data.windowDays, at: formatDateTime(data.computedAt) })} ·{' '}
        {t('dashboard.suggestionNote')}
      </Typography.Text>
      <List
        size="small"
        data-testid="hot-topics"
        dataSource={data.items}
        renderItem={(topic) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Typography.Text strong style={{ fontSize: big ? 18 : 14 }}>
                  {topic.rank}.
                </Typography.Text>
                {topic.keywords.map((k) => (
                  <Link key={k} to={clueQueueLink({ q: k })}>
                    <Tag color="volcano">{k}</Tag>
                  </Link>
                ))}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dashboard.hotTopics.meta', {
                  count: topic.clueCount,
                  towns: topic.towns,
                  heat: topic.heat.toFixed(1),
                })}{' '}
                · {t('dashboard.hotTopics.growth', { growth: topic.growth.toFixed(1) })}
              </Typography.Text>
              {distinctByTitle(topic.representatives)
                .slice(0, 2)
                .map((r) => (
                  <Link key={r.clueId} to={clueQueueLink({ clue: r.clueId })} style={{ fontSize: 13 }}>
                    “{r.title}”
                  </Link>
                ))}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
