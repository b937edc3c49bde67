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

/** 90 days as elapsed time. Mainland zones have no daylight saving, so this equals 90 local calendar days. */
export const THREE_MONTHS_MS = 90 * 86_400_000;

/**
 * 三个月完成率 = closed within 90 days of assignment ÷ assigned at least 90 days ago.
 *
 * - Denominator: problems assigned in the period (`from ≤ assignedAt < to`) whose 90 days are over by the end
 *   of it (`assignedAt + 90 d ≤ to`); later assignments have not had their three months yet.
 * - Numerator: those with `closedAt ≤ assignedAt + 90 d` (and `closedAt < to`).
 */
export function threeMonthRate(problems: readonly ProblemFact[], period: Period, options?: KpiOptions): KpiResult {
  const cohort = problems.filter(
    (p) => inPeriod(p.assignedAt, period) && p.assignedAt.getTime() + THREE_MONTHS_MS <= period.to.getTime(),
  );
  const done = cohort.filter(
    (p) =>
      p.closedAt !== null && p.closedAt.getTime() <= p.assignedAt.getTime() + THREE_MONTHS_MS && p.closedAt < period.to,
  );
  const def = KPI_DEFINITIONS.threeMonth;
  return kpiResult(done.length, cohort.length, targetOf(options, def.defaultTarget), def.direction);
}
