import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../i18n.tsx';
import { searchUnits, type Unit } from '../services/org.ts';

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
  const [q, setQ] = useState('');
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      searchUnits(q).then(
        (items) => live && (setUnits(items), setLoading(false)),
        () => live && setLoading(false),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={loading}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={t('unit.placeholder')}
      options={units.map((u) => ({ value: u.id, label: u.name }))}
      style={{ minWidth: 240 }}
    />
  );
}
