import { toHalfWidth } from '../normalize/width.ts';
import { findNumbers } from './numbers.ts';
import { findNames } from './names.ts';
import { findEmails, findPlates } from './contact.ts';
import { findAddresses } from './address.ts';
import type { PersonalDataSpan } from './types.ts';

/**
 * All personal data found in `text`, non-overlapping and ordered by position. Detection runs on
 * the half-width form of the text (same offsets), so full-width digits are found too. When two
 * findings overlap, the earlier detector in this list wins: e-mail (its local part may be a
 * number) → numbers → plates → names → addresses.
 */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const t = toHalfWidth(text);
  const ordered = [findEmails(t), findNumbers(t), findPlates(t), findNames(t), findAddresses(t)];
  const taken: PersonalDataSpan[] = [];
  for (const group of ordered) {
    for (const s of group) {
      if (!taken.some((o) => s.start < o.end && o.start < s.end)) taken.push(s);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Text with every personal-data finding replaced by its masked form (张*, 138****5678,
 * 110105********1234, 622202*********0123, z***@example.com, 芙蓉路**号*栋***室). */
export function maskPersonalData(text: string): string {
  if (!text) return text;
  const spans = findPersonalData(text);
  if (spans.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += text.slice(pos, s.start) + s.masked;
    pos = s.end;
  }
  return out + text.slice(pos);
}
