import { DEFAULT_ASSESSMENT_WEIGHTS, DEFAULT_EXPORT_WEIGHT } from '../kpi/assessment.ts';
import { KPI_DEFINITIONS, KPI_NAMES } from '../kpi/targets.ts';
import { DEFAULT_LOOKBACK_MONTHS } from '../problem/duties.ts';
import { DEFAULT_MACHINE_OPTIONS } from '../problem/transitions.ts';
import { DEFAULT_WARNING_OPTIONS } from '../problem/warning.ts';
import type { EffectiveSettingsView, RegionSettings, SettingKey } from './schemas.ts';
import { TEMPLATE_DEFINITIONS, TEMPLATE_KEYS } from './templates.ts';

export type EffectiveSettings = EffectiveSettingsView['effective'];

export const DEFAULT_CLUE_REJECT_REASONS: readonly string[] = [
  '不属于政协民主监督范围',
  '已通过司法或信访程序处理',
  '内容不具体无法核实',
  '重复反映',
  '涉及个人隐私或违法信息',
];

/** DESIGN's defaults: what a region gets when neither it nor any ancestor sets a key. */
export const SETTINGS_DEFAULTS: EffectiveSettings = {
  kpiTargets: Object.fromEntries(KPI_NAMES.map((n) => [n, KPI_DEFINITIONS[n].defaultTarget])),
  assessment: { weights: { ...DEFAULT_ASSESSMENT_WEIGHTS }, exportWeight: DEFAULT_EXPORT_WEIGHT },
  disputeWindowDays: DEFAULT_MACHINE_OPTIONS.disputeWindowDays,
  maxExtensions: DEFAULT_MACHINE_OPTIONS.maxExtensions,
  progressCadenceDays: DEFAULT_WARNING_OPTIONS.progressCadenceDays,
  lookbackMonths: [...DEFAULT_LOOKBACK_MONTHS],
  clueRejectReasons: [...DEFAULT_CLUE_REJECT_REASONS],
  routing: [],
  templates: Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, TEMPLATE_DEFINITIONS[k].defaultBody])),
};

/** Keys merged entry by entry (a county may set one KPI's target and inherit the rest); others are taken whole. */
const MERGED_BY_ENTRY: ReadonlySet<SettingKey> = new Set(['kpiTargets', 'templates']);

/**
 * The settings in force for the last region of `chain` (ordered from the top region down to it): for each key, the
 * nearest region that sets it wins; unset keys fall back to `SETTINGS_DEFAULTS`. `sources` names, per key, the
 * nearest region that set it (null: the default).
 */
export function effectiveSettings(chain: ReadonlyArray<{ regionCode: string; settings: RegionSettings }>): {
  effective: EffectiveSettings;
  sources: Record<SettingKey, string | null>;
} {
  const effective: Record<string, unknown> = structuredClone(SETTINGS_DEFAULTS);
  const sources = Object.fromEntries(Object.keys(SETTINGS_DEFAULTS).map((k) => [k, null])) as Record<SettingKey, string | null>;
  for (const { regionCode, settings } of chain) {
    for (const [key, value] of Object.entries(settings) as [SettingKey, unknown][]) {
      if (value === undefined) continue;
      effective[key] = MERGED_BY_ENTRY.has(key)
        ? { ...(effective[key] as Record<string, unknown>), ...(value as Record<string, unknown>) }
        : structuredClone(value);
      sources[key] = regionCode;
    }
  }
  return { effective: effective as EffectiveSettings, sources };
}
