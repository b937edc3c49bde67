import { SETTINGS_DEFAULTS } from '@rectify/domain/settings/effective';
import {
  regionSettings,
  type EffectiveSettingsView,
  type RegionSettings,
  type SettingKey,
} from '@rectify/domain/settings/schemas';

export type Effective = EffectiveSettingsView['effective'];

/** Where a value in force comes from: this region, an ancestor (its code), or the built-in default. */
export type Source = { kind: 'own' } | { kind: 'inherited'; regionCode: string } | { kind: 'default' };

/**
 * What the settings form edits: the region's own settings (a key absent = inherited), the values in force before
 * the edit, and what the region would inherit if it set nothing (from its parent's view when readable).
 */
export interface SettingsContext {
  view: EffectiveSettingsView;
  /** The parent's view (null for a top region, or when the parent is outside the user's scope). */
  parent: EffectiveSettingsView | null;
}

/** The source of `key` for the draft: own when the draft sets it, else the parent's source (or the view's). */
export function sourceOf(ctx: SettingsContext, draft: RegionSettings, key: SettingKey, entry?: string): Source {
  const own = draft[key];
  if (own !== undefined && (entry === undefined || (own as Record<string, unknown>)[entry] !== undefined))
    return { kind: 'own' };
  const code = entry === undefined ? inheritedSource(ctx, key) : inheritedEntrySource(ctx, key, entry);
  return code ? { kind: 'inherited', regionCode: code } : { kind: 'default' };
}

/**
 * For keys merged entry by entry the view names one source per key, so an entry's source is worked out: the parent
 * when it sets the entry itself, the default when the inherited entry is the default's, else the key's source
 * (an ancestor further up). A grandparent setting an entry to exactly the default shows as 系统默认.
 */
function inheritedEntrySource(ctx: SettingsContext, key: SettingKey, entry: string): string | null {
  const holder = ctx.parent ?? ctx.view;
  const own = holder.own[key] as Record<string, unknown> | undefined;
  if (ctx.parent && own?.[entry] !== undefined) return ctx.parent.regionCode;
  const value = (inheritedValue(ctx, key) as Record<string, unknown> | undefined)?.[entry];
  if (value === (SETTINGS_DEFAULTS[key] as Record<string, unknown>)[entry]) return null;
  return inheritedSource(ctx, key);
}

function inheritedSource(ctx: SettingsContext, key: SettingKey): string | null {
  if (ctx.parent) return ctx.parent.sources[key] ?? null;
  const code = ctx.view.sources[key] ?? null;
  return code === ctx.view.regionCode ? null : code;
}

/**
 * The value the region would have for `key` without its own setting: the parent's value in force when known;
 * otherwise the view's value when it is inherited already; otherwise undefined (unknown until saved).
 */
export function inheritedValue<K extends SettingKey>(ctx: SettingsContext, key: K): Effective[K] | undefined {
  if (ctx.parent) return ctx.parent.effective[key];
  if (ctx.view.sources[key] !== ctx.view.regionCode) return ctx.view.effective[key];
  return undefined;
}

/** The value shown for `key`: the draft's own, merged over the inherited value for keys merged entry by entry. */
export function shownValue<K extends SettingKey>(ctx: SettingsContext, draft: RegionSettings, key: K): Effective[K] {
  const own = draft[key];
  const inherited = inheritedValue(ctx, key) ?? ctx.view.effective[key];
  if (own === undefined) return inherited;
  if (key === 'kpiTargets' || key === 'templates')
    return { ...(inherited as object), ...(own as object) } as Effective[K];
  return own as Effective[K];
}

/** The draft with `key` removed (恢复继承), or one entry of a merged key removed. */
export function restoreInheritance(draft: RegionSettings, key: SettingKey, entry?: string): RegionSettings {
  const next = { ...draft } as Record<string, unknown>;
  if (entry === undefined) {
    delete next[key];
    return next as RegionSettings;
  }
  const entries = { ...(next[key] as Record<string, unknown> | undefined) };
  delete entries[entry];
  if (Object.keys(entries).length === 0) delete next[key];
  else next[key] = entries;
  return next as RegionSettings;
}

/** Issues of the draft by path (`assessment.weights`, `templates.overdue`, `routing.0.leadUnitId`…). */
export function draftIssues(draft: RegionSettings): Map<string, string[]> {
  const parsed = regionSettings.safeParse(draft);
  const issues = new Map<string, string[]>();
  if (parsed.success) return issues;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    issues.set(path, [...(issues.get(path) ?? []), issue.message]);
  }
  return issues;
}

/** Messages at `path` or below it. */
export function issuesUnder(issues: Map<string, string[]>, path: string): string[] {
  return [...issues].filter(([p]) => p === path || p.startsWith(`${path}.`)).flatMap(([, m]) => m);
}

/** Percent shown for a stored ratio (0.9 → 90), rounded to two decimals so 0.07 is not 7.000000000000001. */
export const toPercent = (ratio: number) => Math.round(ratio * 10_000) / 100;
export const fromPercent = (percent: number) => Math.round(percent * 100) / 10_000;
