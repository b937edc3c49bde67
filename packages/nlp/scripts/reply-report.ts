// Reply-quality distribution on the shared replies.jsonl (for bench/RESULTS.md).
import { readJsonl } from '../src/data/jsonl.ts';
import { MESSAGES_DIR } from '../src/data/paths.ts';
import { assessReply } from '../src/reply/quality.ts';
import { maskPersonalData } from '../src/mask/maskPersonalData.ts';

interface Row { id: number; subject: string; body: string; time: string; reply: string; reply_time: string }
const { rows } = readJsonl<Row>(`${MESSAGES_DIR}/replies.jsonl`);
const qs = rows.map((r) => ({ r, q: assessReply({ subject: r.subject, body: r.body, time: r.time, reply: r.reply, replyTime: r.reply_time }) }));
const q = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;
const grades = ['优', '良', '中', '差'].map((g) => `${g} ${qs.filter((x) => x.q.grade === g).length}`).join(' · ');
console.log(`n = ${qs.length}; grades: ${grades}\n`);
console.log('| measure | p10 | median | p90 |');
console.log('|---|---|---|---|');
for (const k of ['score', 'relevance', 'completeness', 'timeliness', 'days'] as const) {
  const xs = qs.map((x) => x.q[k]).filter((v): v is number => typeof v === 'number');
  console.log(`| ${k} | ${q(xs, 0.1)} | ${q(xs, 0.5)} | ${q(xs, 0.9)} |`);
}
const pct = (n: number): string => `${((100 * n) / qs.length).toFixed(1)}%`;
console.log(`\ncites a concrete measure: ${pct(qs.filter((x) => x.q.citesMeasure).length)}; cites a policy/regulation: ${pct(qs.filter((x) => x.q.citesPolicy).length)}; replied within 15 days: ${pct(qs.filter((x) => x.q.days !== null && x.q.days <= 15).length)}\n`);
const sorted = [...qs].sort((a, b) => a.q.score - b.q.score);
console.log('| score | grade | days | rel. | compl. | measure/policy | subject | reply (start, masked) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const p of [0.999, 0.75, 0.5, 0.25, 0.01]) {
  const { r, q: x } = sorted[Math.floor(p * (sorted.length - 1))]!;
  const reply = maskPersonalData(r.reply.replace(/\s+/g, ' ').slice(0, 60)).replace(/\|/g, '/');
  console.log(`| ${x.score} | ${x.grade} | ${x.days} | ${x.relevance} | ${x.completeness} | ${x.citesMeasure ? 'M' : '-'}/${x.citesPolicy ? 'P' : '-'} | ${maskPersonalData(r.subject)} | ${reply}… |`);
}
