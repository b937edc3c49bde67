import { Card, Empty, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { recentEvents } from '../service.ts';

/** The latest state changes the user may see (real rows from /api/events). */
export function RecentEvents() {
  const { t } = useI18n();
  const events = useRequest(recentEvents, []);
  return (
    <Card
      title={t('workbench.recentEvents')}
      extra={<Link to="/events">{t('workbench.moreEvents')}</Link>}
      data-testid="recent-events"
    >
      {events.error ? <ErrorAlert error={events.error} onRetry={events.reload} /> : null}
      {events.loading && !events.data ? (
        <Skeleton active />
      ) : events.data && events.data.items.length === 0 ? (
        <Empty description={t('state.empty')} />
      ) : (
        <List
          size="small"
          dataSource={events.data?.items ?? []}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    <code>{e.type}</code> · {e.subjectType}
                  </span>
                }
                description={`${formatDateTime(e.at)} · ${e.actorUsername ?? '—'}`}
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('state.total', { total: events.data?.total ?? 0 })}
      </Typography.Text>
    </Card>
  );
}
