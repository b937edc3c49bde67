import { App, Button, Card, Empty, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { NotificationView } from '@rectify/domain/schemas/workbench';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../components/errors.ts';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { markNotificationDone, openNotifications } from '../service.ts';

/** 提醒: reminders the jobs filed for this user's unit or roles; marking one done removes it from the inbox. */
export function NotificationsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const inbox = useRequest(openNotifications, []);
  const [busy, setBusy] = useState<string | null>(null);

  async function done(n: NotificationView) {
    setBusy(n.id);
    try {
      await markNotificationDone(n.id);
      inbox.reload();
    } catch (err) {
      void message.error(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  }

  const items = inbox.data?.items ?? [];
  return (
    <Card title={t('workbench.notifications')} data-testid="notifications">
      {inbox.error ? <ErrorAlert error={inbox.error} onRetry={inbox.reload} /> : null}
      {inbox.loading && !inbox.data ? (
        <Skeleton active />
      ) : items.length === 0 && !inbox.error ? (
        <Empty description={t('workbench.notificationsEmpty')} />
      ) : (
        <List
          size="small"
          pagination={items.length > 6 ? { pageSize: 6, size: 'small' } : false}
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              data-testid="notification"
              actions={[
                <Button key="done" size="small" loading={busy === n.id} onClick={() => void done(n)}>
                  {t('workbench.markDone')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  n.subjectType === 'problem' ? <Link to={`/problems/${n.subjectId}`}>{n.message}</Link> : n.message
                }
                description={
                  <Typography.Text type="secondary">
                    {n.dueOn ? `${t('workbench.dueOn', { date: n.dueOn })} · ` : ''}
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
