import { surnameLength } from './surnames.ts';
import { toHalfWidth } from '../normalize/width.ts';

/** 张三 → 张*, 王小明 → 王**, 欧阳娜娜 → 欧阳**; a single character is returned as '*'. Non-Chinese
 * names keep their first letter. Field-level helper for display of contact names. */
export function maskName(name: string): string {
  const n = name.trim();
  if (n.length === 0) return n;
  if (n.length === 1) return '*';
  if (/^[\u4e00-\u9fff·]+$/.test(n)) {
    const keep = n.length > 2 && surnameLength(n) === 2 ? 2 : 1;
    return n.slice(0, keep) + '*'.repeat(n.length - keep);
  }
  return n[0] + '*'.repeat(Math.min(n.length - 1, 6));
}

function digitsOf(s: string): string {
  return toHalfWidth(s).replace(/[^\dXx]/g, '').toUpperCase();
}

/** Mobile 13812345678 (with or without +86, spaces, dashes) → 138****5678; landline
 * 0731-88881234 → 0731-****1234; anything shorter than 7 digits → all stars. */
export function maskPhone(phone: string): string {
  let d = digitsOf(phone);
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  if (d.length === 11 && d.startsWith('1')) return `${d.slice(0, 3)}****${d.slice(7)}`;
  if (d.startsWith('0') && d.length >= 10 && d.length <= 12) {
    const area = d.startsWith('01') || d.startsWith('02') ? 3 : 4;
    return `${d.slice(0, area)}-${'*'.repeat(d.length - area - 4)}${d.slice(-4)}`;
  }
  if (d.length >= 7) return '*'.repeat(d.length - 4) + d.slice(-4);
  return '*'.repeat(d.length);
}

/** Keep the first 6 and last 4 characters (ID numbers, bank cards, other long numbers). */
export function maskLongNumber(value: string): string {
  const d = digitsOf(value);
  if (d.length <= 10) return '*'.repeat(d.length);
  return d.slice(0, 6) + '*'.repeat(d.length - 10) + d.slice(-4);
}

/** 110105199001011234 → 110105********1234. */
export const maskIdNumber = maskLongNumber;
/** 6222021234567890123 → 622202*********0123. */
export const maskBankCard = maskLongNumber;

/** zhangsan@example.com → z***@example.com. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
