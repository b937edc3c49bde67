import { Button, Checkbox, Popover } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n.tsx';
import { COLUMN_KEYS, columnTitle, type ColumnKey } from '../columns.tsx';

/** Which columns the table shows; the title column always stays (it opens the problem). */
export function ColumnChooser({
  value,
  onChange,
}: {
  value: readonly ColumnKey[];
  onChange: (keys: ColumnKey[]) => void;
}) {
  const { t } = useI18n();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={
        <Checkbox.Group<ColumnKey>
          value={[...value]}
          onChange={(keys) => onChange(COLUMN_KEYS.filter((k) => k === 'title' || keys.includes(k)))}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={COLUMN_KEYS.map((k) => ({ value: k, label: columnTitle(k, t), disabled: k === 'title' }))}
        />
      }
    >
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('lists.columns')}
      </Button>
    </Popover>
  );
}
