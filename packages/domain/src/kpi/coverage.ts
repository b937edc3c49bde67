import { KPI_DEFINITIONS } from './targets.ts';
import { inPeriod, kpiResult, targetOf, type ClueFact, type KpiOptions, type KpiResult, type Period } from './types.ts';

/**
 * 民意覆盖率 = towns (乡镇/街道) with at least one clue in the period ÷ towns in the region.
 * Denominator: the distinct codes in `towns`. Numerator: those codes with a clue received in the period; clues
 * with no town or a town outside the list are ignored.
 */
export function coverageRate(
  clues: readonly ClueFact[],
  towns: readonly string[],
  period: Period,
  options?: KpiOptions,
): KpiResult {
  const all = new Set(towns);
  const reached = new Set<string>();
  for (const c of clues) if (c.town !== null && all.has(c.town) && inPeriod(c.receivedAt, period)) reached.add(c.town);
  const def = KPI_DEFINITIONS.coverage;
  return kpiResult(reached.size, all.size, targetOf(options, def.defaultTarget), def.direction);
}
