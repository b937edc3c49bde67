import { z } from 'zod';
import { ASSESSMENT_KPIS, type AssessmentKpi } from '../kpi/assessment.ts';
import { KPI_DEFINITIONS, KPI_NAMES, type KpiName } from '../kpi/targets.ts';
import { isoDateTime, regionCode, uuid } from '../schemas/common.ts';
import { TEMPLATE_DEFINITIONS, TEMPLATE_KEYS, unknownTemplateVariables, type TemplateKey } from './templates.ts';

/**
 * Region settings (地区配置): what a region may set for itself and its subtree. Each key is optional; a region that
 * does not set a key inherits it from the nearest ancestor that does, and finally from DESIGN's defaults
 * (`SETTINGS_DEFAULTS`). One schema for the server, OpenAPI and the console's admin pages.
 */

const kpiTarget = (name: KpiName) =>
  KPI_DEFINITIONS[name].unit === 'ratio'
    ? z.number().min(0, '目标值不能小于 0').max(1, '比率目标应在 0 到 1 之间').nullable()
    : z.number().min(0, '目标值不能小于 0').max(24 * 365, '时长目标不超过一年').nullable();

/** KPI → target (null = no target: shown without a gap or light). */
export const kpiTargetsSetting = z
  .object(Object.fromEntries(KPI_NAMES.map((n) => [n, kpiTarget(n).optional()])) as Record<KpiName, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>)
  .strict();

export const assessmentWeightsSetting = z
  .object({
    weights: z
      .object(Object.fromEntries(ASSESSMENT_KPIS.map((k) => [k, z.number().min(0, '权重不能为负').max(100)])) as Record<AssessmentKpi, z.ZodNumber>)
      .strict()
      .refine((w) => Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 100) < 1e-9, '各项权重之和应为 100'),
    /** Share of the government's performance assessment this score makes up. */
    exportWeight: z.number().min(0).max(1),
  })
  .strict();

/** Category (as triaged) → lead unit and co-units (交办路由表), used for routing suggestions. */
export const routingRule = z
  .object({
    category: z.string().trim().min(1, '类别不能为空').max(50),
    leadUnitId: uuid,
    cooperatingUnitIds: z.array(uuid).max(10).default([]),
  })
  .strict()
  .refine((r) => !r.cooperatingUnitIds.includes(r.leadUnitId), '配合单位不能与牵头单位相同');
export type RoutingRule = z.infer<typeof routingRule>;

export const templatesSetting = z
  .object(Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, z.string().trim().min(1).max(500).optional()])) as Record<TemplateKey, z.ZodOptional<z.ZodString>>)
  .strict()
  .superRefine((t, ctx) => {
    for (const key of TEMPLATE_KEYS) {
      const body = t[key];
      if (body === undefined) continue;
      const unknown = unknownTemplateVariables(key, body);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `“${TEMPLATE_DEFINITIONS[key].label}”使用了未定义的变量：${unknown.map((v) => `{${v}}`).join('、')}`,
        });
      }
    }
  });

const ascendingUnique = (xs: number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? 0));

/** What one region sets (every key optional). */
export const regionSettings = z
  .object({
    kpiTargets: kpiTargetsSetting.optional(),
    assessment: assessmentWeightsSetting.optional(),
    /** Calendar days after assignment within which a unit may dispute it (责任异议期限). */
    disputeWindowDays: z.number().int().min(0).max(60).optional(),
    maxExtensions: z.number().int().min(0).max(10).optional(),
    /** Days between progress reports while rectifying (进展报送周期). */
    progressCadenceDays: z.number().int().min(1).max(90).optional(),
    /** Look-backs after closure, in months (回头看); campaigns may still set their own. */
    lookbackMonths: z
      .array(z.number().int().min(1).max(36))
      .min(1)
      .max(4)
      .refine(ascendingUnique, '回头看月数应从小到大且不重复')
      .optional(),
    clueRejectReasons: z.array(z.string().trim().min(1).max(60)).min(1).max(30).optional(),
    routing: z
      .array(routingRule)
      .max(200)
      .refine((rs) => new Set(rs.map((r) => r.category)).size === rs.length, '同一类别只能有一条路由')
      .optional(),
    templates: templatesSetting.optional(),
  })
  .strict();
export type RegionSettings = z.infer<typeof regionSettings>;
export type SettingKey = keyof RegionSettings;
export const SETTING_KEYS = Object.keys(regionSettings.shape) as SettingKey[];

/** `PUT /api/settings/regions/:code`: the region's own settings as a whole, at the version last read. */
export const regionSettingsUpdate = z.object({ version: z.number().int().min(0), settings: regionSettings }).strict();

/** The settings in force for a region, each key with where it comes from. */
export const effectiveSettingsView = z.object({
  regionCode,
  /** What the region itself sets, and its version (0 = never saved). */
  own: regionSettings,
  version: z.number().int(),
  updatedAt: isoDateTime.nullable(),
  effective: z.object({
    kpiTargets: z.record(z.string(), z.number().nullable()),
    assessment: z.object({ weights: z.record(z.string(), z.number()), exportWeight: z.number() }),
    disputeWindowDays: z.number().int(),
    maxExtensions: z.number().int(),
    progressCadenceDays: z.number().int(),
    lookbackMonths: z.array(z.number().int()),
    clueRejectReasons: z.array(z.string()),
    routing: z.array(z.object({ category: z.string(), leadUnitId: uuid, cooperatingUnitIds: z.array(uuid) })),
    templates: z.record(z.string(), z.string()),
  }),
  /** Key → region code that sets it, or null for the built-in default. */
  sources: z.record(z.string(), regionCode.nullable()),
});
export type EffectiveSettingsView = z.infer<typeof effectiveSettingsView>;
