import type { ClosureOutcome, LookbackResult, RatingValue } from '../problem/states.ts';

/**
 * The inputs of the KPI formulas: plain facts the database can produce with one query each. Every KPI
 * covers a half-open period [from, to). Rates are fractions (0.9 = 90%); response time is in hours.
 */
export interface Period {
  from: Date;
  to: Date;
}

export interface ProblemFact {
  id: string;
  leadUnitId: string;
  assignedAt: Date;
  /** `YYYY-MM-DD`, the assignment's deadline in the region's zone. */
  deadline: string;
  /** Approved extension (or a rebound's new deadline); when set it replaces `deadline`. */
  extendedDeadline: string | null;
  /**
   * The closure in force (销号, whatever the outcome, `long_term` included); null while not closed. A problem
   * reopened by a rebound or a redo has null here until it is closed again.
   */
  closedAt: Date | null;
  outcome: ClosureOutcome | null;
  /** Long-term mechanisms linked to the problem. */
  mechanismCount: number;
}

export const SUGGESTION_ANSWERS = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export type SuggestionAnswer = (typeof SUGGESTION_ANSWERS)[number];

export interface SuggestionFact {
  id: string;
  /** Null while the unit has not answered. */
  answer: SuggestionAnswer | null;
  answeredAt: Date | null;
}

export interface LookbackFact {
  problemId: string;
  doneAt: Date;
  result: LookbackResult;
}

export interface RatingFact {
  /** The rated problem or clue. */
  subjectId: string;
  /** User id, or the public reporter's key; the same person must carry the same key in clues and ratings. */
  raterKey: string;
  /** True for ratings by the public (they count towards participation). */
  isPublic: boolean;
  value: RatingValue;
  ratedAt: Date;
}

export interface ClueFact {
  id: string;
  receivedAt: Date;
  firstReplyAt: Date | null;
  /** 9-digit town code, null when the place is unknown. */
  town: string | null;
  /** The reporter's key, null for an anonymous report (it cannot be counted as a distinct person). */
  reporter: string | null;
}

export type TargetDirection = 'at_least' | 'at_most';

export interface KpiResult {
  /** numerator ÷ denominator (for response time: the median); null when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number;
  target: number | null;
  /** How far the value falls short of the target, ≥ 0 (0 when met); null without a value or a target. */
  gap: number | null;
  meetsTarget: boolean | null;
}

export interface KpiOptions {
  /** Overrides the default target; null means "no target". */
  target?: number | null;
  timeZone?: string;
}

export function inPeriod(t: Date, period: Period): boolean {
  return t >= period.from && t < period.to;
}

/** Assemble a result: value, then the comparison with the target in its direction. */
export function kpiResult(
  numerator: number,
  denominator: number,
  target: number | null,
  direction: TargetDirection,
  value: number | null = denominator === 0 ? null : numerator / denominator,
): KpiResult {
  if (value === null || target === null) return { value, numerator, denominator, target, gap: null, meetsTarget: null };
  const meetsTarget = direction === 'at_least' ? value >= target : value <= target;
  const gap = meetsTarget ? 0 : Math.abs(target - value);
  return { value, numerator, denominator, target, gap, meetsTarget };
}

/** The target in force: an explicit override (even null) wins over the default. */
export function targetOf(options: KpiOptions | undefined, fallback: number | null): number | null {
  return options && 'target' in options && options.target !== undefined ? options.target : fallback;
}
