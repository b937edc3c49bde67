import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../../i18n.tsx';
import { searchUnits, unitById, type Unit } from '../../../services/org.ts';

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
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Unit[]>([]);
  const [chosen, setChosen] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      searchUnits(q).then(
        (items) => live && (setFound(items), setLoading(false)),
        () => live && setLoading(false),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  useEffect(() => {
    let live = true;
    void Promise.all(value.map(unitById)).then((units) => live && setChosen(units.filter((u): u is Unit => !!u)));
    return () => {
      live = false;
    };
  }, [value]);

  const options = new Map([...chosen, ...found].map((u) => [u.id, { value: u.id, label: u.name }]));
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      value={value}
      onChange={(ids: string[]) => onChange?.(ids)}
      placeholder={t('unit.placeholder')}
      options={[...options.values()]}
      style={{ width: '100%' }}
    />
  );
}
