import { KPI_DEFINITIONS } from './targets.ts';
import {
  inPeriod,
  kpiResult,
  targetOf,
  type KpiOptions,
  type KpiResult,
  type Period,
  type RatingFact,
} from './types.ts';

/**
 * The ratings that count in a period: those made in it, one per (subject, rater), the latest winning (ties on
 * time: the later in the input). Shared by satisfaction and participation.
 */
export function countedRatings(ratings: readonly RatingFact[], period: Period): RatingFact[] {
  const latest = new Map<string, RatingFact>();
  for (const r of ratings) {
    if (!inPeriod(r.ratedAt, period)) continue;
    const key = `${r.subjectId}\u0000${r.raterKey}`;
    const seen = latest.get(key);
    if (!seen || r.ratedAt >= seen.ratedAt) latest.set(key, r);
  }
  return [...latest.values()];
}

/**
 * 群众满意率 = (满意 + 基本满意) ÷ ratings.
 * Denominator: `countedRatings` — ratings made in the period, one per subject and rater (the latest).
 */
export function satisfactionRate(ratings: readonly RatingFact[], period: Period, options?: KpiOptions): KpiResult {
  const counted = countedRatings(ratings, period);
  const satisfied = counted.filter((r) => r.value === 'satisfied' || r.value === 'basically_satisfied');
  const def = KPI_DEFINITIONS.satisfaction;
  return kpiResult(satisfied.length, counted.length, targetOf(options, def.defaultTarget), def.direction);
}
