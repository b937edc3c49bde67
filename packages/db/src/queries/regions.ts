import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { regions } from '../schema/index.ts';

export type RegionRow = typeof regions.$inferSelect;
export type NewRegion = typeof regions.$inferInsert;

/** Inserts or renames regions in batches; existing rows keep their population and time zone. */
export async function upsertRegions(db: Executor, rows: NewRegion[], batchSize = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db
      .insert(regions)
      .values(rows.slice(i, i + batchSize))
      .onConflictDoUpdate({
        target: regions.code,
        set: { name: sql`excluded.name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code` },
      });
  }
}

/** Regions are public reference data (GB/T 2260), so they are not scoped. */
export async function listRegions(db: Executor, opts: { parent?: string | undefined; q?: string | undefined }) {
  const conditions = [
    opts.parent ? eq(regions.parentCode, opts.parent) : opts.q ? undefined : isNull(regions.parentCode),
    opts.q ? like(regions.name, `%${opts.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
  ];
  return db
    .select()
    .from(regions)
    .where(and(...conditions))
    .orderBy(asc(regions.code))
    .limit(500);
}

export async function findRegion(db: Executor, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

export async function countRegions(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  return Number(row?.n ?? 0);
}

export async function insertRegion(db: Executor, region: NewRegion): Promise<RegionRow | undefined> {
  const [row] = await db.insert(regions).values(region).onConflictDoNothing().returning();
  return row;
}

/** Name, population and time zone of one region (the code, level and parent are its identity and stay). */
export async function updateRegion(
  db: Executor,
  code: string,
  changes: Partial<Pick<RegionRow, 'name' | 'population' | 'timeZone'>>,
): Promise<RegionRow | undefined> {
  const [row] = await db.update(regions).set(changes).where(eq(regions.code, code)).returning();
  return row;
}
