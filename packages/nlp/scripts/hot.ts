// Prints the top hot topics of the shared hot_topic_messages.jsonl (used for bench/RESULTS.md).
import { readJsonl } from '../src/data/jsonl.ts';
import { MESSAGES_DIR } from '../src/data/paths.ts';
import { findHotTopics } from '../src/topics/hotTopics.ts';

interface Row { id: number; user: string; subject: string; time: string; body: string; likes: number }
const { rows } = readJsonl<Row>(`${MESSAGES_DIR}/hot_topic_messages.jsonl`);
const threshold = Number(process.argv[2] ?? 0.3);
const t = Date.now();
const topics = findHotTopics(
  rows.map((r) => ({ id: String(r.id), subject: r.subject, body: r.body, time: r.time, reporter: r.user, likes: r.likes })),
  { threshold, topN: 10, windowDays: undefined, mergeThreshold: Number(process.argv[3] ?? 0.3) },
);
console.error(`${rows.length} messages in ${Date.now() - t} ms`);
console.log('| rank | heat | size | reporters | likes | keywords | representative subject | time span |');
console.log('|---|---|---|---|---|---|---|---|');
for (const h of topics) {
  console.log(`| ${h.rank} | ${h.heat} | ${h.factors.size} | ${h.factors.reporters} | ${h.factors.likes} | ${h.keywords.join(' ')} | ${h.representatives[0]?.subject} | ${h.firstTime.slice(0, 10)} – ${h.lastTime.slice(0, 10)} |`);
}
