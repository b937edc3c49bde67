import { and, asc, count, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Actor, Role, RoleGrant } from '@rectify/domain';
import type { Executor } from '../client.ts';
import { roleGrants, units, users } from '../schema/index.ts';
import type { Scope } from '../scope.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

/** Unscoped lookup by id: only for authentication (the caller is the user themself). */
export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function grantsOf(db: Executor, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const map = new Map<string, RoleGrant[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(roleGrants).where(inArray(roleGrants.userId, userIds));
  for (const r of rows) {
    const list = map.get(r.userId) ?? [];
    list.push({ role: r.role as Role, regionCode: r.regionCode, unitId: r.unitId });
    map.set(r.userId, list);
  }
  return map;
}

export async function actorOf(db: Executor, user: UserRow): Promise<Actor> {
  const grants = (await grantsOf(db, [user.id])).get(user.id) ?? [];
  return { userId: user.id, username: user.username, unitId: user.unitId, regionCode: user.regionCode, grants };
}

export interface UserFilters {
  unit?: string | undefined;
  q?: string | undefined;
}

export async function listUsers(db: Executor, scope: Scope, f: UserFilters, page?: { limit: number; offset: number }) {
  const q = f.q?.replace(/[%_\\]/g, '\\$&');
  const where = scope.filter(
    users,
    f.unit ? eq(users.unitId, f.unit) : undefined,
    q ? or(like(users.username, `%${q}%`), like(users.displayName, `%${q}%`)) : undefined,
  );
  const query = db.select().from(users).where(where).orderBy(asc(users.username));
  const [items, [total]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query,
    db.select({ n: count() }).from(users).where(where),
  ]);
  const grants = await grantsOf(
    db,
    items.map((u) => u.id),
  );
  return { items: items.map((u) => ({ ...u, grants: grants.get(u.id) ?? [] })), total: Number(total?.n ?? 0) };
}

export async function findUser(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(scope.where(users), eq(users.id, id)));
  if (!row) return undefined;
  return { ...row, grants: (await grantsOf(db, [row.id])).get(row.id) ?? [] };
}

export async function insertUser(db: Executor, user: NewUser, grants: RoleGrant[]): Promise<UserRow> {
  const [row] = await db.insert(users).values(user).returning();
  await replaceGrants(db, row!.id, grants);
  return row!;
}

export async function replaceGrants(db: Executor, userId: string, grants: RoleGrant[]): Promise<void> {
  await db.delete(roleGrants).where(eq(roleGrants.userId, userId));
  if (grants.length > 0) await db.insert(roleGrants).values(grants.map((g) => ({ ...g, userId })));
}

/** Optimistic update of a user; undefined when `version` is stale. */
export async function updateUser(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<Omit<NewUser, 'id' | 'version'>>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

/** Login bookkeeping that must not bump `version` (it is not an edit by anyone). */
export async function recordLoginFailure(db: Executor, id: string, lockAfter: number, lockMinutes: number) {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${lockAfter}
        then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return row!;
}

export async function recordLoginSuccess(db: Executor, id: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function setTotp(
  db: Executor,
  id: string,
  fields: Partial<Pick<UserRow, 'totpSecret' | 'totpEnabled' | 'totpLastStep'>>,
) {
  await db.update(users).set(fields).where(eq(users.id, id));
}

export async function unitRegion(db: Executor, unitId: string): Promise<string | undefined> {
  const [row] = await db.select({ regionCode: units.regionCode }).from(units).where(eq(units.id, unitId));
  return row?.regionCode;
}
