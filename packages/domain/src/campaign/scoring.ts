import { isLeaf, type IndicatorNode, type IndicatorScheme } from './scheme.ts';

export const SCORE_SOURCES = ['member', 'public', 'evaluator'] as const;
export type ScoreSource = (typeof SCORE_SOURCES)[number];

export const SCORE_SOURCE_LABELS: Record<ScoreSource, string> = {
  member: '委员评议',
  public: '群众测评',
  evaluator: '第三方评估',
};

/** One rater's score of one unit on one leaf indicator, 0–100. */
export interface ScoreRow {
  unitId: string;
  indicatorKey: string;
  source: ScoreSource;
  value: number;
}

export type SourceWeights = Record<ScoreSource, number>;

/**
 * How much each source counts in a leaf's score. Not fixed by DESIGN: members' review leads, the public survey
 * and the third party count equally after it. Campaigns set their own.
 */
export const DEFAULT_SOURCE_WEIGHTS: SourceWeights = { member: 40, public: 30, evaluator: 30 };

export interface UnitResult {
  unitId: string;
  /** 0–100 weighted over the tree; null when the unit has no usable score. */
  total: number | null;
  /** The same tree aggregation over one source's scores alone. */
  bySource: Record<ScoreSource, number | null>;
  /** Score of every indicator (leaves and inner nodes) by key; null where nothing was scored. */
  indicators: Record<string, number | null>;
  /** False when some leaf had no score and its siblings were re-weighted. */
  complete: boolean;
  /** 1 = best; ties share a rank (1, 1, 3); null for units without a total. */
  rank: number | null;
}

export interface AggregateResult {
  units: UnitResult[];
  /** Rows naming an unknown indicator, an inner indicator, or a value outside 0–100: not counted. */
  ignored: ScoreRow[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Σ wᵢxᵢ ÷ Σ wᵢ over the entries that have a value; null when none has. */
function weightedMean(entries: { weight: number; value: number | null }[]): number | null {
  let num = 0;
  let den = 0;
  for (const e of entries) {
    if (e.value === null || e.weight <= 0) continue;
    num += e.weight * e.value;
    den += e.weight;
  }
  return den === 0 ? null : num / den;
}

/** Scores are compared at this precision when ranking, so 85.0000000001 and 85 tie. */
const RANK_PRECISION = 1e6;

/**
 * Competition ranking (1, 1, 3) by score, highest first; items without a score get null.
 * Returns ranks in the input order.
 */
export function rankScores(scores: readonly (number | null)[]): (number | null)[] {
  const keyed = scores.map((s) => (s === null ? null : Math.round(s * RANK_PRECISION)));
  return keyed.map((k) => (k === null ? null : 1 + keyed.filter((o) => o !== null && o > k).length));
}

/**
 * Unit results of a campaign. Per leaf and source, the mean of the raters' values; per leaf, the source means
 * weighted by `sourceWeights` over the sources that scored it; per inner node and for the total, the children
 * weighted by their scheme weights over the children that have a score (missing ones re-weighted away, and the
 * result marked incomplete). Precondition: `scheme` passes `validateScheme`.
 */
export function aggregateScores(
  scheme: Pick<IndicatorScheme, 'indicators'>,
  rows: readonly ScoreRow[],
  options: { sourceWeights?: Partial<SourceWeights>; unitIds?: readonly string[] } = {},
): AggregateResult {
  const weights = { ...DEFAULT_SOURCE_WEIGHTS, ...options.sourceWeights };
  const leaves = new Set<string>();
  const collect = (nodes: IndicatorNode[]) =>
    nodes.forEach((n) => (isLeaf(n) ? leaves.add(n.key) : collect(n.children ?? [])));
  collect(scheme.indicators);

  const ignored: ScoreRow[] = [];
  // unit → leaf → source → values
  const byUnit = new Map<string, Map<string, Map<ScoreSource, number[]>>>();
  for (const id of options.unitIds ?? []) byUnit.set(id, new Map());
  for (const r of rows) {
    if (!leaves.has(r.indicatorKey) || !(r.value >= 0 && r.value <= 100)) {
      ignored.push(r);
      continue;
    }
    const unit = byUnit.get(r.unitId) ?? new Map<string, Map<ScoreSource, number[]>>();
    byUnit.set(r.unitId, unit);
    const leaf = unit.get(r.indicatorKey) ?? new Map<ScoreSource, number[]>();
    unit.set(r.indicatorKey, leaf);
    const values = leaf.get(r.source) ?? [];
    leaf.set(r.source, values);
    values.push(r.value);
  }

  const units: UnitResult[] = [...byUnit].map(([unitId, scored]) => {
    const leafScore = (key: string, only?: ScoreSource): number | null => {
      const leaf = scored.get(key);
      if (!leaf) return null;
      const sources = only ? [only] : SCORE_SOURCES;
      return weightedMean(
        sources.map((s) => {
          const v = leaf.get(s);
          return { weight: only ? 1 : weights[s], value: v && v.length > 0 ? mean(v) : null };
        }),
      );
    };
    let complete = true;
    const indicators: Record<string, number | null> = {};
    const tree = (nodes: IndicatorNode[], only: ScoreSource | undefined, record: boolean): number | null =>
      weightedMean(
        nodes.map((n) => {
          const value = isLeaf(n) ? leafScore(n.key, only) : tree(n.children ?? [], only, record);
          if (record) {
            indicators[n.key] = value;
            if (value === null) complete = false;
          }
          return { weight: n.weight, value };
        }),
      );
    const total = tree(scheme.indicators, undefined, true);
    const bySource = Object.fromEntries(SCORE_SOURCES.map((s) => [s, tree(scheme.indicators, s, false)])) as Record<
      ScoreSource,
      number | null
    >;
    return { unitId, total, bySource, indicators, complete, rank: null };
  });

  const ranks = rankScores(units.map((u) => u.total));
  units.forEach((u, i) => (u.rank = ranks[i] ?? null));
  units.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitId.localeCompare(b.unitId));
  return { units, ignored };
}
