import { KPI_DEFINITIONS } from './targets.ts';
import {
  inPeriod,
  kpiResult,
  targetOf,
  type KpiOptions,
  type KpiResult,
  type Period,
  type SuggestionFact,
} from './types.ts';

/**
 * 建议采纳率 = suggestions adopted or partly adopted ÷ suggestions answered.
 * Denominator: suggestions answered in the period (`answer` set and `from ≤ answeredAt < to`); unanswered ones
 * are not counted at all. Partly adopted counts as adopted, as in DESIGN §5.
 */
export function adoptionRate(suggestions: readonly SuggestionFact[], period: Period, options?: KpiOptions): KpiResult {
  const answered = suggestions.filter(
    (s) => s.answer !== null && s.answeredAt !== null && inPeriod(s.answeredAt, period),
  );
  const adopted = answered.filter((s) => s.answer === 'adopted' || s.answer === 'partly_adopted');
  const def = KPI_DEFINITIONS.adoption;
  return kpiResult(adopted.length, answered.length, targetOf(options, def.defaultTarget), def.direction);
}
