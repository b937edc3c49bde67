import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RegionSettings } from '@rectify/domain';
import type { Executor } from '../client.ts';
import { regionSettings, regions, units } from '../schema/index.ts';
import { registerScopedTable } from '../scope.ts';

export type RegionSettingsRow = typeof regionSettings.$inferSelect;

// A region's own settings are business data of that region: visible through the region grants that cover it.
registerScopedTable(regionSettings, { region: regionSettings.regionCode });

/** One link of a region's chain: the region and what it sets itself (null: it has never saved settings). */
export interface SettingsLink {
  regionCode: string;
  level: string;
  settings: RegionSettings | null;
  version: number;
  updatedAt: Date | null;
}

/** Ancestors deeper than this are a cycle in the parent links, not a real tree (GB/T 2260 has 4 levels). */
const MAX_DEPTH = 8;

/**
 * The chain of `code` and its ancestors (walking `parent_code`, not code prefixes), each with its own settings row,
 * ordered from the top region down to `code`; in one query. Empty when the region does not exist. Unscoped: the
 * settings in force for a region depend on its ancestors whoever asks; callers check the scope of `code` itself.
 */
export async function settingsChain(db: Executor, code: string): Promise<SettingsLink[]> {
  const result = (await db.execute(sql`
    with recursive chain(code, parent_code, level, depth) as (
      select ${regions.code}, ${regions.parentCode}, ${regions.level}, 0 from ${regions} where ${regions.code} = ${code}
      union all
      select r.code, r.parent_code, r.level, c.depth + 1
        from ${regions} r join chain c on r.code = c.parent_code
       where c.depth < ${MAX_DEPTH}
    )
    select c.code, c.level, s.settings, s.version, s.updated_at
      from chain c left join ${regionSettings} s on s.region_code = c.code
     order by c.depth desc`)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => ({
    regionCode: String(r.code),
    level: String(r.level),
    settings: (typeof r.settings === 'string' ? JSON.parse(r.settings) : r.settings) as RegionSettings | null,
    version: r.version === null || r.version === undefined ? 0 : Number(r.version),
    updatedAt: r.updated_at ? new Date(r.updated_at as string | Date) : null,
  }));
}

/**
 * Replaces a region's own settings as a whole, guarded by the version the caller read (0: never saved). Returns the
 * new row, or undefined when `version` is stale (someone saved first).
 */
export async function saveRegionSettings(
  db: Executor,
  code: string,
  version: number,
  settings: RegionSettings,
  updatedBy: string | null,
): Promise<RegionSettingsRow | undefined> {
  if (version === 0) {
    const [row] = await db
      .insert(regionSettings)
      .values({ regionCode: code, settings, version: 1, updatedBy })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await db
    .update(regionSettings)
    .set({ settings, version: sql`${regionSettings.version} + 1`, updatedBy, updatedAt: sql`now()` })
    .where(and(eq(regionSettings.regionCode, code), eq(regionSettings.version, version)))
    .returning();
  return row;
}

/** Id, name and region of the given units (unscoped: for checking references such as routing rules). */
export async function unitRefs(
  db: Executor,
  ids: string[],
): Promise<{ id: string; name: string; regionCode: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, regionCode: units.regionCode })
    .from(units)
    .where(inArray(units.id, ids));
}
