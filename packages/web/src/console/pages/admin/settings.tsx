import { useCallback } from 'react';
import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RegionName } from '../../components/Names.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { parentRegionCode } from '../../services/org.ts';
import { useSignedIn } from '../../session.tsx';
import { RegionTree } from './components/RegionTree.tsx';
import { SettingsForm } from './components/SettingsForm.tsx';
import type { SettingsContext } from './lib/settingsDraft.ts';
import { getClueCategories, getRegionSettings, putRegionSettings } from './service.ts';

/**
 * 地区配置: pick a region in the tree (kept in the URL as `?region=`), see every setting in force with its source,
 * edit the region's own settings and save them at the version read.
 */
export default function RegionSettingsPage() {
  const { t } = useI18n();
  const { me, access } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const code = params.get('region') ?? me.regionCode ?? null;

  const load = useCallback(async (): Promise<SettingsContext | null> => {
    if (!code) return null;
    const parentCode = parentRegionCode(code);
    const [view, parent] = await Promise.all([
      getRegionSettings(code),
      // The parent's view tells what 恢复继承 would give; a parent outside the user's scope is simply unknown.
      parentCode ? getRegionSettings(parentCode).catch(() => null) : Promise.resolve(null),
    ]);
    return { view, parent };
  }, [code]);
  const settings = useRequest(load, [load]);
  const categories = useRequest(() => getClueCategories().catch(() => []), []);

  return (
    <Row gutter={16}>
      <Col xs={24} md={7}>
        <Card size="small" title={t('regions.tree')}>
          <RegionTree selected={code} onSelect={(r) => setParams({ region: r.code })} />
        </Card>
      </Col>
      <Col xs={24} md={17}>
        <Card
          size="small"
          title={
            <span>
              {t('settings.region')}
              <Typography.Text strong>{code ? <RegionName code={code} /> : '—'}</Typography.Text>
            </span>
          }
        >
          {!code ? (
            <Empty description={t('regions.pick')} />
          ) : settings.error ? (
            <ErrorAlert error={settings.error} onRetry={settings.reload} />
          ) : !settings.data || settings.loading ? (
            <Skeleton active paragraph={{ rows: 10 }} />
          ) : (
            <SettingsForm
              ctx={settings.data}
              canEdit={access.settingsManage}
              categories={(categories.data ?? []).map((c) => c.name)}
              onReload={settings.reload}
              onSave={async (version, body) => {
                await putRegionSettings(code, version, body);
                settings.reload();
              }}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
