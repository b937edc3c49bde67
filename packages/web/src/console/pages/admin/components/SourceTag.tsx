import { Button, Space, Tag } from 'antd';
import { RegionName } from '../../../components/Names.tsx';
import { useI18n } from '../../../i18n.tsx';
import type { Source } from '../lib/settingsDraft.ts';

/** 本级设置 / 继承自 XX市 / 系统默认. */
export function SourceTag({ source }: { source: Source }) {
  const { t } = useI18n();
  if (source.kind === 'own') return <Tag color="blue">{t('settings.source.own')}</Tag>;
  if (source.kind === 'default') return <Tag>{t('settings.source.default')}</Tag>;
  return (
    <Tag color="purple">
      {t('settings.source.inherited', { name: '' })}
      <RegionName code={source.regionCode} />
    </Tag>
  );
}

/** The source of a value and, when the region sets it itself and may edit, the 恢复继承 action. */
export function SourceControls({
  source,
  canEdit,
  onRestore,
  label,
}: {
  source: Source;
  canEdit: boolean;
  onRestore: () => void;
  /** What is restored, for screen readers ("恢复继承 整改完成率"). */
  label: string;
}) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <SourceTag source={source} />
      {canEdit && source.kind === 'own' ? (
        <Button size="small" type="link" onClick={onRestore} aria-label={`${t('settings.restore')} ${label}`}>
          {t('settings.restore')}
        </Button>
      ) : null}
    </Space>
  );
}
