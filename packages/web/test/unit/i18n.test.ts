import { describe, expect, test } from 'vitest';
import enUS from '../../src/locales/en-US/index.ts';
import zhCN from '../../src/locales/zh-CN/index.ts';
import enPortal from '../../src/locales/en-US/portal.ts';
import zhPortal from '../../src/locales/zh-CN/portal.ts';
import { formatDateTime } from '../../src/i18n/datetime.ts';
import { translate } from '../../src/i18n/translate.ts';

describe('locales', () => {
  test('both languages have the same keys, and every placeholder survives translation', () => {
    for (const [zh, en] of [
      [zhCN, enUS],
      [zhPortal, enPortal],
    ] as [Record<string, string>, Record<string, string>][]) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const key of Object.keys(zh)) {
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(en[key]!), key).toEqual(names(zh[key]!));
      }
    }
  });

  test('translate fills placeholders and falls back to the key', () => {
    expect(translate(zhCN, 'state.total', { total: 3 })).toBe('共 3 条');
    expect(translate(zhCN, 'no.such.key')).toBe('no.such.key');
  });

  test('dates are shown in Asia/Shanghai, written 2025-03-01 08:05:09', () => {
    expect(formatDateTime('2025-03-01T00:05:09Z')).toBe('2025-03-01 08:05:09');
    expect(formatDateTime('2024-12-31T16:00:00.000Z')).toBe('2025-01-01 00:00:00');
    expect(formatDateTime(null)).toBe('—');
  });
});
