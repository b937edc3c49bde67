import { isInRegion, REGION_LEVELS, regionLevelOf } from '@rectify/domain/regions';
import type { MeView } from '@rectify/domain/schemas/auth';

/**
 * The region subtrees the caller's grants cover, widest first (a city before a county elsewhere); a user with only
 * unit grants gets their own region, within which the server still limits every figure to their unit's problems.
 */
export function scopeRoots(me: MeView): string[] {
  const codes = [...new Set(me.grants.map((g) => g.regionCode).filter((c): c is string => c !== null))];
  const roots = codes.filter((c) => !codes.some((other) => other !== c && isInRegion(c, other)));
  const depth = (code: string) => REGION_LEVELS.indexOf(regionLevelOf(code));
  roots.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  return roots.length > 0 ? roots : [me.regionCode];
}
