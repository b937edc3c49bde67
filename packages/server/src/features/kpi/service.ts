import {
  clueFacts,
  kpiCountsByPeriod,
  lookbackFacts,
  problemFacts,
  publicRatingFacts,
  ratingFacts,
  regionFacts,
  suggestionFacts,
  type Executor,
  type KpiSubject,
  type Scope,
} from '@rectify/db';
import {
  DEFAULT_TIME_ZONE,
  kpiResult,
  localDate,
  targetOf,
  adoptionRate,
  completionRate,
  coverageRate,
  KPI_DEFINITIONS,
  mechanismRate,
  onTimeRate,
  participationRate,
  reboundRate,
  responseTime,
  satisfactionRate,
  unitAssessment,
  type KpiName,
  type KpiResult,
  type Period,
  type ProblemFact,
  type RatingFact,
  type LookbackFact,
} from '@rectify/domain';

/** Region-level target overrides (a region may set its own; DESIGN §5 defaults otherwise). */
export type KpiTargets = Partial<Record<KpiName, number | null>>;

const opts = (targets: KpiTargets, name: KpiName) => (name in targets ? { target: targets[name] ?? null } : undefined);

/**
 * Every KPI of DESIGN §5 for one subject (region subtree / unit / campaign, within the caller's scope) and period.
 * The formulas are the domain's (packages/domain/src/kpi); this module only gathers their facts.
 */
export async function computeKpis(
  db: Executor,
  scope: Scope,
  subject: KpiSubject & { regionPrefix: string },
  period: Period,
  targets: KpiTargets = {},
): Promise<Record<KpiName, KpiResult>> {
  return (await computeKpisByPeriod(db, scope, subject, [period], targets))[0]!;
}

/**
 * `computeKpis` for several periods (a trend) in one round: the problem and mark aggregates grouped by period, the
 * other facts read once over the span of all periods and handed to the same formulas period by period.
 */
export async function computeKpisByPeriod(
  db: Executor,
  scope: Scope,
  subject: KpiSubject & { regionPrefix: string },
  periods: readonly Period[],
  targets: KpiTargets = {},
): Promise<Record<KpiName, KpiResult>[]> {
  if (periods.length === 0) return [];
  const tz = DEFAULT_TIME_ZONE;
  const span = {
    from: new Date(Math.min(...periods.map((p) => p.from.getTime()))),
    to: new Date(Math.max(...periods.map((p) => p.to.getTime()))),
  };
  const [counts, suggestions, region, ratings, clues] = await Promise.all([
    kpiCountsByPeriod(
      db,
      scope,
      subject,
      periods.map((p) => ({ ...p, fromDay: localDate(p.from, tz), toDay: localDate(p.to, tz) })),
      tz,
    ),
    suggestionFacts(db, scope, subject),
    regionFacts(db, subject.regionPrefix),
    // Participation counts the distinct people of the public who rated.
    publicRatingFacts(db, scope, subject, span),
    clueFacts(db, scope, subject, span),
  ]);
  return periods.map((period, i) => {
    const fromCounts = (name: keyof (typeof counts)[number]) => {
      const def = KPI_DEFINITIONS[name];
      const [numerator, denominator] = counts[i]![name];
      return kpiResult(numerator, denominator, targetOf(opts(targets, name), def.defaultTarget), def.direction);
    };
    return {
      completion: fromCounts('completion'),
      threeMonth: fromCounts('threeMonth'),
      onTime: fromCounts('onTime'),
      resolution: fromCounts('resolution'),
      adoption: adoptionRate(suggestions, period, opts(targets, 'adoption')),
      mechanism: fromCounts('mechanism'),
      rebound: fromCounts('rebound'),
      satisfaction: fromCounts('satisfaction'),
      participation: participationRate(clues, ratings, region.population, period, opts(targets, 'participation')),
      coverage: coverageRate(clues, region.towns, period, opts(targets, 'coverage')),
      responseTime: responseTime(clues, period, opts(targets, 'responseTime')),
    };
  });
}

/** 绩效考核: the assessment score of every lead unit in the subject, best first. */
export async function unitScores(
  db: Executor,
  scope: Scope,
  subject: KpiSubject & { regionPrefix: string },
  period: Period,
  weights?: Parameters<typeof unitAssessment>[1],
) {
  const [problems, lookbacks, ratings] = await Promise.all([
    problemFacts(db, scope, subject),
    lookbackFacts(db, scope, subject),
    ratingFacts(db, scope, subject),
  ]);
  const byUnit = new Map<string, { problems: ProblemFact[]; lookbacks: LookbackFact[]; ratings: RatingFact[] }>();
  const unitOf = new Map(problems.map((p) => [p.id, p.leadUnitId]));
  const bucket = (unit: string) => {
    let b = byUnit.get(unit);
    if (!b) byUnit.set(unit, (b = { problems: [], lookbacks: [], ratings: [] }));
    return b;
  };
  for (const p of problems) bucket(p.leadUnitId).problems.push(p);
  for (const l of lookbacks) if (unitOf.has(l.problemId)) bucket(unitOf.get(l.problemId)!).lookbacks.push(l);
  for (const r of ratings) if (unitOf.has(r.subjectId)) bucket(unitOf.get(r.subjectId)!).ratings.push(r);
  const rows = [...byUnit.entries()].map(([unitId, f]) => {
    const kpis = {
      completion: completionRate(f.problems, period),
      onTime: onTimeRate(f.problems, period),
      satisfaction: satisfactionRate(f.ratings, period),
      mechanism: mechanismRate(f.problems, period),
      rebound: reboundRate(f.lookbacks, period),
    };
    return { unitId, problems: f.problems.length, kpis, assessment: unitAssessment(kpis, weights) };
  });
  return rows.sort((a, b) => (b.assessment.score ?? -1) - (a.assessment.score ?? -1));
}

export const KPI_LABELS = Object.fromEntries(Object.entries(KPI_DEFINITIONS).map(([k, d]) => [k, d.label]));
