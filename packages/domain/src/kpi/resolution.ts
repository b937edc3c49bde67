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
 * 问题解决率 = outcome `resolved` ÷ closed.
 * Denominator: problems closed in the period (`from ≤ closedAt < to`); `partly_resolved` and `long_term` count
 * in the denominator only.
 */
export function resolutionRate(problems: readonly ProblemFact[], period: Period, options?: KpiOptions): KpiResult {
  const closed = problems.filter((p) => p.closedAt !== null && inPeriod(p.closedAt, period));
  const resolved = closed.filter((p) => p.outcome === 'resolved');
  const def = KPI_DEFINITIONS.resolution;
  return kpiResult(resolved.length, closed.length, targetOf(options, def.defaultTarget), def.direction);
}
