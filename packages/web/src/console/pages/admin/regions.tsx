import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Space } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n.tsx';
import { useSignedIn } from '../../session.tsx';
import { RegionFormModal } from './components/RegionFormModal.tsx';
import { RegionTree } from './components/RegionTree.tsx';
import { CHILD_LEVEL } from './lib/regionForm.ts';
import type { AdminRegion } from './service.ts';

const numberFormat = new Intl.NumberFormat('zh-CN');

/** 地区管理: the region tree with each region's level, population and time zone; edit a region, add a child. */
export default function RegionsPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const [selected, setSelected] = useState<AdminRegion | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'child' | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [refreshParent, setRefreshParent] = useState<string | null>(null);

  return (
    <Row gutter={16}>
      <Col xs={24} md={9}>
        <Card size="small" title={t('regions.tree')}>
          <RegionTree
            selected={selected?.code ?? null}
            onSelect={setSelected}
            refresh={refresh}
            refreshParent={refreshParent}
          />
        </Card>
      </Col>
      <Col xs={24} md={15}>
        <Card
          size="small"
          title={selected?.name ?? t('regions.tree')}
          extra={
            selected && access.regionManage ? (
              <Space>
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                  {t('regions.edit')}
                </Button>
                <Button
                  icon={<PlusOutlined />}
                  disabled={!CHILD_LEVEL[selected.level]}
                  title={CHILD_LEVEL[selected.level] ? undefined : t('regions.noChild')}
                  onClick={() => setDialog('child')}
                >
                  {t('regions.addChild')}
                </Button>
              </Space>
            ) : null
          }
        >
          {!selected ? (
            <Empty description={t('regions.pick')} />
          ) : (
            <Descriptions column={1} size="small" bordered data-testid="region-details">
              <Descriptions.Item label={t('regions.code')}>{selected.code}</Descriptions.Item>
              <Descriptions.Item label={t('regions.name')}>{selected.name}</Descriptions.Item>
              <Descriptions.Item label={t('regions.level')}>{t(`regions.level.${selected.level}`)}</Descriptions.Item>
              <Descriptions.Item label={t('regions.population')}>
                {typeof selected.population === 'number'
                  ? numberFormat.format(selected.population)
                  : selected.population === null
                    ? t('regions.populationUnknown')
                    : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('regions.timeZone')}>{selected.timeZone ?? '—'}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      </Col>
      {selected && dialog ? (
        <RegionFormModal
          mode={dialog}
          region={selected}
          open
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setRefreshParent(dialog === 'edit' ? selected.parentCode : selected.code);
            setRefresh((n) => n + 1);
            if (dialog === 'edit') setSelected({ ...selected, ...saved });
            setDialog(null);
          }}
        />
      ) : null}
    </Row>
  );
}
