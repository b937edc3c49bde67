import { KPI_DEFINITIONS } from './targets.ts';
import {
  inPeriod,
  kpiResult,
  targetOf,
  type KpiOptions,
  type KpiResult,
  type LookbackFact,
  type Period,
} from './types.ts';

/**
 * 反弹率 = look-backs `rebounded` ÷ look-backs done. Lower is better (target ≤ 5%).
 * Denominator: look-backs done in the period (`from ≤ doneAt < to`); a problem looked back twice counts twice.
 */
export function reboundRate(lookbacks: readonly LookbackFact[], period: Period, options?: KpiOptions): KpiResult {
  const done = lookbacks.filter((l) => inPeriod(l.doneAt, period));
  const rebounded = done.filter((l) => l.result === 'rebounded');
  const def = KPI_DEFINITIONS.rebound;
  return kpiResult(rebounded.length, done.length, targetOf(options, def.defaultTarget), def.direction);
}
