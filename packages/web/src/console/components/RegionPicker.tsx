import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { useI18n } from '../i18n.tsx';
import { listRegions, type Region } from '../services/org.ts';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (r: Region): Option => ({ value: r.code, label: r.name, isLeaf: r.level === 'town' });

/**
 * Region picker cascading through `/api/regions?parent=` one level at a time; any level may be chosen. The value is
 * the chosen region's code.
 */
export function RegionPicker({
  value,
  onChange,
  id,
  allowClear = true,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  id?: string;
  allowClear?: boolean;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    listRegions().then(
      (items) => setOptions(items.map(toOption)),
      () => setFailed(true),
    );
  }, []);

  // A value set from outside (reset) clears the displayed path.
  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);

  const loadData = (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    listRegions(target.value).then(
      (items) => {
        target.children = items.map(toOption);
        if (items.length === 0) target.isLeaf = true;
        setOptions((o) => [...o]);
      },
      () => setFailed(true),
    );
  };

  return (
    <Cascader<Option>
      id={id}
      options={options}
      loadData={loadData}
      changeOnSelect
      allowClear={allowClear}
      status={failed ? 'error' : undefined}
      placeholder={t('region.placeholder')}
      value={path}
      onChange={(codes) => {
        const list = (codes ?? []) as string[];
        setPath(list);
        onChange?.(list[list.length - 1] ?? null);
      }}
      style={{ minWidth: 220 }}
    />
  );
}
