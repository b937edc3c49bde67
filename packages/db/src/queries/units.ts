import { and, asc, count, eq, like, sql } from 'drizzle-orm';
import { regionPrefix } from '@rectify/domain';
import type { Executor } from '../client.ts';
import { units } from '../schema/index.ts';
import type { Scope } from '../scope.ts';

export type UnitRow = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;

export interface UnitFilters {
  region?: string | undefined;
  kind?: UnitRow['kind'] | undefined;
  q?: string | undefined;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

export function unitFilter(scope: Scope, f: UnitFilters) {
  return scope.filter(
    units,
    f.region ? like(units.regionCode, `${regionPrefix(f.region)}%`) : undefined,
    f.kind ? eq(units.kind, f.kind) : undefined,
    f.q ? like(units.name, `%${escapeLike(f.q)}%`) : undefined,
  );
}

export async function listUnits(db: Executor, scope: Scope, f: UnitFilters, page?: { limit: number; offset: number }) {
  const where = unitFilter(scope, f);
  const query = db.select().from(units).where(where).orderBy(asc(units.regionCode), asc(units.name));
  const [items, [total]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query,
    db.select({ n: count() }).from(units).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function findUnit(db: Executor, scope: Scope, id: string): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(units)
    .where(and(scope.where(units), eq(units.id, id)));
  return row;
}

export async function insertUnit(db: Executor, unit: NewUnit): Promise<UnitRow> {
  const [row] = await db.insert(units).values(unit).returning();
  return row!;
}

/** Optimistic update: returns undefined when `version` is stale (someone else changed the unit first). */
export async function updateUnit(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<Pick<UnitRow, 'name' | 'kind'>>,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .update(units)
    .set({ ...changes, version: sql`${units.version} + 1` })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning();
  return row;
}
