import { Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../../i18n.tsx';
import { useSignedIn } from '../../session.tsx';
import { NotificationsCard } from './components/NotificationsCard.tsx';
import { RecentEvents } from './components/RecentEvents.tsx';
import { ScopeCard } from './components/ScopeCard.tsx';
import { TodoCard } from './components/TodoCard.tsx';

/** Home: what this user must do next (待办), the reminders addressed to them, their scope and recent events. */
export default function WorkbenchPage() {
  const { t } = useI18n();
  const { me, access } = useSignedIn();
  return (
    <>
      <Typography.Paragraph style={{ fontSize: 16 }} data-testid="welcome">
        {t('workbench.welcome', { name: me.displayName })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {access.problemRead ? (
          <>
            <Col xs={24} xl={14}>
              <TodoCard />
            </Col>
            <Col xs={24} xl={10}>
              <NotificationsCard />
            </Col>
          </>
        ) : null}
        <Col xs={24} xl={10}>
          <ScopeCard />
        </Col>
        <Col xs={24} xl={14}>
          {access.eventRead ? (
            <RecentEvents />
          ) : (
            <Card title={t('workbench.recentEvents')}>{t('workbench.noEventAccess')}</Card>
          )}
        </Col>
      </Row>
    </>
  );
}
