import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { evidenceFiles, users } from '../schema/index.ts';
import { registerScopedTable, type Scope } from '../scope.ts';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

// Region grants see evidence uploaded in their subtree; unit grants see what their unit's people uploaded.
registerScopedTable(evidenceFiles, {
  region: evidenceFiles.regionCode,
  unit: (ids) =>
    sql`${evidenceFiles.uploadedBy} in (select ${users.id} from ${users} where ${inArray(users.unitId, ids)})` as SQL,
});

/** Records an upload; the same bytes uploaded again keep their first record. */
export async function recordEvidence(db: Executor, row: typeof evidenceFiles.$inferInsert): Promise<EvidenceRow> {
  await db.insert(evidenceFiles).values(row).onConflictDoNothing();
  const [stored] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, row.sha256));
  return stored!;
}

export async function findEvidence(db: Executor, scope: Scope, sha256: string): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(evidenceFiles)
    .where(and(scope.where(evidenceFiles), eq(evidenceFiles.sha256, sha256)));
  return row;
}

/** Metadata of several files at once (for a timeline); files outside the scope are left out. */
export async function evidenceByHashes(db: Executor, scope: Scope, hashes: string[]): Promise<EvidenceRow[]> {
  if (hashes.length === 0) return [];
  return db
    .select()
    .from(evidenceFiles)
    .where(and(scope.where(evidenceFiles), inArray(evidenceFiles.sha256, hashes)));
}
