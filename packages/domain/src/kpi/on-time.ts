import { DEFAULT_TIME_ZONE, localDate } from '../problem/calendar.ts';
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
 * 按期完成率 = closed on or before the deadline in force ÷ closed.
 *
 * - Denominator: problems closed in the period (`from ≤ closedAt < to`).
 * - Numerator: those whose closing day in the region's zone is on or before `extendedDeadline ?? deadline`
 *   (closing at 23:59 local time on the deadline day is on time). No default target (DESIGN §5).
 */
export function onTimeRate(problems: readonly ProblemFact[], period: Period, options?: KpiOptions): KpiResult {
  const tz = options?.timeZone ?? DEFAULT_TIME_ZONE;
  const closed = problems.filter((p) => p.closedAt !== null && inPeriod(p.closedAt, period));
  const onTime = closed.filter(
    (p) => p.closedAt !== null && localDate(p.closedAt, tz) <= (p.extendedDeadline ?? p.deadline),
  );
  const def = KPI_DEFINITIONS.onTime;
  return kpiResult(onTime.length, closed.length, targetOf(options, def.defaultTarget), def.direction);
}
