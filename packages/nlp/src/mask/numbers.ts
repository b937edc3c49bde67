import { luhnValid } from './luhn.ts';
import { looksLikeIdNumber } from './idcard.ts';
import { maskLongNumber, maskPhone } from './fields.ts';
import type { PersonalDataSpan } from './types.ts';

// A run of digit groups joined by single spaces/dashes (people write 138 1234 5678, 6222-0212-…),
// optionally prefixed with +86 and ending with the ID check letter X.
const RUN = /(?<![\dA-Za-z])\+?\d+(?:(?: ?[-–—] ?| {1,2}|\t)\d+)*[Xx]?(?![\dA-Za-z])/g;
const GROUP = /\d+[Xx]?/g;
// A bare 7–8 digit local number is only a phone when a cue precedes it.
const PHONE_CUE = /(电话|座机|手机|号码|联系方式|热线|tel|TEL|Tel|致电|拨打)[^\d\n]{0,4}$/;

interface Group {
  start: number;
  end: number;
  digits: string;
}

type StrongKind = 'idCard' | 'bankCard' | 'mobile' | 'landline';

function strongKind(d: string): StrongKind | undefined {
  if ((d.length === 18 || d.length === 15) && looksLikeIdNumber(d)) return 'idCard';
  if (d.length >= 16 && d.length <= 19 && luhnValid(d)) return 'bankCard';
  if (d.length === 11 && /^1[3-9]/.test(d)) return 'mobile';
  if (d.length === 13 && /^861[3-9]/.test(d)) return 'mobile';
  if (d.length >= 10 && d.length <= 12 && /^0[1-9]\d{1,2}[2-9]/.test(d)) return 'landline';
  return undefined;
}

function maskFor(kind: PersonalDataSpan['kind'], d: string): string {
  return kind === 'mobile' || kind === 'landline' ? maskPhone(d) : maskLongNumber(d);
}

/**
 * Finds identity, card and phone numbers in `text` (already half-width). Groups of a run are
 * combined greedily from the left, taking the longest combination that forms a known kind, so
 * "138 1234 5678" is one mobile number and "电话13812345678 6222…" stays two items. A 15–19
 * digit remainder that fails every check is still masked ('longNumber'): over-masking a
 * mistyped card number is the safe failure.
 */
export function findNumbers(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const run of text.matchAll(RUN)) {
    const base = run.index;
    const groups: Group[] = [];
    for (const g of run[0].matchAll(GROUP)) {
      groups.push({ start: base + g.index, end: base + g.index + g[0].length, digits: g[0].toUpperCase() });
    }
    let i = 0;
    while (i < groups.length) {
      let acc = '';
      let best: { j: number; kind: PersonalDataSpan['kind']; digits: string } | undefined;
      let weak: { j: number; digits: string } | undefined;
      for (let j = i; j < groups.length && j < i + 8; j++) {
        acc += groups[j]!.digits;
        if (acc.length > 19) break;
        if (j < groups.length - 1 && acc.endsWith('X')) break;
        const kind = strongKind(acc);
        if (kind) best = { j, kind, digits: acc };
        else if (acc.length >= 15) weak = { j, digits: acc };
      }
      const first = groups[i]!;
      if (best || weak) {
        const j = best?.j ?? weak!.j;
        const kind = best?.kind ?? 'longNumber';
        const digits = best?.digits ?? weak!.digits;
        // Swallow a leading '+' of +86 so no stray sign is left before the mask.
        const start = i === 0 && run[0].startsWith('+') ? base : first.start;
        spans.push({ kind, start, end: groups[j]!.end, masked: maskFor(kind, digits) });
        i = j + 1;
        continue;
      }
      const d = first.digits;
      if (d.length > 19) {
        spans.push({ kind: 'longNumber', start: first.start, end: first.end, masked: maskLongNumber(d) });
      } else if ((d.length === 7 || d.length === 8) && PHONE_CUE.test(text.slice(Math.max(0, first.start - 10), first.start))) {
        spans.push({ kind: 'landline', start: first.start, end: first.end, masked: maskPhone(d) });
      }
      i++;
    }
  }
  // A landline written with the area code in brackets: (0731)8888-1234.
  for (const m of text.matchAll(/\((0\d{2,3})\) ?(\d{3,4})[- ]?(\d{4})(?!\d)/g)) {
    const d = m[1]! + m[2]! + m[3]!;
    spans.push({ kind: 'landline', start: m.index, end: m.index + m[0].length, masked: maskPhone(d) });
  }
  return spans;
}
