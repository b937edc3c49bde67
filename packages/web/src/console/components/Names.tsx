import { useEffect, useState } from 'react';
import { regionName, unitById } from '../services/org.ts';

/** A region's name for its code (falls back to the code while loading or when unknown). */
export function RegionName({ code }: { code: string | null | undefined }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (code) void regionName(code).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [code]);
  if (!code) return <>—</>;
  return <span title={code}>{name ?? code}</span>;
}

/** A unit's name for its id (the short id while loading or when outside the user's scope). */
export function UnitName({ id }: { id: string | null | undefined }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (id) void unitById(id).then((u) => live && setName(u?.name ?? null));
    return () => {
      live = false;
    };
  }, [id]);
  if (!id) return <>—</>;
  return <span title={id}>{name ?? `${id.slice(0, 8)}…`}</span>;
}
