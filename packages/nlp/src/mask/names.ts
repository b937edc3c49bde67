import { surnameLength } from './surnames.ts';
import { maskName } from './fields.ts';
import type { PersonalDataSpan } from './types.ts';

// Words that introduce a person's full name in complaints and forms.
const CUE =
  /(?:姓名|名字叫|名字是|联系人|我叫|我的名字是|本人叫|本人名叫|名叫|申请人|投诉人|举报人|反映人|来信人|当事人|户主|收件人|经办人|患者|留言人)[\s:：为是]{0,3}([\u4e00-\u9fff]{2,5})/g;
// Characters that cannot be part of a given name here: they begin the words that usually follow
// a name (今年, 是, 住在, 男, 电话, 身份证…) or are grammar.
const STOP = new Set('今是的在住家男女电手联身现系因于从来工反想要和与同先老，。、了也就都说向给把被对请已等年岁号'.split(''));
// Characters before 先生/女士 that mean the preceding character is a bare surname (感谢张先生).
const BEFORE_SURNAME_ONLY = new Set('谢请和与找叫给向的位名被让跟对是有及或问同'.split(''));

function nameAt(candidate: string): string | undefined {
  const sl = surnameLength(candidate);
  if (sl === 0) return undefined;
  let given = '';
  for (const c of candidate.slice(sl)) {
    if (STOP.has(c) || given.length === 2) break;
    given += c;
  }
  return given.length === 0 ? undefined : candidate.slice(0, sl) + given;
}

/** Names after a cue (姓名：张三 → 张*) and full names before an honorific (王建国先生 → 王**先生).
 * A bare surname with an honorific (张先生) is already anonymous and left alone. */
export function findNames(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const m of text.matchAll(CUE)) {
    const cand = m[1]!;
    const name = nameAt(cand);
    if (!name) continue;
    const start = m.index + m[0].length - cand.length;
    spans.push({ kind: 'name', start, end: start + name.length, masked: maskName(name) });
  }
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2,4})(?=先生|女士|小姐|同志|阿姨|师傅)/g)) {
    const cand = m[1]!;
    // Try the longest suffix that is surname + 1–2 given characters.
    for (let len = Math.min(cand.length, 4); len >= 2; len--) {
      const sub = cand.slice(cand.length - len);
      const sl = surnameLength(sub);
      if (sl === 0 || len - sl < 1 || len - sl > 2) continue;
      const lastBeforeHonorific = sub[sub.length - 1]!;
      const prev = sub[sub.length - 2]!;
      // 感谢张先生: 张 alone is the surname; do not read 谢张 as a name.
      if (surnameLength(lastBeforeHonorific) === 1 && BEFORE_SURNAME_ONLY.has(prev)) break;
      if ([...sub.slice(sl)].some((c) => STOP.has(c))) continue;
      // 和刘芳女士: 和 is a surname but here a conjunction when the rest is itself a full name.
      if (BEFORE_SURNAME_ONLY.has(sub[0]!) && len > 2 && surnameLength(sub.slice(1)) > 0) continue;
      const start = m.index + cand.length - len;
      spans.push({ kind: 'name', start, end: start + len, masked: maskName(sub) });
      break;
    }
  }
  return spans;
}
