import { maskEmail } from './fields.ts';
import type { PersonalDataSpan } from './types.ts';

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Mainland plates: province abbreviation, a letter, then 5 (or 6 for new-energy) characters.
const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][ ·.]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警]/g;

export function findEmails(text: string): PersonalDataSpan[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
    masked: maskEmail(m[0]),
  }));
}

export function findPlates(text: string): PersonalDataSpan[] {
  return [...text.matchAll(PLATE)].map((m) => ({
    kind: 'plate' as const,
    start: m.index,
    end: m.index + m[0].length,
    masked: m[0].slice(0, 2) + '*'.repeat(m[0].length - 3) + m[0].slice(-1),
  }));
}
