// Precision/recall of the near-duplicate threshold on a labelled set built from the shared
// messages: exact duplicates present in the data, plus realistic edits of real bodies (sentences
// reordered, punctuation changed, a phrase inserted, a sentence dropped, prefix/suffix added).
// Pairs of distinct source messages count as non-duplicates (so precision is a lower bound:
// some distinct posts in the data are themselves near-copies).
import { readJsonl } from '../src/data/jsonl.ts';
import { MESSAGES_DIR } from '../src/data/paths.ts';
import { NearDuplicateIndex, dedupeKey } from '../src/dedupe/index.ts';

interface Row { id: number; subject: string; body: string }
const { rows } = readJsonl<Row>(`${MESSAGES_DIR}/hot_topic_messages.jsonl`);
let seed = 7;
const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)]!;

const sentences = (t: string): string[] => t.split(/(?<=[。！？!?；;])/).filter((s) => s.trim());
const EDITS: [string, (t: string) => string][] = [
  ['reorder', (t) => { const s = sentences(t); if (s.length < 2) return t + '。'; const i = Math.floor(rand() * (s.length - 1)); [s[i], s[i + 1]] = [s[i + 1]!, s[i]!]; return s.join(''); }],
  ['punctuation', (t) => t.replace(/，/g, ',').replace(/。/g, '！').replace(/\s/g, '')],
  ['insert', (t) => { const p = pick(['希望有关部门高度重视，', '这个问题已经存在很久了，', '恳请领导尽快帮忙解决，', '周边居民意见很大，']); const i = Math.floor(rand() * t.length); return t.slice(0, i) + p + t.slice(i); }],
  ['drop-sentence', (t) => { const s = sentences(t); if (s.length < 3) return t; s.splice(Math.floor(rand() * s.length), 1); return s.join(''); }],
  ['wrap', (t) => `尊敬的领导：您好！${t}谢谢！`],
];

// Distinct sources of a useful length.
const seen = new Set<string>();
const sources: { id: string; text: string }[] = [];
for (const r of rows) {
  const k = dedupeKey(r.body);
  if (k.length < 60 || seen.has(k)) continue;
  seen.add(k);
  sources.push({ id: String(r.id), text: r.body });
}
// Exact duplicates already in the data (the same body posted again).
const byKey = new Map<string, string[]>();
for (const r of rows) {
  const k = dedupeKey(r.body);
  if (k.length >= 30) byKey.set(k, [...(byKey.get(k) ?? []), String(r.id)]);
}
const exactPairs = [...byKey.values()].filter((ids) => ids.length > 1).length;

const sample = sources.filter(() => rand() < 0.5).slice(0, 1500);
const variants = sample.map((s) => { const [kind, f] = pick(EDITS); return { of: s.id, kind, text: f(s.text) }; });
console.error(`${sources.length} distinct sources, ${sample.length} edited, ${exactPairs} exact-duplicate groups in the data`);

console.log('| threshold | precision | recall | F1 | recall by edit |');
console.log('|---|---|---|---|---|');
for (const threshold of [0.4, 0.5, 0.6, 0.7, 0.8]) {
  const idx = new NearDuplicateIndex({ threshold, windowDays: Infinity, maxMatches: 50 });
  for (const s of sources) idx.add({ id: s.id, text: s.text });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byKind = new Map<string, [number, number]>();
  for (const v of variants) {
    const found = idx.query({ id: 'q', text: v.text }).map((m) => m.id);
    const hit = found.includes(v.of);
    if (hit) tp++;
    else fn++;
    fp += found.filter((id) => id !== v.of).length;
    const k = byKind.get(v.kind) ?? [0, 0];
    byKind.set(v.kind, [k[0] + (hit ? 1 : 0), k[1] + 1]);
  }
  // Exact duplicates in the data must always link (their shingle sets are identical).
  for (const ids of byKey.values()) if (ids.length > 1) tp++;
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  const kinds = [...byKind].map(([k, [h, n]]) => `${k} ${(h / n).toFixed(2)}`).join(', ');
  console.log(`| ${threshold} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${((2 * p * r) / (p + r)).toFixed(3)} | ${kinds} |`);
}
