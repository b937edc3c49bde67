import { REGION_CODE_PATTERN, regionLevelOf, regionPrefix, type RegionLevel } from '@rectify/domain/regions';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';

/** The level of a region's children (towns have none). */
export const CHILD_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  province: 'city',
  city: 'county',
  county: 'town',
  town: null,
};

const DIGITS: Record<RegionLevel, number> = { province: 6, city: 6, county: 6, town: 9 };

export interface CodeProblem {
  key: MessageKey;
  params: Record<string, string | number>;
}

/**
 * Why `code` cannot be a child of `parentCode` at `level` (GB/T 2260: a city's code extends its province's first
 * two digits, a county's its city's first four, a town's nine digits its county's six), or null when it can.
 */
export function childCodeProblem(code: string, parentCode: string, level: RegionLevel): CodeProblem | null {
  const prefix = regionPrefix(parentCode);
  const digits = DIGITS[level];
  if (!REGION_CODE_PATTERN.test(code) || code.length !== digits || regionLevelOf(code) !== level)
    return { key: 'regions.codeLevel', params: { level, digits } };
  if (!code.startsWith(prefix)) return { key: 'regions.codeExtend', params: { prefix } };
  if (code === parentCode) return { key: 'regions.codeSame', params: {} };
  return null;
}

/** The IANA zones offered in the picker (Asia/Shanghai first). */
export function timeZoneChoices(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['Asia/Shanghai', ...all.filter((z) => z !== 'Asia/Shanghai')];
}
