import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../i18n.tsx';
import { unitById, type Unit } from '../services/org.ts';
import { useUnitSearch } from './useUnitSearch.ts';

/** Several units at once (协办单位), searched like UnitPicker; chosen units keep their names while searching on. */
export function CoUnitsPicker({
  id,
  value = [],
  onChange,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const { results, loading, onSearch } = useUnitSearch();
  const [chosen, setChosen] = useState<Unit[]>([]);

  useEffect(() => {
    let live = true;
    void Promise.all(value.map(unitById)).then((units) => live && setChosen(units.filter((u): u is Unit => !!u)));
    return () => {
      live = false;
    };
  }, [value]);

  const options = new Map([...chosen, ...results].map((u) => [u.id, { value: u.id, label: u.name }]));
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch }}
      loading={loading}
      value={value}
      onChange={(ids: string[]) => onChange?.(ids)}
      placeholder={t('unit.placeholder')}
      options={[...options.values()]}
      style={{ width: '100%' }}
    />
  );
}
