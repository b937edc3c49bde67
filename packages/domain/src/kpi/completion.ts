import { localDate } from '../problem/calendar.ts';
import { DEFAULT_TIME_ZONE } from '../problem/calendar.ts';
import { KPI_DEFINITIONS } from './targets.ts';
import { kpiResult, targetOf, type KpiOptions, type KpiResult, type Period, type ProblemFact } from './types.ts';

/**
 * 整改完成率 = closed ÷ problems whose deadline has passed.
 *
 * - Denominator: problems whose deadline in force D (`extendedDeadline ?? deadline`) falls in the period read as
 *   local calendar days: localDate(from) ≤ D < localDate(to). A deadline on the day of `to` has not passed yet
 *   and is left out. For a cumulative figure pass a `from` before every deadline.
 * - Numerator: those of them with a closure in force made before `to` (`closedAt < to`), on time or late,
 *   any outcome (`long_term` too: it was 销号 with a long-term plan).
 */
export function completionRate(problems: readonly ProblemFact[], period: Period, options?: KpiOptions): KpiResult {
  const tz = options?.timeZone ?? DEFAULT_TIME_ZONE;
  const fromDay = localDate(period.from, tz);
  const toDay = localDate(period.to, tz);
  const due = problems.filter((p) => {
    const d = p.extendedDeadline ?? p.deadline;
    return d >= fromDay && d < toDay;
  });
  const closed = due.filter((p) => p.closedAt !== null && p.closedAt < period.to);
  const def = KPI_DEFINITIONS.completion;
  return kpiResult(closed.length, due.length, targetOf(options, def.defaultTarget), def.direction);
}
