import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { mechanisms, problemMechanisms, problems, suggestions } from '../schema/index.ts';
import { registerScopedTable, type Scope } from '../scope.ts';

export type SuggestionRow = typeof suggestions.$inferSelect;
export type MechanismRow = typeof mechanisms.$inferSelect;

registerScopedTable(suggestions, { region: suggestions.regionCode, unit: (ids) => inArray(suggestions.unitId, ids) });
registerScopedTable(mechanisms, { region: mechanisms.regionCode, unit: (ids) => inArray(mechanisms.unitId, ids) });

export async function insertSuggestion(db: Executor, row: typeof suggestions.$inferInsert): Promise<SuggestionRow> {
  const [created] = await db.insert(suggestions).values(row).returning();
  return created!;
}

export async function suggestionsOfProblem(db: Executor, scope: Scope, problemId: string) {
  return db
    .select()
    .from(suggestions)
    .where(and(scope.where(suggestions), eq(suggestions.problemId, problemId)))
    .orderBy(suggestions.createdAt);
}

export async function findSuggestion(db: Executor, scope: Scope, id: string): Promise<SuggestionRow | undefined> {
  const [row] = await db
    .select()
    .from(suggestions)
    .where(and(scope.where(suggestions), eq(suggestions.id, id)));
  return row;
}

/** Records the unit's answer once; undefined when it was already answered or the version is stale. */
export async function answerSuggestion(
  db: Executor,
  id: string,
  version: number,
  answer: Pick<SuggestionRow, 'answer' | 'answerReason' | 'answeredBy'>,
) {
  const [row] = await db
    .update(suggestions)
    .set({ ...answer, answeredAt: sql`now()`, version: sql`${suggestions.version} + 1` })
    .where(and(eq(suggestions.id, id), eq(suggestions.version, version), sql`${suggestions.answer} is null`))
    .returning();
  return row;
}

export async function insertMechanism(db: Executor, row: typeof mechanisms.$inferInsert): Promise<MechanismRow> {
  const [created] = await db.insert(mechanisms).values(row).returning();
  return created!;
}

export async function linkMechanism(db: Executor, mechanismId: string, problemIds: string[]): Promise<void> {
  if (problemIds.length === 0) return;
  await db
    .insert(problemMechanisms)
    .values(problemIds.map((problemId) => ({ problemId, mechanismId })))
    .onConflictDoNothing();
}

export async function mechanismsOfProblem(db: Executor, problemId: string): Promise<MechanismRow[]> {
  return db
    .select({ m: mechanisms })
    .from(problemMechanisms)
    .innerJoin(mechanisms, eq(mechanisms.id, problemMechanisms.mechanismId))
    .where(eq(problemMechanisms.problemId, problemId))
    .then((rows) => rows.map((r) => r.m));
}

export async function listMechanisms(db: Executor, scope: Scope) {
  return db
    .select({
      m: mechanisms,
      problems: sql<number>`(select count(*)::int from ${problemMechanisms} pm where pm.mechanism_id = ${mechanisms.id})`,
    })
    .from(mechanisms)
    .where(scope.where(mechanisms))
    .orderBy(sql`${mechanisms.createdAt} desc`);
}

/** Problems a caller may link: in scope and existing (ids outside the scope are reported back). */
export async function problemsInScope(db: Executor, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: problems.id })
    .from(problems)
    .where(and(scope.where(problems), inArray(problems.id, ids)));
  return rows.map((r) => r.id);
}
