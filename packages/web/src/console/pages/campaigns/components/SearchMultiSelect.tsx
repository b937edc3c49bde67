import { useEffect, useState } from 'react';
import { Select } from 'antd';

export interface Choice {
  value: string;
  label: string;
}

/**
 * Multiple choice over a server search (`search(q)`), debounced; the labels of values chosen earlier are looked up
 * once with `labelOf` so an edit form shows names, not ids.
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
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Choice[]>([]);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      search(q).then(
        (items) => live && (setFound(items), setLoading(false)),
        () => live && setLoading(false),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, search]);

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
      showSearch={{ filterOption: false, onSearch: setQ }}
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
