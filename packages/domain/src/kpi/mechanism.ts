import { KPI_DEFINITIONS } from './targets.ts';
import {
  inPeriod,
  kpiResult,
  targetOf,
  type KpiOptions,
  type KpiResult,
  type Period,
  type ProblemFact,
} from './types.ts';

/**
 * 长效化率 = closed problems with at least one long-term mechanism ÷ closed.
 * Denominator: problems closed in the period (`from ≤ closedAt < to`). A mechanism counts whenever it was
 * linked (before or after closing): `mechanismCount` is taken as the caller gives it.
 */
export function mechanismRate(problems: readonly ProblemFact[], period: Period, options?: KpiOptions): KpiResult {
  const closed = problems.filter((p) => p.closedAt !== null && inPeriod(p.closedAt, period));
  const withMechanism = closed.filter((p) => p.mechanismCount >= 1);
  const def = KPI_DEFINITIONS.mechanism;
  return kpiResult(withMechanism.length, closed.length, targetOf(options, def.defaultTarget), def.direction);
}
