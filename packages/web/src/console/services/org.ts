import type { z } from 'zod';
import type { regionView, unitView } from '@rectify/domain/schemas/org';
import { get } from '../../api.ts';

export type Region = z.infer<typeof regionView>;
export type Unit = z.infer<typeof unitView>;
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Children of a region, or the top level when `parent` is omitted (public reference data). */
export const listRegions = (parent?: string) =>
  get<{ items: Region[] }>('/api/regions', { parent }).then((r) => r.items);

export const searchUnits = (q: string) => get<Page<Unit>>('/api/units', { q, pageSize: 20 }).then((r) => r.items);

const unitCache = new Map<string, Promise<Unit | null>>();

/** A unit by id, cached for the page's lifetime (names shown next to ids); null when out of scope or gone. */
export function unitById(id: string): Promise<Unit | null> {
  let hit = unitCache.get(id);
  if (!hit) {
    hit = get<Unit>(`/api/units/${id}`).catch(() => null);
    unitCache.set(id, hit);
  }
  return hit;
}

export function forgetUnit(id: string): void {
  unitCache.delete(id);
}

/** The code of the region directly above `code` (GB/T 2260 structure), or null for a province. */
export function parentRegionCode(code: string): string | null {
  if (code.length === 9) return code.slice(0, 6);
  if (code.endsWith('0000')) return null;
  if (code.endsWith('00')) return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

const siblingsCache = new Map<string, Promise<Region[]>>();

/** The name of a region (looked up among its parent's children, cached); the code itself when unknown. */
export async function regionName(code: string): Promise<string> {
  const parent = parentRegionCode(code) ?? '';
  let siblings = siblingsCache.get(parent);
  if (!siblings) {
    siblings = listRegions(parent || undefined).catch(() => []);
    siblingsCache.set(parent, siblings);
  }
  return (await siblings).find((r) => r.code === code)?.name ?? code;
}
