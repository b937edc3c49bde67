/** GB/T 2260 levels used by the platform; villages are out of scope. */
export const REGION_LEVELS = ['province', 'city', 'county', 'town'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const PREFIX_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, town: 9 };

/** 6-digit codes for province/city/county, 9 digits for towns (GB/T 2260 + GB/T 10114). */
export const REGION_CODE_PATTERN = /^(\d{6}|\d{9})$/;

/** The level a region code denotes, read from the code itself (trailing zero groups). */
export function regionLevelOf(code: string): RegionLevel {
  if (!REGION_CODE_PATTERN.test(code)) throw new RangeError(`not a region code: ${code}`);
  if (code.length === 9) return 'town';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * The code prefix shared by a region and everything below it, so a subtree test is a prefix match.
 * Precondition: `code` is a valid region code.
 */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[regionLevelOf(code)]);
}

/** True when `code` lies in the subtree rooted at `rootCode` (inclusive). */
export function isInRegion(code: string, rootCode: string): boolean {
  return code.startsWith(regionPrefix(rootCode));
}
