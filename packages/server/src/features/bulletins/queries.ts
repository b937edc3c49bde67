import { and, count, desc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { registerScopedTable, schema, type Executor, type Scope } from '@rectify/db';
import { regionPrefix } from '@rectify/domain';

const { bulletins } = schema;
export type BulletinRow = typeof bulletins.$inferSelect;

// Staff see and manage the bulletins of their region subtree; the public sees published ones through its own queries.
registerScopedTable(bulletins, { region: bulletins.regionCode });

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filters(q: { state?: string; kind?: string; region?: string; q?: string }): (SQL | undefined)[] {
  const text = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return [
    q.state ? eq(bulletins.state, q.state as BulletinRow['state']) : undefined,
    q.kind ? eq(bulletins.kind, q.kind as BulletinRow['kind']) : undefined,
    q.region ? like(bulletins.regionCode, `${regionPrefix(q.region)}%`) : undefined,
    text ? or(ilike(bulletins.title, text), ilike(bulletins.body, text)) : undefined,
  ];
}

/** One page of the bulletins matching `where`, newest first by `newest`, and how many match in all. */
async function pageOf(
  db: Executor,
  where: SQL | undefined,
  newest: typeof bulletins.updatedAt | typeof bulletins.publishedAt,
  window: { limit: number; offset: number },
): Promise<{ items: BulletinRow[]; total: number }> {
  const [items, [counted]] = await Promise.all([
    db
      .select()
      .from(bulletins)
      .where(where)
      .orderBy(desc(newest), desc(bulletins.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(bulletins).where(where),
  ]);
  return { items, total: Number(counted?.n ?? 0) };
}

export const listBulletins = (
  db: Executor,
  scope: Scope,
  q: { state?: string; kind?: string; region?: string; q?: string },
  window: { limit: number; offset: number },
) => pageOf(db, scope.filter(bulletins, ...filters(q)), bulletins.updatedAt, window);

export async function findBulletin(db: Executor, scope: Scope, id: string): Promise<BulletinRow | undefined> {
  const [row] = await db
    .select()
    .from(bulletins)
    .where(scope.filter(bulletins, eq(bulletins.id, id)));
  return row;
}

export async function insertBulletin(db: Executor, row: typeof bulletins.$inferInsert): Promise<BulletinRow> {
  const [saved] = await db.insert(bulletins).values(row).returning();
  return saved!;
}

/** Changes a bulletin at the version the caller saw; undefined when someone changed it in between. */
export async function updateBulletin(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<Pick<BulletinRow, 'kind' | 'title' | 'body' | 'campaignId' | 'state' | 'publishedAt'>>,
): Promise<BulletinRow | undefined> {
  const [row] = await db
    .update(bulletins)
    .set({ ...changes, updatedAt: new Date(), version: sql`${bulletins.version} + 1` })
    .where(and(eq(bulletins.id, id), eq(bulletins.version, version)))
    .returning();
  return row;
}

/** Published bulletins of a region subtree (all regions without one), newest first. */
export const listPublishedBulletins = (
  db: Executor,
  q: { kind?: string; region?: string; q?: string },
  window: { limit: number; offset: number },
) => pageOf(db, and(eq(bulletins.state, 'published'), ...filters(q)), bulletins.publishedAt, window);

export async function findPublishedBulletin(db: Executor, id: string): Promise<BulletinRow | undefined> {
  const [row] = await db
    .select()
    .from(bulletins)
    .where(and(eq(bulletins.id, id), eq(bulletins.state, 'published')));
  return row;
}
