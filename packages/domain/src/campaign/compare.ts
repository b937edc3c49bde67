import type { IndicatorScheme } from './scheme.ts';
import type { UnitResult } from './scoring.ts';

export interface RegionResults {
  regionCode: string;
  scheme: Pick<IndicatorScheme, 'id' | 'version'>;
  units: readonly UnitResult[];
}

export interface RegionComparisonRow {
  regionCode: string;
  /** Units with a total. */
  units: number;
  meanTotal: number | null;
  maxTotal: number | null;
  minTotal: number | null;
  /** Mean per indicator key over the units that have a score for it. */
  indicators: Record<string, number | null>;
}

export type RegionComparison =
  | { ok: true; schemeId: string; schemeVersion: number; rows: RegionComparisonRow[] }
  | { ok: false; status: 422; code: string; message: string };

const meanOf = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Side-by-side results of the same scheme in several regions (DESIGN §1: "scores comparable across regions").
 * Only results of one scheme id AND version are comparable; anything else is refused rather than averaged.
 * Rows are sorted by mean total, best first (regions without a total last).
 */
export function compareAcrossRegions(results: readonly RegionResults[]): RegionComparison {
  const first = results[0];
  if (!first) return { ok: false, status: 422, code: 'nothing_to_compare', message: '没有可比较的评议结果' };
  const mismatch = results.find((r) => r.scheme.id !== first.scheme.id || r.scheme.version !== first.scheme.version);
  if (mismatch) {
    return {
      ok: false,
      status: 422,
      code: 'scheme_mismatch',
      message: `${mismatch.regionCode} 使用的指标体系（或版本）与其他地区不同，结果不可比`,
    };
  }
  const rows = results.map((r): RegionComparisonRow => {
    const totals = r.units.flatMap((u) => (u.total === null ? [] : [u.total]));
    const keys = new Set(r.units.flatMap((u) => Object.keys(u.indicators)));
    const indicators: Record<string, number | null> = {};
    for (const k of keys) {
      indicators[k] = meanOf(r.units.flatMap((u) => (u.indicators[k] == null ? [] : [u.indicators[k]])));
    }
    return {
      regionCode: r.regionCode,
      units: totals.length,
      meanTotal: meanOf(totals),
      maxTotal: totals.length ? Math.max(...totals) : null,
      minTotal: totals.length ? Math.min(...totals) : null,
      indicators,
    };
  });
  rows.sort((a, b) => (b.meanTotal ?? -Infinity) - (a.meanTotal ?? -Infinity));
  return { ok: true, schemeId: first.scheme.id, schemeVersion: first.scheme.version, rows };
}
