import { Alert, Card, Descriptions, Tag } from 'antd';
import { GrantTags } from '../../../components/GrantTags.tsx';
import { RegionName, UnitName } from '../../../components/Names.tsx';
import { useI18n } from '../../../i18n.tsx';
import { useSignedIn } from '../../../session.tsx';

/** Who the user is in the system: unit, region, roles with their scope, second-factor status. */
export function ScopeCard() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  return (
    <Card title={t('workbench.roles')} data-testid="scope-card">
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title={t('account.mustChangePassword')} style={{ marginBottom: 16 }} />
      )}
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('workbench.unit')}>
          <UnitName id={me.unitId} />
        </Descriptions.Item>
        <Descriptions.Item label={t('workbench.region')}>
          <RegionName code={me.regionCode} />
        </Descriptions.Item>
        <Descriptions.Item label={t('users.grants')}>
          <GrantTags grants={me.grants} />
        </Descriptions.Item>
        <Descriptions.Item label={t('workbench.security')}>
          {me.totpEnabled ? (
            <Tag color="green">{t('workbench.totpOn')}</Tag>
          ) : (
            <Tag color="orange" style={{ whiteSpace: 'normal' }}>
              {t('workbench.totpOff')}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
