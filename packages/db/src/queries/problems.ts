import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { REGION_CODE_PATTERN, regionPrefix, type ProblemSnapshot } from '@rectify/domain';
import type { Executor } from '../client.ts';
import { problems } from '../schema/index.ts';
import { registerScopedTable, type Scope } from '../scope.ts';

export type ProblemRow = typeof problems.$inferSelect;
export type NewProblemRow = typeof problems.$inferInsert;

// Unit grants see the problems their unit leads or co-handles.
registerScopedTable(problems, {
  region: problems.regionCode,
  unit: (ids) =>
    or(
      inArray(problems.leadUnitId, ids),
      sql`${problems.coUnitIds} && ${sql.raw(`ARRAY[${ids.map((id) => `'${id.replace(/[^0-9a-f-]/gi, '')}'`).join(',')}]::uuid[]`)}`,
    ) as SQL,
});

const DATE_FIELDS = ['planApprovedAt', 'rectifyingSince', 'lastProgressAt', 'closureRequestedAt', 'closedAt'] as const;

/** JSON keeps dates as strings; the machine needs `Date`s back. */
export function snapshotFromJson(json: unknown): ProblemSnapshot {
  const s = structuredClone(json) as Record<string, unknown> & ProblemSnapshot;
  for (const f of DATE_FIELDS)
    if (typeof s[f] === 'string') (s as Record<string, unknown>)[f] = new Date(s[f] as string);
  if (s.assignment) s.assignment.assignedAt = new Date(s.assignment.assignedAt);
  if (s.pendingExtension) s.pendingExtension.requestedAt = new Date(s.pendingExtension.requestedAt);
  return s;
}

export async function insertProblem(db: Executor, row: NewProblemRow): Promise<ProblemRow> {
  const [created] = await db.insert(problems).values(row).returning();
  return created!;
}

export async function findProblem(db: Executor, scope: Scope, id: string): Promise<ProblemRow | undefined> {
  const [row] = await db
    .select()
    .from(problems)
    .where(and(scope.where(problems), eq(problems.id, id)));
  return row;
}

/** The current row, unscoped: for the state machine, which applies its own role-and-scope rules per command. */
export async function loadProblemForCommand(db: Executor, id: string): Promise<ProblemRow | undefined> {
  const [row] = await db.select().from(problems).where(eq(problems.id, id)).for('update');
  return row;
}

/** Writes the machine's next state; undefined when `version` is stale (a concurrent change won). */
export async function updateProblem(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewProblemRow>,
): Promise<ProblemRow | undefined> {
  const [row] = await db
    .update(problems)
    .set({ ...changes, updatedAt: sql`now()`, version: sql`${problems.version} + 1` })
    .where(and(eq(problems.id, id), eq(problems.version, version)))
    .returning();
  return row;
}

export interface ProblemFilters {
  state?: string[] | undefined;
  warning?: string | undefined;
  region?: string | undefined;
  unit?: string | undefined;
  campaign?: string | undefined;
  source?: string | undefined;
  q?: string | undefined;
  overdue?: boolean | undefined;
  escalation?: number | undefined;
}

export const PROBLEM_SORTS = {
  updated: desc(problems.updatedAt),
  created: desc(problems.createdAt),
  deadline: asc(problems.deadline),
  overdue: desc(problems.overdueDays),
  escalation: desc(problems.escalation),
} as const;

/** A full region code (e.g. the city 330500) selects its subtree; anything shorter is taken as a code prefix. */
function subtreePrefix(region: string): string {
  return REGION_CODE_PATTERN.test(region) ? regionPrefix(region) : region;
}

export function problemFilter(scope: Scope, f: ProblemFilters): SQL {
  const q = f.q?.replace(/[%_\\]/g, '\\$&');
  return scope.filter(
    problems,
    f.state?.length ? inArray(problems.state, f.state) : undefined,
    f.warning ? eq(problems.warning, f.warning) : undefined,
    f.region ? sql`${problems.regionCode} like ${`${subtreePrefix(f.region)}%`}` : undefined,
    f.unit
      ? (or(eq(problems.leadUnitId, f.unit), sql`${f.unit}::uuid = any(${problems.coUnitIds})`) as SQL)
      : undefined,
    f.campaign ? eq(problems.campaignId, f.campaign) : undefined,
    f.source ? eq(problems.source, f.source as ProblemRow['source']) : undefined,
    q ? (or(ilike(problems.title, `%${q}%`), ilike(problems.description, `%${q}%`)) as SQL) : undefined,
    f.overdue ? sql`${problems.overdueDays} > 0` : undefined,
    f.escalation !== undefined ? sql`${problems.escalation} >= ${f.escalation}` : undefined,
  );
}

export async function listProblems(
  db: Executor,
  scope: Scope,
  f: ProblemFilters,
  sort: keyof typeof PROBLEM_SORTS,
  page?: { limit: number; offset: number },
) {
  const where = problemFilter(scope, f);
  const query = db.select().from(problems).where(where).orderBy(PROBLEM_SORTS[sort], asc(problems.id));
  const [items, [total]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query,
    db.select({ n: count() }).from(problems).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
