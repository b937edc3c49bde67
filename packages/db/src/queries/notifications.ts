import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { regionPrefix, type Actor } from '@rectify/domain';
import type { Executor } from '../client.ts';
import { notifications } from '../schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** Adds notifications; ones whose dedupe key exists already are skipped. Returns how many were new. */
export async function addNotifications(db: Executor, rows: (typeof notifications.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

/**
 * Who a notification is for: the unit it names (its people with a unit grant), or holders of the role it names
 * whose region grant covers it. This is the inbox's own scope rule.
 */
function addressedTo(actor: Actor): SQL {
  const parts: SQL[] = [];
  const units = actor.grants.flatMap((g) => (g.unitId ? [g.unitId] : []));
  if (units.length > 0) parts.push(inArray(notifications.recipientUnitId, units));
  for (const g of actor.grants) {
    if (!g.regionCode) continue;
    parts.push(
      and(
        eq(notifications.recipientRole, g.role),
        sql`${notifications.regionCode} like ${`${regionPrefix(g.regionCode)}%`}`,
      ) as SQL,
    );
  }
  return parts.length > 0 ? (or(...parts) as SQL) : sql`false`;
}

export async function inbox(db: Executor, actor: Actor, opts: { open: boolean; limit: number }) {
  return db
    .select()
    .from(notifications)
    .where(and(addressedTo(actor), opts.open ? isNull(notifications.doneAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(opts.limit);
}

export async function markNotificationDone(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ doneAt: sql`coalesce(${notifications.doneAt}, now())` })
    .where(and(eq(notifications.id, id), addressedTo(actor)))
    .returning();
  return row;
}
