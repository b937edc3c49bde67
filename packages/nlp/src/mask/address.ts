import type { PersonalDataSpan } from './types.ts';

// One house-number element: a number (Arabic, Chinese, or with a block letter: G2, 3A) followed by
// a unit word. The chain of elements (12号5栋2单元301室, G2栋320) is the part of an address that
// identifies a household; the road or community name before it is left readable because it is
// needed to act on the clue.
const NUM = '(?:[A-Za-z]?\\d{1,5}[A-Za-z]?|[一二三四五六七八九十百零〇两]{1,4})';
const UNIT = '(?:号楼|号院|号|栋|幢|座|单元|室|楼|层|户)';
const ELEMENT = `${NUM}\\s?${UNIT}`;
const CHAIN = new RegExp(`(?<![\\d月第编])${ELEMENT}(?:[-—]?${ELEMENT})*(?:[-—]?\\d{1,5}(?![\\d年月日]))?`, 'g');
// Unit words that make a chain a household address (a lone "5楼", "3层" or "3户" is not).
const HOUSEHOLD = /号|栋|幢|单元|室/;
// 1号线, 3号文件, 2号窗口, 8号台风, 2号楼盘公告: numbered things that are not addresses.
const NOT_ADDRESS_AFTER = /^(?:线|文|令|公告|台风|窗口|通知|门诊|机|车|口|码|病房|地块|楼盘|场|站|桥)/;

export function findAddresses(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const m of text.matchAll(CHAIN)) {
    const s = m[0];
    if (!HOUSEHOLD.test(s)) continue;
    const end = m.index + s.length;
    if (NOT_ADDRESS_AFTER.test(text.slice(end, end + 4)) && /号$/.test(s)) continue;
    // A date like 5月12号 is excluded by the look-behind; a bare "12号" right after a month
    // written as 5月 is caught there too.
    const masked = s.replace(/[A-Za-z0-9一二三四五六七八九十百零〇两]/g, '*');
    spans.push({ kind: 'address', start: m.index, end, masked });
  }
  return spans;
}
