import type { KpiResultView } from '@rectify/domain/schemas/kpi';

/**
 * How a KPI figure reads on the dashboard: rates as percentages with one decimal, response time in hours with one
 * decimal, the gap to the target in percentage points or hours. Pure, so a figure on screen can be checked against
 * the API's number exactly.
 */
export type KpiUnit = 'ratio' | 'hours';

/** `met`: on or beyond target; `behind`: short of it (shown in red); `noTarget`/`noData`: nothing to compare. */
export type KpiStatus = 'met' | 'behind' | 'noTarget' | 'noData';

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

/** The value as shown: `87.5%`, `12.3`, or `—` when the KPI has no value (nothing to count in the period). */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null) return '—';
  return unit === 'ratio' ? `${oneDecimal(value * 100)}%` : oneDecimal(value);
}

/** The target in the same notation as the value, `—` when there is none. */
export const formatTarget = (target: number | null, unit: KpiUnit) => formatKpiValue(target, unit);

/** The gap as a number in display units (percentage points or hours), one decimal; null when there is none. */
export function formatGap(result: Pick<KpiResultView, 'gap'>, unit: KpiUnit): string | null {
  if (result.gap === null || result.gap === 0) return null;
  return oneDecimal(unit === 'ratio' ? result.gap * 100 : result.gap);
}

export function kpiStatus(result: Pick<KpiResultView, 'value' | 'target' | 'meetsTarget'>): KpiStatus {
  if (result.value === null) return 'noData';
  if (result.target === null || result.meetsTarget === null) return 'noTarget';
  return result.meetsTarget ? 'met' : 'behind';
}

export const STATUS_COLOURS: Record<KpiStatus, string> = {
  met: '#389e0d',
  behind: '#cf1322',
  noTarget: 'inherit',
  noData: 'inherit',
};

/** A count with thousands separators as Chinese and English readers both accept (12,345). */
export const formatCount = (n: number) => n.toLocaleString('en-US');
