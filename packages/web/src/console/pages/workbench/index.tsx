import { Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../../i18n.tsx';
import { useSignedIn } from '../../session.tsx';
import { RecentEvents } from './components/RecentEvents.tsx';
import { ScopeCard } from './components/ScopeCard.tsx';

/** Home: the user's roles and scope and the latest events in scope — only what exists, no placeholders. */
export default function WorkbenchPage() {
  const { t } = useI18n();
  const { me, access } = useSignedIn();
  return (
    <>
      <Typography.Paragraph style={{ fontSize: 16 }} data-testid="welcome">
        {t('workbench.welcome', { name: me.displayName })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
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
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('workbench.nextModules')}
      </Typography.Paragraph>
    </>
  );
}
