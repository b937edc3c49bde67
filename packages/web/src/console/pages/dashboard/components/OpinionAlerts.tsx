import { useState } from 'react';
import { App, Button, List, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { errorMessage } from '../../../components/errors.ts';
import { useI18n } from '../../../i18n.tsx';
import { acknowledgeAlert, type OpinionAlerts as OpinionAlertsData } from '../service.ts';

/**
 * Open negative-feedback alerts (舆情预警): what spiked, how far above its usual level, with example messages. Staff
 * who may manage analytics acknowledge an alert once it is handled; it then leaves the open list.
 */
export function OpinionAlerts({
  data,
  canAcknowledge,
  onChanged,
}: {
  data: OpinionAlertsData;
  canAcknowledge: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  async function acknowledge(id: string) {
    setBusy(id);
    try {
      await acknowledgeAlert(id);
      message.success(t('dashboard.alerts.acknowledged'));
      onChanged();
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  }

  return (
    <List
      size="small"
      data-testid="opinion-alerts"
      dataSource={data.items}
      renderItem={(a) => (
        <List.Item
          actions={
            canAcknowledge
              ? [
                  <Button key="ack" size="small" loading={busy === a.id} onClick={() => void acknowledge(a.id)}>
                    {t('dashboard.alerts.acknowledge')}
                  </Button>,
                ]
              : undefined
          }
        >
          <List.Item.Meta
            title={
              <>
                <Tag color="red">{t(`dashboard.alerts.subject.${a.subjectType}`)}</Tag>
                {a.subjectLabel}
              </>
            }
            description={
              <>
                <div>
                  {t('dashboard.alerts.meta', {
                    count: a.negativeCount,
                    baseline: a.baselineMean.toFixed(1),
                    z: a.zScore.toFixed(1),
                  })}{' '}
                  · {formatDateTime(a.bucketStart)}
                </div>
                {a.examples.slice(0, 2).map((e) => (
                  <Typography.Paragraph key={e.sourceId} type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0 }}>
                    “{e.text}”
                  </Typography.Paragraph>
                ))}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
