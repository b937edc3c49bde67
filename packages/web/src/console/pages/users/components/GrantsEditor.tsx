import { Button, Card, Form, Radio, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '@rectify/domain/roles';
import { RegionPicker } from '../../../components/RegionPicker.tsx';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { useI18n } from '../../../i18n.tsx';

export interface GrantRow {
  role?: (typeof ROLES)[number];
  scope: 'region' | 'unit';
  regionCode?: string | null;
  unitId?: string | null;
}

/** Grants → the API's shape: exactly one of regionCode / unitId, chosen by the scope switch. */
export const grantRowsToInput = (rows: GrantRow[] = []) =>
  rows.map((g) => ({
    role: g.role,
    regionCode: g.scope === 'region' ? (g.regionCode ?? null) : null,
    unitId: g.scope === 'unit' ? (g.unitId ?? null) : null,
  }));

/** One card per grant: role, then a region (cascading picker) or a unit (search picker). Lives in a Form named `grants`. */
export function GrantsEditor() {
  const { t } = useI18n();
  return (
    <Form.List name="grants">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field) => (
            <Card key={field.key} size="small">
              <Space wrap align="start">
                <Form.Item name={[field.name, 'role']} label={t('grants.role')} required>
                  <Select style={{ width: 200 }} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'scope']} label={t('grants.scopeType')}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'region', label: t('grants.scopeRegion') },
                      { value: 'unit', label: t('grants.scopeUnit') },
                    ]}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) =>
                    getFieldValue(['grants', field.name, 'scope']) === 'unit' ? (
                      <Form.Item name={[field.name, 'unitId']} label={t('grants.scopeUnit')} required>
                        <UnitPicker />
                      </Form.Item>
                    ) : (
                      <Form.Item name={[field.name, 'regionCode']} label={t('grants.scopeRegion')} required>
                        <RegionPicker />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('grants.remove')}
                  onClick={() => remove(field.name)}
                  disabled={fields.length <= 1}
                  style={{ marginTop: 30 }}
                />
              </Space>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ scope: 'region' })}>
            {t('grants.add')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
