import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useDebouncedSearch } from '../../../components/useUnitSearch.ts';

export interface Choice {
  value: string;
  label: string;
}

/**
 * Multiple choice over a server search (`search(q)`, a stable function), debounced by `useDebouncedSearch`; the
 * labels of values chosen earlier are looked up once with `labelOf` so an edit form shows names, not ids.
 */
export function SearchMultiSelect({
  value,
  onChange,
  id,
  search,
  labelOf,
  placeholder,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
  search: (q: string) => Promise<Choice[]>;
  labelOf: (id: string) => Promise<string | null>;
  placeholder: string;
}) {
  const { results: found, loading, onSearch } = useDebouncedSearch(search);
  const [known, setKnown] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    let live = true;
    const missing = (value ?? []).filter((v) => !known.has(v));
    if (missing.length === 0) return;
    void Promise.all(missing.map(async (v) => [v, (await labelOf(v)) ?? `${v.slice(0, 8)}…`] as const)).then(
      (pairs) => live && setKnown((m) => new Map([...m, ...pairs])),
    );
    return () => {
      live = false;
    };
  }, [value, known, labelOf]);

  const options = new Map(found.map((c) => [c.value, c]));
  for (const v of value ?? []) if (!options.has(v)) options.set(v, { value: v, label: known.get(v) ?? v });

  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch }}
      allowClear
      loading={loading}
      value={value ?? []}
      onChange={(ids: string[]) => onChange?.(ids)}
      placeholder={placeholder}
      options={[...options.values()]}
      style={{ minWidth: 280 }}
    />
  );
}
