import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex, duplicateGroups, splitByGroup } from '../src/index.ts';

const BASE =
  '我们小区旁边的搅拌站每天晚上施工到凌晨，噪音非常大，粉尘也很严重，老人小孩都睡不好觉，多次向街道反映都没有结果，请相关部门尽快处理。';
const EDITED =
  '小区旁边的搅拌站每天晚上施工到凌晨！噪音非常大，粉尘也很严重，老人和小孩都睡不好觉。多次向街道反映都没有结果，恳请相关部门尽快处理';
const OTHER = '建议在学校门口增设红绿灯和斑马线，上下学高峰期车流量很大，学生过马路非常危险，希望交警部门考虑。';

describe('NearDuplicateIndex', () => {
  it('links an edited repeat and not an unrelated text', () => {
    const idx = new NearDuplicateIndex({ windowDays: 30 });
    expect(idx.add({ id: 'a', text: BASE, time: '2026-01-01' }).duplicates).toEqual([]);
    expect(idx.add({ id: 'b', text: OTHER, time: '2026-01-02' }).duplicates).toEqual([]);
    const r = idx.add({ id: 'c', text: EDITED, time: '2026-01-03' });
    expect(r.duplicateOf).toBe('a');
    expect(r.duplicates[0]!.similarity).toBeGreaterThan(0.5);
    expect(r.version).toMatch(/minhash/);
  });
  it('respects the time window and the region', () => {
    const idx = new NearDuplicateIndex({ windowDays: 7 });
    idx.add({ id: 'a', text: BASE, time: '2026-01-01', region: '430103' });
    expect(idx.query({ id: 'x', text: BASE, time: '2026-03-01', region: '430103' })).toEqual([]);
    expect(idx.query({ id: 'y', text: BASE, time: '2026-01-02', region: '430104' })).toEqual([]);
    expect(idx.query({ id: 'z', text: BASE, time: '2026-01-02', region: '430103' })).toHaveLength(1);
  });
  it('prunes old entries', () => {
    const idx = new NearDuplicateIndex();
    idx.add({ id: 'a', text: BASE, time: '2026-01-01' });
    idx.add({ id: 'b', text: OTHER, time: '2026-02-01' });
    expect(idx.prune('2026-01-15')).toBe(1);
    expect(idx.size).toBe(1);
  });
});

describe('duplicate groups and the split', () => {
  const rows = [
    { subject: '小区搅拌站噪音扰民', body: BASE },
    { subject: '搅拌站噪音扰民严重', body: EDITED },
    { subject: '学校门口增设红绿灯', body: OTHER },
    { subject: '学校门口增设红绿灯', body: '同上，请尽快。' },
  ];
  it('groups exact subjects and near-identical bodies', () => {
    const g = duplicateGroups(rows);
    expect(g[0]).toBe(g[1]);
    expect(g[2]).toBe(g[3]);
    expect(g[0]).not.toBe(g[2]);
  });
  it('never splits a group', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const s = splitByGroup(rows, 0.5, seed);
      const side = new Map<number, string>();
      s.train.forEach((i) => side.set(i, 'train'));
      s.test.forEach((i) => side.set(i, 'test'));
      expect(side.get(0)).toBe(side.get(1));
      expect(side.get(2)).toBe(side.get(3));
    }
  });
});
