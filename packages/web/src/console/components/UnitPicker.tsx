import { Select } from 'antd';
import { useI18n } from '../i18n.tsx';
import { useUnitSearch } from './useUnitSearch.ts';

/** Searchable unit picker over `/api/units?q=` (only units in the signed-in user's scope come back). */
export function UnitPicker({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const { results, loading, onSearch } = useUnitSearch();

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch }}
      allowClear
      loading={loading}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={t('unit.placeholder')}
      options={results.map((u) => ({ value: u.id, label: u.name }))}
      style={{ minWidth: 240 }}
    />
  );
}
