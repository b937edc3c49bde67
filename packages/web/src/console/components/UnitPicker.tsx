import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../i18n.tsx';
import { unitById, type Unit } from '../services/org.ts';
import { useUnitSearch } from './useUnitSearch.ts';

/**
 * Searchable unit picker over `/api/units?q=` (only units in the signed-in user's scope come back); a chosen unit
 * that is not among the results found keeps its name (looked up once), so a saved value never shows as an id.
 */
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
  const [chosen, setChosen] = useState<Unit | null>(null);

  useEffect(() => {
    let live = true;
    if (value) void unitById(value).then((u) => live && setChosen(u));
    else setChosen(null);
    return () => {
      live = false;
    };
  }, [value]);

  const options = new Map(results.map((u) => [u.id, { value: u.id, label: u.name }]));
  if (chosen && chosen.id === value && !options.has(chosen.id))
    options.set(chosen.id, { value: chosen.id, label: chosen.name });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch }}
      allowClear
      loading={loading}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={t('unit.placeholder')}
      options={[...options.values()]}
      style={{ minWidth: 240 }}
    />
  );
}
