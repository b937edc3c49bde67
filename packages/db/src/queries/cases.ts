import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { policyItems, typicalCases } from '../schema/index.ts';
import { registerScopedTable, type Scope } from '../scope.ts';

registerScopedTable(typicalCases, { region: typicalCases.regionCode });
registerScopedTable(policyItems, { region: policyItems.regionCode, unit: (ids) => inArray(policyItems.unitId, ids) });

export async function insertCase(db: Executor, row: typeof typicalCases.$inferInsert) {
  const [created] = await db.insert(typicalCases).values(row).returning();
  return created!;
}

export async function listCases(db: Executor, scope: Scope) {
  return db.select().from(typicalCases).where(scope.where(typicalCases)).orderBy(desc(typicalCases.createdAt));
}

export async function insertPolicyItem(db: Executor, row: typeof policyItems.$inferInsert) {
  const [created] = await db.insert(policyItems).values(row).returning();
  return created!;
}

export async function listPolicyItems(db: Executor, scope: Scope) {
  return db.select().from(policyItems).where(scope.where(policyItems)).orderBy(desc(policyItems.createdAt));
}

/** One policy item if it is in scope. */
export async function findPolicyItem(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(policyItems)
    .where(and(eq(policyItems.id, id), scope.where(policyItems)));
  return row;
}

export async function setPolicyItemStatus(db: Executor, id: string, status: string) {
  const [row] = await db.update(policyItems).set({ status }).where(eq(policyItems.id, id)).returning();
  return row;
}
