import { useEffect, useState } from 'react';
import { usePortalI18n, type PortalKey } from '../i18n.ts';
import { publicErrorMessage } from '../lib/errors.ts';
import { listRegions, type Region } from '../services/regions.ts';

const LEVEL_LABEL: Record<Region['level'], PortalKey> = {
  province: 'region.province',
  city: 'region.city',
  county: 'region.county',
  town: 'region.town',
};

interface Level {
  options: Region[];
  selected: string;
}

/**
 * The place, one native select per level (province → city → county → town), each loaded from
 * `/api/regions?parent=` when the level above is chosen. Native selects are what phones and screen readers handle
 * best. `onChange` gets the deepest chosen code and its level ('' when nothing is chosen).
 */
export function RegionSelect({
  idPrefix,
  onChange,
  invalid,
}: {
  idPrefix: string;
  onChange: (code: string, level: Region['level'] | null) => void;
  invalid?: boolean;
}) {
  const { t } = usePortalI18n();
  const [levels, setLevels] = useState<Level[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listRegions().then(
      (options) => setLevels([{ options, selected: '' }]),
      (err: unknown) => setError(err),
    );
  }, []);

  const choose = (depth: number, code: string) => {
    const kept = levels.slice(0, depth + 1).map((l, i) => (i === depth ? { ...l, selected: code } : l));
    setLevels(kept);
    const chosen = kept[depth]!.options.find((r) => r.code === code);
    const parent = depth > 0 ? kept[depth - 1]!.options.find((r) => r.code === kept[depth - 1]!.selected) : undefined;
    onChange(chosen?.code ?? parent?.code ?? '', chosen?.level ?? parent?.level ?? null);
    if (!chosen || chosen.level === 'town') return;
    listRegions(chosen.code).then(
      (children) => {
        if (children.length === 0) return;
        setLevels((current) =>
          current[depth]?.selected === code
            ? [...current.slice(0, depth + 1), { options: children, selected: '' }]
            : current,
        );
      },
      (err: unknown) => setError(err),
    );
  };

  if (error) {
    return (
      <p className="field-error" role="alert">
        {publicErrorMessage(error, t)}
      </p>
    );
  }
  return (
    <div className="region-select">
      {levels.map((level, depth) => {
        const kind = level.options[0]?.level ?? 'town';
        const id = `${idPrefix}-${depth}`;
        return (
          <div className="region-level" key={depth}>
            <label htmlFor={id}>{t(LEVEL_LABEL[kind])}</label>
            <select
              id={id}
              value={level.selected}
              onChange={(e) => choose(depth, e.target.value)}
              aria-invalid={invalid || undefined}
              data-testid={`region-${kind}`}
            >
              <option value="">{t('region.choose')}</option>
              {level.options.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {levels.length === 0 && <p className="status-line">{t('common.loading')}</p>}
    </div>
  );
}
