import { describe, expect, it } from 'vitest';
import { compareAcrossRegions } from '../../src/campaign/compare.ts';
import { advanceCampaignPhase, type CampaignSnapshot } from '../../src/campaign/phases.ts';
import { indicatorSchemeBody, scoresBody } from '../../src/campaign/schemas.ts';
import { leafShares, validateScheme, type IndicatorScheme } from '../../src/campaign/scheme.ts';
import { aggregateScores, rankScores, type ScoreRow } from '../../src/campaign/scoring.ts';
import type { Actor } from '../../src/permissions/can.ts';

const scale = { kind: 'scale' } as const;
const scheme: IndicatorScheme = {
  id: 's1',
  name: '营商环境评议',
  version: 1,
  indicators: [
    {
      key: '1',
      name: '政务服务',
      weight: 60,
      children: [
        { key: '1.1', name: '办事效率', weight: 50, rule: scale },
        { key: '1.2', name: '服务态度', weight: 50, rule: scale },
      ],
    },
    { key: '2', name: '监管执法', weight: 40, rule: scale },
  ],
};

describe('scheme validation', () => {
  it('accepts a valid scheme and computes leaf shares', () => {
    expect(validateScheme(scheme)).toEqual([]);
    expect(leafShares(scheme)).toEqual([
      { key: '1.1', share: 0.3 },
      { key: '1.2', share: 0.3 },
      { key: '2', share: 0.4 },
    ]);
  });
  it('returns every error with its path', () => {
    const bad = {
      indicators: [
        {
          key: '1',
          name: '政务服务',
          weight: 60,
          rule: scale,
          children: [
            { key: '1.1', name: '', weight: 30, rule: scale },
            { key: '1.1', name: '服务态度', weight: 50 },
          ],
        },
        { key: '2', name: '监管执法', weight: 0, rule: { kind: 'formula' as const, expression: ' ' } },
      ],
    };
    expect(validateScheme(bad).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['indicators', 'weights_not_100'],
      ['indicators.0.rule', 'rule_on_parent'],
      ['indicators.0.children', 'weights_not_100'],
      ['indicators.0.children.0.name', 'name_required'],
      ['indicators.0.children.1.key', 'duplicate_key'],
      ['indicators.0.children.1.rule', 'rule_required'],
      ['indicators.1.weight', 'weight_range'],
      ['indicators.1.rule.expression', 'formula_required'],
    ]);
    expect(validateScheme(bad)[0]?.message).toBe('本级指标权重之和应为 100，当前为 60');
    expect(validateScheme({ indicators: [] })).toMatchObject([{ code: 'empty_level' }]);
  });
  it('tolerates decimal weights that sum to 100', () => {
    const thirds = [33.33, 33.33, 33.34].map((w, i) => ({ key: `${i}`, name: 'x', weight: w, rule: scale }));
    expect(validateScheme({ indicators: thirds })).toEqual([]);
  });
  it('parses a scheme body recursively and refuses unknown fields', () => {
    expect(indicatorSchemeBody.safeParse({ name: '体系', indicators: scheme.indicators }).success).toBe(true);
    const extra = {
      name: '体系',
      indicators: [{ ...scheme.indicators[0], children: [{ key: 'a', name: 'b', weight: 100, color: 'red' }] }],
    };
    expect(indicatorSchemeBody.safeParse(extra).success).toBe(false);
    const r = scoresBody.safeParse({
      source: 'member',
      scores: [{ unitId: '00000000-0000-4000-8000-000000000001', indicatorKey: '2', value: 101 }],
    });
    expect(r.error?.issues[0]?.message).toBe('分值应在 0–100 之间');
  });
});

describe('score aggregation', () => {
  const row = (unitId: string, indicatorKey: string, source: ScoreRow['source'], value: number): ScoreRow => ({
    unitId,
    indicatorKey,
    source,
    value,
  });
  it('weights sources, then the tree, and ranks with ties', () => {
    const rows = [
      // A: 1.1 member mean 80 (70, 90), evaluator 60 → (40·80 + 30·60)/70 = 5000/70
      row('A', '1.1', 'member', 70),
      row('A', '1.1', 'member', 90),
      row('A', '1.1', 'evaluator', 60),
      row('A', '1.2', 'member', 100),
      row('A', '2', 'public', 50),
      // B and C tie exactly
      row('B', '1.1', 'member', 80),
      row('B', '1.2', 'member', 80),
      row('B', '2', 'member', 80),
      row('C', '1.1', 'member', 80),
      row('C', '1.2', 'member', 80),
      row('C', '2', 'member', 80),
      // D scored only on 2: incomplete, re-weighted
      row('D', '2', 'member', 90),
      row('D', '1', 'member', 100), // inner indicator: ignored
      row('D', '9', 'member', 100), // unknown: ignored
    ];
    const { units, ignored } = aggregateScores(scheme, rows, { unitIds: ['A', 'B', 'C', 'D', 'E'] });
    expect(ignored).toHaveLength(2);
    const byId = Object.fromEntries(units.map((u) => [u.unitId, u]));
    const a11 = 5000 / 70;
    const a1 = (a11 + 100) / 2;
    expect(byId.A!.indicators['1.1']).toBeCloseTo(a11, 10);
    expect(byId.A!.total).toBeCloseTo(0.6 * a1 + 0.4 * 50, 10);
    // members alone scored 1.1 (mean 80) and 1.2 (100) but not 2, which is re-weighted away: (80 + 100) / 2
    expect(byId.A!.bySource.member).toBeCloseTo(90, 10);
    expect(byId.A!.bySource.public).toBeCloseTo(50, 10);
    expect(byId.A!.bySource.evaluator).toBeCloseTo(60, 10); // only 1.1 scored: re-weighted to it alone
    expect(byId.D).toMatchObject({ total: 90, complete: false });
    expect(byId.E).toMatchObject({ total: null, rank: null });
    expect([byId.D!.rank, byId.B!.rank, byId.C!.rank, byId.A!.rank]).toEqual([1, 2, 2, 4]);
    expect(units.map((u) => u.unitId)).toEqual(['D', 'B', 'C', 'A', 'E']);
  });
  it('honours configured source weights', () => {
    const rows = [
      row('A', '2', 'member', 100),
      row('A', '2', 'public', 0),
      row('A', '1.1', 'member', 0),
      row('A', '1.2', 'member', 0),
    ];
    const { units } = aggregateScores(scheme, rows, { sourceWeights: { member: 1, public: 3 } });
    expect(units[0]!.indicators['2']).toBeCloseTo(25, 10);
    expect(units[0]!.total).toBeCloseTo(10, 10);
  });
  it('ranks with competition ranking and float tolerance', () => {
    expect(rankScores([90, 85, 90, null, 85.0000000001, 70])).toEqual([1, 3, 1, null, 3, 5]);
  });
});

describe('cross-region comparison', () => {
  const u = (total: number | null, i1: number | null) => ({
    unitId: 'x',
    total,
    bySource: { member: null, public: null, evaluator: null },
    indicators: { '1': i1 },
    complete: true,
    rank: null,
  });
  it('compares regions on the same scheme version', () => {
    const r = compareAcrossRegions([
      { regionCode: '110105', scheme: { id: 's1', version: 1 }, units: [u(80, 70), u(90, null)] },
      { regionCode: '110106', scheme: { id: 's1', version: 1 }, units: [u(95, 90), u(null, null)] },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => [x.regionCode, x.units, x.meanTotal, x.indicators['1']])).toEqual([
      ['110106', 1, 95, 90],
      ['110105', 2, 85, 70],
    ]);
  });
  it('refuses different schemes or versions', () => {
    const r = compareAcrossRegions([
      { regionCode: '110105', scheme: { id: 's1', version: 1 }, units: [] },
      { regionCode: '110106', scheme: { id: 's1', version: 2 }, units: [] },
    ]);
    expect(r).toMatchObject({ ok: false, status: 422, code: 'scheme_mismatch' });
  });
});

describe('campaign phases', () => {
  const staff: Actor = {
    userId: 's',
    username: 's',
    unitId: 'u',
    regionCode: '110000',
    grants: [{ role: 'cppcc_staff', regionCode: '110000', unitId: null }],
  };
  const base: CampaignSnapshot = {
    id: 'c1',
    regionCode: '110105',
    phase: 'planning',
    scheme,
    targetUnitIds: ['A', 'B'],
    researchRecords: 0,
    scoredUnitIds: [],
    draftProblems: 0,
    openProblems: 0,
    lookbacksDue: 0,
    phaseChangedAt: null,
  };
  const now = new Date('2025-06-10T02:00:00Z');
  it('moves forward one phase at a time', () => {
    const d = advanceCampaignPhase(base, 'research', staff, now);
    expect(d).toMatchObject({
      ok: true,
      next: { phase: 'research', phaseChangedAt: now },
      event: { type: 'campaign.phase_advanced' },
    });
    expect(advanceCampaignPhase(base, 'scoring', staff, now)).toMatchObject({ ok: false, status: 409 });
    expect(advanceCampaignPhase({ ...base, phase: 'research' }, 'planning', staff, now)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(advanceCampaignPhase({ ...base, phase: 'archived' }, 'planning', staff, now)).toMatchObject({
      ok: false,
      status: 409,
    });
  });
  it('checks role and region (403)', () => {
    const member: Actor = { ...staff, grants: [{ role: 'member', regionCode: '110000', unitId: null }] };
    const elsewhere: Actor = { ...staff, grants: [{ role: 'cppcc_staff', regionCode: '310000', unitId: null }] };
    expect(advanceCampaignPhase(base, 'research', member, now)).toMatchObject({ ok: false, status: 403 });
    expect(advanceCampaignPhase(base, 'research', elsewhere, now)).toMatchObject({ ok: false, status: 403 });
  });
  it('guards each step (422) with all reasons', () => {
    const broken = {
      ...base,
      targetUnitIds: [],
      scheme: { ...scheme, indicators: [{ ...scheme.indicators[1]!, weight: 50 }] },
    };
    const d = advanceCampaignPhase(broken, 'research', staff, now);
    expect(d).toMatchObject({
      ok: false,
      status: 422,
      message: '请先确定被评议单位；评议指标体系有 1 处错误，请先修正',
    });
    expect(advanceCampaignPhase({ ...base, phase: 'research' }, 'scoring', staff, now)).toMatchObject({ status: 422 });
    expect(
      advanceCampaignPhase({ ...base, phase: 'scoring', scoredUnitIds: ['A'] }, 'rectification', staff, now),
    ).toMatchObject({
      status: 422,
      message: '还有 1 个被评议单位没有评分',
    });
    expect(
      advanceCampaignPhase({ ...base, phase: 'scoring', scoredUnitIds: ['A', 'B'] }, 'rectification', staff, now).ok,
    ).toBe(true);
    expect(
      advanceCampaignPhase({ ...base, phase: 'rectification', draftProblems: 2 }, 'lookback', staff, now),
    ).toMatchObject({ status: 422 });
    expect(advanceCampaignPhase({ ...base, phase: 'lookback', lookbacksDue: 1 }, 'archived', staff, now)).toMatchObject(
      { status: 422 },
    );
    expect(advanceCampaignPhase({ ...base, phase: 'lookback' }, 'archived', staff, now).ok).toBe(true);
  });
});
