import type { KpiResult } from './types.ts';

/** The KPIs that make up a unit's assessment score. */
export const ASSESSMENT_KPIS = ['completion', 'onTime', 'satisfaction', 'mechanism', 'rebound'] as const;
export type AssessmentKpi = (typeof ASSESSMENT_KPIS)[number];

/** DESIGN §5: completion 30, on-time 20, satisfaction 25, mechanism 15, rebound 10 (inverted). */
export const DEFAULT_ASSESSMENT_WEIGHTS: Record<AssessmentKpi, number> = {
  completion: 30,
  onTime: 20,
  satisfaction: 25,
  mechanism: 15,
  rebound: 10,
};

/** Share of the government's performance assessment that this score makes up (10%). */
export const DEFAULT_EXPORT_WEIGHT = 0.1;

/** Rates where lower is better enter the score as 1 − rate. */
const INVERTED: ReadonlySet<AssessmentKpi> = new Set(['rebound']);

export interface AssessmentComponent {
  kpi: AssessmentKpi;
  weight: number;
  /** The rate as it enters the score (inverted where lower is better); null when the KPI has no value. */
  value: number | null;
  /** Points contributed to the 0–100 score (after re-weighting); 0 when value is null. */
  points: number;
}

export interface UnitAssessment {
  /** 0–100; null when no component has a value. */
  score: number | null;
  components: AssessmentComponent[];
  exportWeight: number;
  /** `score × exportWeight`: the points carried into the government's assessment. */
  exported: number | null;
}

/**
 * 绩效考核 score of one unit for one period: Σ weight × value ÷ Σ weight × 100, over the components that have a
 * value. A KPI with an empty denominator (no closed problems, no look-backs…) is left out and the others are
 * re-weighted, so a unit is neither rewarded nor punished for having nothing to measure.
 * Preconditions: weights ≥ 0 with a positive sum; 0 ≤ exportWeight ≤ 1 (RangeError otherwise).
 */
export function unitAssessment(
  kpis: Record<AssessmentKpi, KpiResult>,
  options: { weights?: Partial<Record<AssessmentKpi, number>>; exportWeight?: number } = {},
): UnitAssessment {
  const weights = { ...DEFAULT_ASSESSMENT_WEIGHTS, ...options.weights };
  const exportWeight = options.exportWeight ?? DEFAULT_EXPORT_WEIGHT;
  if (ASSESSMENT_KPIS.some((k) => !(weights[k] >= 0))) throw new RangeError('assessment weights must be ≥ 0');
  if (ASSESSMENT_KPIS.reduce((s, k) => s + weights[k], 0) <= 0) throw new RangeError('assessment weights sum to 0');
  if (!(exportWeight >= 0 && exportWeight <= 1)) throw new RangeError('export weight must be within [0, 1]');

  const raw = ASSESSMENT_KPIS.map((kpi) => {
    const v = kpis[kpi].value;
    return { kpi, weight: weights[kpi], value: v === null ? null : INVERTED.has(kpi) ? 1 - v : v };
  });
  const present = raw.filter((c) => c.value !== null && c.weight > 0);
  const totalWeight = present.reduce((s, c) => s + c.weight, 0);
  const components = raw.map((c) => ({
    ...c,
    points: c.value === null || totalWeight === 0 ? 0 : (c.weight * c.value * 100) / totalWeight,
  }));
  const score = totalWeight === 0 ? null : components.reduce((s, c) => s + c.points, 0);
  return { score, components, exportWeight, exported: score === null ? null : score * exportWeight };
}
