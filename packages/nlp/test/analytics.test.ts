import { describe, expect, it } from 'vitest';
import { assessReply, detectNegativeSpikes, findHotTopics, sentimentOf } from '../src/index.ts';
import { mergeCloseClusters } from '../src/topics/merge.ts';

describe('hot topics', () => {
  const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')} 10:00:00`;
  const items = [
    ...Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, subject: '丽景花园旁搅拌站噪音扰民', body: '丽景花园小区旁边的搅拌站夜间生产，噪音和粉尘严重影响居民休息。', time: day(1 + i), reporter: `u${i}`, likes: i })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, subject: '实验中学门口增设红绿灯', body: '实验中学门口车流量大，学生过马路危险，建议增设红绿灯。', time: day(3 + i), reporter: `v${i}` })),
    { id: 'x', subject: '咨询公积金贷款额度', body: '想了解公积金贷款最高额度。', time: day(4), reporter: 'w' },
  ];
  it('clusters by topic and ranks by heat', () => {
    const topics = findHotTopics(items, { topN: 5 });
    expect(topics[0]!.memberIds.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(topics[0]!.keywords.some((k) => k.includes('搅拌'))).toBe(true);
    expect(topics[1]!.memberIds.sort()).toEqual(['s0', 's1', 's2']);
    expect(topics.every((t) => !t.memberIds.includes('x'))).toBe(true);
    expect(topics[0]!.heat).toBeGreaterThan(topics[1]!.heat);
    expect(topics[0]!.version).toMatch(/topics/);
  });
  it('keeps regions apart', () => {
    const split = items.slice(0, 6).map((it, i) => ({ ...it, region: i % 2 ? 'R1' : 'R2' }));
    const topics = findHotTopics(split, { topN: 5 });
    expect(topics).toHaveLength(2);
    expect(new Set(topics.map((t) => t.region))).toEqual(new Set(['R1', 'R2']));
  });
});

describe('merging close clusters', () => {
  const DAY = 86_400_000;
  const cluster = (id: number, terms: Record<string, number>, size: number, time: number, region = 'R') => {
    const centroid = new Map(Object.entries(terms));
    const norm = Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0));
    const members = Array.from({ length: size }, (_, i) => ({
      id: `${id}-${i}`, subject: `${id}`, time: time + i, reporter: `${id}-${i}`, likes: 0, places: [], vector: new Map(centroid),
    }));
    return { id, region, members, centroid, centroidNorm: norm, lastTime: time + size - 1 };
  };
  it('joins a topic split in two, and nothing else', () => {
    // The first reports speak of 车贷 and 诈骗, the later ones of 车贷 and 经侦: one case, two online clusters.
    const a = cluster(0, { 车贷: 3, 诈骗: 2, 受害人: 1 }, 4, 0);
    const b = cluster(1, { 车贷: 3, 经侦: 2, 受害人: 1 }, 2, 5 * DAY);
    const other = cluster(2, { 补课: 3, 收费: 2 }, 3, 0);
    const elsewhere = cluster(3, { 车贷: 3, 诈骗: 2, 受害人: 1 }, 2, DAY, 'S');
    const later = cluster(4, { 车贷: 3, 诈骗: 2, 受害人: 1 }, 2, 90 * DAY);
    const merged = mergeCloseClusters([a, b, other, elsewhere, later], 0.5, 30 * DAY);
    expect(merged.map((c) => c.members.length).sort()).toEqual([2, 2, 3, 6]);
    const joined = merged.find((c) => c.members.length === 6)!;
    expect(joined.centroid.get('车贷')).toBe(6);
    expect(joined.centroid.get('经侦')).toBe(2);
    expect(joined.lastTime).toBe(b.lastTime);
    // The inputs are left as they were.
    expect(a.members).toHaveLength(4);
    expect(mergeCloseClusters([a, b], 0.95, 30 * DAY)).toHaveLength(2);
  });
});

describe('reply quality', () => {
  const msg = { subject: '幸福小区门口路灯不亮', body: '幸福小区门口的路灯已经坏了一个月，晚上很黑。', time: '2026-03-01 10:00:00' };
  it('scores a concrete, timely, relevant reply above a brush-off', () => {
    const good = assessReply({
      ...msg,
      reply: '您好！您反映的幸福小区门口路灯不亮问题已收悉。经现场核实，系线路老化所致。我局已安排维修人员于3月3日更换线路，路灯已恢复照明。根据《城市照明管理规定》，我们将加强日常巡查。如有疑问可拨打联系电话。感谢您的支持！',
      replyTime: '2026-03-04 09:00:00',
    });
    const bad = assessReply({ ...msg, reply: '已转相关部门。', replyTime: '2026-05-20 09:00:00' });
    expect(good.citesMeasure).toBe(true);
    expect(good.citesPolicy).toBe(true);
    expect(good.relevance).toBeGreaterThan(0.5);
    expect(good.days).toBeCloseTo(2.96, 1);
    expect(good.score).toBeGreaterThan(75);
    expect(bad.score).toBeLessThan(30);
    expect(bad.grade).toBe('差');
  });
});

// A small hand-labelled set of feedback sentences written for this test.
const LABELLED: [string, 'positive' | 'neutral' | 'negative'][] = [
  ['处理很及时，非常满意', 'positive'], ['工作人员态度很好，问题解决了，谢谢', 'positive'], ['点赞，效率很高', 'positive'],
  ['路灯修好了，感谢你们', 'positive'], ['回复很认真，辛苦了', 'positive'], ['这次办得不错', 'positive'],
  ['反映了三次还是没有解决，太失望了', 'negative'], ['不太满意，回复敷衍', 'negative'], ['互相推诿，踢皮球', 'negative'],
  ['工作人员态度很好，但问题没解决', 'negative'], ['一拖再拖，不了了之', 'negative'], ['答非所问，走过场', 'negative'],
  ['处理得不及时', 'negative'], ['根本没人管，投诉无门', 'negative'],
  ['已收到回复', 'neutral'], ['请问什么时候开始施工', 'neutral'], ['我想咨询一下办理流程', 'neutral'], ['明天上午去现场看看', 'neutral'],
];

describe('sentiment', () => {
  it('labels the hand-written set with at least 85% accuracy', () => {
    const ok = LABELLED.filter(([t, l]) => sentimentOf(t).label === l).length;
    expect(ok / LABELLED.length).toBeGreaterThanOrEqual(0.85);
  });
  it('blends a star rating', () => {
    expect(sentimentOf('已收到', 1).label).toBe('negative');
    expect(sentimentOf('已收到', 5).label).toBe('positive');
  });
  it('detects a spike of negative feedback against a quiet baseline', () => {
    const events = [];
    for (let d = 1; d <= 20; d++) events.push({ key: '市城管局', time: `2026-04-${String(d).padStart(2, '0')}T08:00:00Z`, negative: d % 5 === 0 });
    for (let k = 0; k < 8; k++) events.push({ key: '市城管局', time: `2026-04-21T0${k}:30:00Z`, negative: true });
    for (let d = 1; d <= 21; d++) events.push({ key: '市教育局', time: `2026-04-${String(d).padStart(2, '0')}T09:00:00Z`, negative: true });
    const alerts = detectNegativeSpikes(events);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.key).toBe('市城管局');
    expect(alerts[0]!.bucketStart.startsWith('2026-04-21')).toBe(true);
    expect(alerts[0]!.count).toBe(8);
  });
});
