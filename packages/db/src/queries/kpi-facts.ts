import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ClueFact, LookbackFact, ProblemFact, RatingFact, SuggestionFact } from '@rectify/domain';
import type { Executor } from '../client.ts';
import { clues, events, kpiMarks, problemMechanisms, problems, regions, suggestions } from '../schema/index.ts';
import { registerScopedTable, type Scope } from '../scope.ts';

// KPI marks copy their event's region and unit, and fall into a scope as their events do.
registerScopedTable(kpiMarks, { region: kpiMarks.regionCode, unit: (ids) => inArray(kpiMarks.unitId, ids) });

/** Which problems a KPI figure covers: the caller's scope, narrowed to a region subtree, a lead unit, a campaign. */
export interface KpiSubject {
  /** GB/T 2260 code prefix of the region subtree (e.g. `3305` for 湖州市). */
  regionPrefix?: string | undefined;
  unitId?: string | undefined;
  campaignId?: string | undefined;
}

/** The problems of the subject within the caller's scope. */
export function problemWhere(scope: Scope, s: KpiSubject): SQL {
  return scope.filter(
    problems,
    s.regionPrefix ? sql`${problems.regionCode} like ${`${s.regionPrefix}%`}` : undefined,
    s.unitId ? eq(problems.leadUnitId, s.unitId) : undefined,
    s.campaignId ? eq(problems.campaignId, s.campaignId) : undefined,
  );
}

/**
 * The KPI marks of the subject within the caller's scope. Marks carry their event's region and unit: without unit
 * grants or a unit/campaign subject, their own scope and region are the problem's, so the join to problems is skipped.
 */
export function markWhere(scope: Scope, s: KpiSubject): SQL {
  const regionOnly = !s.unitId && !s.campaignId && scope.grants.every((g) => g.regionCode !== null);
  return and(
    regionOnly
      ? scope.where(kpiMarks)
      : sql`exists (select 1 from ${problems} where ${problems.id} = ${kpiMarks.problemId} and ${problemWhere(scope, s)})`,
    s.regionPrefix ? sql`${kpiMarks.regionCode} like ${`${s.regionPrefix}%`}` : undefined,
  ) as SQL;
}

/** Assigned problems as the KPI formulas read them (one row each, with their mechanism count). */
export async function problemFacts(db: Executor, scope: Scope, s: KpiSubject): Promise<ProblemFact[]> {
  const rows = await db
    .select({
      id: problems.id,
      leadUnitId: problems.leadUnitId,
      assignedAt: problems.assignedAt,
      deadline: sql<string>`${problems.snapshot} -> 'assignment' ->> 'deadline'`,
      extendedDeadline: sql<string | null>`${problems.snapshot} ->> 'extendedDeadline'`,
      closedAt: problems.closedAt,
      outcome: problems.outcome,
      mechanismCount: sql<number>`(select count(*)::int from ${problemMechanisms} pm where pm.problem_id = ${problems.id})`,
    })
    .from(problems)
    .where(and(problemWhere(scope, s), sql`${problems.assignedAt} is not null`));
  return rows.map((r) => ({
    id: r.id,
    leadUnitId: r.leadUnitId!,
    assignedAt: r.assignedAt!,
    deadline: r.deadline,
    extendedDeadline: r.extendedDeadline,
    closedAt: r.closedAt,
    outcome: r.outcome as ProblemFact['outcome'],
    mechanismCount: Number(r.mechanismCount),
  }));
}

/** Events of one type on the problems in scope, with the problem's lead unit. */
function problemEvents(db: Executor, scope: Scope, s: KpiSubject, type: string, publicOnly = false) {
  return db
    .select({ subjectId: events.subjectId, actor: events.actorUserId, at: events.at, payload: events.payload })
    .from(events)
    .innerJoin(problems, sql`${problems.id}::text = ${events.subjectId}`)
    .where(
      and(
        eq(events.subjectType, 'problem'),
        eq(events.type, type),
        problemWhere(scope, s),
        publicOnly ? sql`${events.actorUserId} is null` : undefined,
      ),
    );
}

export async function lookbackFacts(db: Executor, scope: Scope, s: KpiSubject): Promise<LookbackFact[]> {
  const rows = await problemEvents(db, scope, s, 'problem.looked_back');
  return rows.map((r) => ({
    problemId: r.subjectId,
    doneAt: r.at,
    result: ((r.payload as { input?: { result?: string } }).input?.result ?? 'sustained') as LookbackFact['result'],
  }));
}

/** Ratings of problems in scope; `publicOnly` keeps the public's (for participation, which counts people). */
export async function ratingFacts(
  db: Executor,
  scope: Scope,
  s: KpiSubject,
  publicOnly = false,
): Promise<RatingFact[]> {
  const rows = await problemEvents(db, scope, s, 'problem.rated', publicOnly);
  return rows.map((r) => ({
    subjectId: r.subjectId,
    raterKey: r.actor ?? 'unknown',
    isPublic: r.actor === null,
    value: ((r.payload as { input?: { value?: string } }).input?.value ?? 'satisfied') as RatingFact['value'],
    ratedAt: r.at,
  }));
}

/**
 * Ratings by the public (no user) of problems in scope made in the period, read from the KPI marks (participation
 * counts these people; the events stay the reference, see `ratingFacts`).
 */
export async function publicRatingFacts(
  db: Executor,
  scope: Scope,
  s: KpiSubject,
  period: { from: Date; to: Date },
): Promise<RatingFact[]> {
  const rows = await db
    .select({ subjectId: kpiMarks.problemId, at: kpiMarks.at, value: kpiMarks.value })
    .from(kpiMarks)
    .where(
      and(
        eq(kpiMarks.kind, 'rating'),
        sql`${kpiMarks.raterUserId} is null and ${kpiMarks.at} >= ${period.from} and ${kpiMarks.at} < ${period.to}`,
        markWhere(scope, s),
      ),
    );
  return rows.map((r) => ({
    subjectId: r.subjectId,
    raterKey: 'unknown',
    isPublic: true,
    value: (r.value ?? 'satisfied') as RatingFact['value'],
    ratedAt: r.at,
  }));
}

export async function suggestionFacts(db: Executor, scope: Scope, s: KpiSubject): Promise<SuggestionFact[]> {
  const rows = await db
    .select({ id: suggestions.id, answer: suggestions.answer, answeredAt: suggestions.answeredAt })
    .from(suggestions)
    .innerJoin(problems, eq(problems.id, suggestions.problemId))
    .where(problemWhere(scope, s));
  return rows.map((r) => ({ id: r.id, answer: r.answer as SuggestionFact['answer'], answeredAt: r.answeredAt }));
}

/** Towns of the subtree and its population (for coverage and participation). */
export async function regionFacts(db: Executor, prefix: string): Promise<{ towns: string[]; population: number }> {
  const towns = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.level, 'town'), sql`${regions.code} like ${`${prefix}%`}`));
  const [root] = await db
    .select({ population: sql<number>`coalesce(max(${regions.population}), 0)::int` })
    .from(regions)
    .where(
      sql`${regions.code} like ${`${prefix}%`} and length(${regions.code}) = 6 and ${regions.code} like ${`${prefix.padEnd(6, '0').slice(0, 6)}`}`,
    );
  return { towns: towns.map((t) => t.code), population: Number(root?.population ?? 0) };
}

/**
 * Public clues received in the period in the subject's region (for response time, coverage and participation).
 * Clues have no lead unit or campaign: for a unit or campaign subject they are left out.
 */
export async function clueFacts(
  db: Executor,
  scope: Scope,
  s: KpiSubject,
  period: { from: Date; to: Date },
): Promise<ClueFact[]> {
  if (s.unitId || s.campaignId) return [];
  const rows = await db
    .select({
      id: clues.id,
      receivedAt: clues.receivedAt,
      firstReplyAt: clues.firstReplyAt,
      town: clues.townCode,
      reporter: clues.reporterKey,
    })
    .from(clues)
    .where(
      scope.filter(
        clues,
        s.regionPrefix ? sql`${clues.regionCode} like ${`${s.regionPrefix}%`}` : undefined,
        sql`${clues.receivedAt} >= ${period.from} and ${clues.receivedAt} < ${period.to}`,
      ),
    );
  return rows;
}
