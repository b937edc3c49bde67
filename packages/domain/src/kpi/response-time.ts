import { KPI_DEFINITIONS } from './targets.ts';
import { inPeriod, kpiResult, targetOf, type ClueFact, type KpiOptions, type KpiResult, type Period } from './types.ts';

const HOUR_MS = 3_600_000;

/** The median; for an even count the mean of the two middle values; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/**
 * 响应时长 = median hours from a clue's receipt to its first reply. Lower is better (target ≤ 24 h).
 *
 * - Counted: clues received in the period (`from ≤ receivedAt < to`) with a first reply before `to`; clues not
 *   yet replied by then are left out (the figure for a past period does not change later).
 * - `value` is the median in exact (fractional) hours, NOT numerator ÷ denominator;
 *   `numerator` is the sum of the hours (so numerator ÷ denominator is the mean), `denominator` the count.
 */
export function responseTime(clues: readonly ClueFact[], period: Period, options?: KpiOptions): KpiResult {
  const hours: number[] = [];
  for (const c of clues) {
    if (c.firstReplyAt === null || !inPeriod(c.receivedAt, period) || c.firstReplyAt >= period.to) continue;
    hours.push((c.firstReplyAt.getTime() - c.receivedAt.getTime()) / HOUR_MS);
  }
  const def = KPI_DEFINITIONS.responseTime;
  const sum = hours.reduce((a, b) => a + b, 0);
  return kpiResult(sum, hours.length, targetOf(options, def.defaultTarget), def.direction, median(hours));
}
