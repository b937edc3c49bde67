import { z } from 'zod';
import { KPI_NAMES } from '../kpi/targets.ts';
import { uuid } from './common.ts';

/**
 * The KPI read API (DESIGN §5) as the server answers it and the console reads it: every figure carries its
 * numerator and denominator (so a dashboard can drill down and show what it counts), the target in force and the gap.
 */

export const kpiQuery = z.object({
  region: z
    .string()
    .regex(/^(\d{6}|\d{9})$/, '行政区划代码应为 6 位或 9 位数字')
    .optional()
    .describe('region subtree; default: your own region'),
  unit: uuid.optional(),
  campaign: uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('period start (inclusive); default: 1 year ago'),
  to: z.iso.datetime({ offset: true }).optional().describe('period end (exclusive); default: now'),
});
export type KpiQuery = z.infer<typeof kpiQuery>;

export const kpiResultView = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  target: z.number().nullable(),
  gap: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
});
export type KpiResultView = z.infer<typeof kpiResultView>;

const periodView = z.object({ from: z.string(), to: z.string() });

export const kpiView = z.object({
  region: z.string(),
  period: periodView,
  kpis: z.record(z.enum(KPI_NAMES), kpiResultView.extend({ label: z.string(), unit: z.enum(['ratio', 'hours']) })),
});
export type KpiView = z.infer<typeof kpiView>;

export const unitKpiView = z.object({
  items: z.array(
    z.object({
      unitId: z.string(),
      problems: z.number().int(),
      score: z.number().nullable(),
      exported: z.number().nullable(),
      kpis: z.record(z.string(), kpiResultView),
    }),
  ),
});
export type UnitKpiView = z.infer<typeof unitKpiView>;

export const kpiTrendQuery = kpiQuery.omit({ from: true }).extend({
  months: z.coerce.number().int().min(1).max(24).default(12).describe('calendar months ending with the one of `to`'),
});

/** One row per calendar month (Asia/Shanghai), oldest first; each month is its own KPI period. */
export const kpiTrendView = z.object({
  region: z.string(),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      period: periodView,
      kpis: z.record(z.enum(KPI_NAMES), kpiResultView),
    }),
  ),
});
export type KpiTrendView = z.infer<typeof kpiTrendView>;

/** The child regions of a region (counties of a city, towns of a county), each with its KPIs, best first. */
export const regionKpiView = z.object({
  region: z.string(),
  period: periodView,
  rankedBy: z.enum(KPI_NAMES),
  items: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      rank: z.number().int().nullable(),
      kpis: z.record(z.enum(KPI_NAMES), kpiResultView),
    }),
  ),
});
export type RegionKpiView = z.infer<typeof regionKpiView>;
