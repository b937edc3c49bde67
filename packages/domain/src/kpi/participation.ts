import { KPI_DEFINITIONS } from './targets.ts';
import {
  inPeriod,
  kpiResult,
  targetOf,
  type ClueFact,
  type KpiOptions,
  type KpiResult,
  type Period,
  type RatingFact,
} from './types.ts';

/**
 * 公众参与率 = distinct public reporters or raters in the period ÷ region population.
 * Numerator: the union of `reporter` keys of clues received in the period (anonymous clues, reporter null,
 * cannot be told apart and are left out) and `raterKey`s of public ratings made in the period; a person who
 * both reported and rated counts once. Denominator: the population (0 or unknown → null value).
 */
export function participationRate(
  clues: readonly ClueFact[],
  ratings: readonly RatingFact[],
  population: number,
  period: Period,
  options?: KpiOptions,
): KpiResult {
  const people = new Set<string>();
  for (const c of clues) if (c.reporter !== null && inPeriod(c.receivedAt, period)) people.add(c.reporter);
  for (const r of ratings) if (r.isPublic && inPeriod(r.ratedAt, period)) people.add(r.raterKey);
  const def = KPI_DEFINITIONS.participation;
  return kpiResult(people.size, Math.max(0, population), targetOf(options, def.defaultTarget), def.direction);
}
