import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
const c: Record<string, ReturnType<typeof as>> = {};
let units: Record<string, string>;

const SCALE = { kind: 'scale' as const };
const SCHEME = {
  name: '营商环境评议指标',
  indicators: [
    {
      key: 'A',
      name: '办事效率',
      weight: 60,
      children: [
        { key: 'A1', name: '时限', weight: 50, rule: SCALE },
        { key: 'A2', name: '环节', weight: 50, rule: SCALE },
      ],
    },
    { key: 'B', name: '服务态度', weight: 40, rule: SCALE },
  ],
};

beforeAll(async () => {
  t = await startTestPlatform();
  for (const role of ['cppcc_staff', 'member', 'evaluator', 'unit_liaison', 'leader'])
    c[role] = as(t.app, await login(t.app, role));
  const rows = await t.database.db
    .select()
    .from(schema.units)
    .where(inArray(schema.units.name, ['湖州市住房和城乡建设局', '湖州市交通运输局', '湖州市商务局']));
  units = Object.fromEntries(rows.map((u) => [u.name, u.id]));
});
afterAll(() => t.close());

describe('campaigns and scoring', () => {
  it('refuses a scheme whose weights do not add up, listing every problem with its path', async () => {
    const bad = await c.cppcc_staff!('POST', '/api/schemes', {
      name: '错误的体系',
      indicators: [
        { key: 'A', name: '甲', weight: 70, children: [{ key: 'A1', name: '甲一', weight: 30 }] },
        { key: 'B', name: '乙', weight: 20 },
      ],
    });
    const err = expectError(bad, 422, 'invalid_scheme');
    const issues = err.details as { path: unknown[] }[];
    expect(issues.length).toBeGreaterThanOrEqual(2);
    const live = (await c.cppcc_staff!('POST', '/api/schemes/validate', SCHEME)).json();
    expect(live.issues).toEqual([]);
    expectError(await c.member!('POST', '/api/schemes', SCHEME), 403);
  });

  it('runs a campaign from planning to rectification with weighted, ranked results comparable across regions', async () => {
    const scheme = (await c.cppcc_staff!('POST', '/api/schemes', SCHEME)).json();
    expect(scheme.version).toBe(1);
    const v2 = (
      await c.cppcc_staff!('POST', `/api/schemes/${scheme.id}/versions`, {
        ...SCHEME,
        name: '营商环境评议指标（修订）',
      })
    ).json();
    expect(v2).toMatchObject({ familyId: scheme.familyId, version: 2 });

    const me = (await c.member!('GET', '/api/auth/me')).json().user;
    const targets = Object.values(units);
    let campaign = (
      await c.cppcc_staff!('POST', '/api/campaigns', {
        title: '2026 年营商环境专项评议',
        topic: '优化营商环境',
        year: 2026,
        regionCode: '330502',
        memberIds: [me.id],
        sourceWeights: { member: 50, public: 25, evaluator: 25 },
      })
    ).json();
    expect(campaign.phase).toBe('planning');
    // Leaving planning needs targets and a scheme.
    const early = await c.cppcc_staff!('POST', `/api/campaigns/${campaign.id}/phase`, {
      to: 'research',
      version: campaign.version,
    });
    expect(expectError(early, 422, 'phase_guard_failed').message).toContain('被评议单位');
    const [row] = await t.database.db
      .update(schema.campaigns)
      .set({ targetUnitIds: targets, schemeId: scheme.id, version: campaign.version + 1 })
      .returning();
    campaign = { ...campaign, version: row!.version };
    const skip = await c.cppcc_staff!('POST', `/api/campaigns/${campaign.id}/phase`, {
      to: 'scoring',
      version: campaign.version,
    });
    expectError(skip, 409, 'illegal_transition');
    campaign = (
      await c.cppcc_staff!('POST', `/api/campaigns/${campaign.id}/phase`, { to: 'research', version: campaign.version })
    ).json();

    // Scoring is refused before the scoring phase.
    const tooEarly = await c.member!('PUT', `/api/campaigns/${campaign.id}/scores`, {
      source: 'member',
      scores: [{ unitId: targets[0], indicatorKey: 'A1', value: 90 }],
    });
    expectError(tooEarly, 409);
    expect(
      (
        await c.member!('POST', `/api/campaigns/${campaign.id}/research`, {
          kind: 'visit',
          title: '走访政务中心',
          notes: '窗口排队时间较长',
          regionCode: '330502',
          happenedOn: '2026-10-10',
        })
      ).statusCode,
    ).toBe(201);
    campaign = (
      await c.cppcc_staff!('POST', `/api/campaigns/${campaign.id}/phase`, { to: 'scoring', version: campaign.version })
    ).json();

    const [u1, u2, u3] = [units['湖州市住房和城乡建设局']!, units['湖州市交通运输局']!, units['湖州市商务局']!];
    const sheet = (a1: number, a2: number, b: number, unitId: string) => [
      { unitId, indicatorKey: 'A1', value: a1 },
      { unitId, indicatorKey: 'A2', value: a2 },
      { unitId, indicatorKey: 'B', value: b },
    ];
    expect(
      (
        await c.member!('PUT', `/api/campaigns/${campaign.id}/scores`, {
          source: 'member',
          scores: [...sheet(90, 80, 70, u1), ...sheet(60, 60, 60, u2), ...sheet(90, 80, 70, u3)],
        })
      ).json().saved,
    ).toBe(9);
    expectError(
      await c.member!('PUT', `/api/campaigns/${campaign.id}/scores`, {
        source: 'evaluator',
        scores: sheet(1, 1, 1, u1),
      }),
      403,
    );
    await c.evaluator!('PUT', `/api/campaigns/${campaign.id}/scores`, {
      source: 'evaluator',
      scores: [...sheet(80, 80, 80, u1), ...sheet(70, 70, 70, u2), ...sheet(80, 80, 80, u3)],
    });
    await c.cppcc_staff!('PUT', `/api/campaigns/${campaign.id}/scores`, {
      source: 'public',
      scores: [...sheet(100, 100, 100, u1), ...sheet(50, 50, 50, u2), ...sheet(100, 100, 100, u3)],
    });
    expectError(
      await c.cppcc_staff!('PUT', `/api/campaigns/${campaign.id}/scores`, {
        source: 'public',
        scores: [{ unitId: '00000000-0000-4000-8000-000000000000', indicatorKey: 'A1', value: 50 }],
      }),
      422,
    );

    const results = (await c.leader!('GET', `/api/campaigns/${campaign.id}/results`)).json();
    const byUnit = Object.fromEntries(results.units.map((u: { unitId: string }) => [u.unitId, u]));
    // Member: A = (90+80)/2 = 85, B = 70 → 0.6·85 + 0.4·70 = 79; evaluator 80; public 100; weighted 50/25/25.
    expect(byUnit[u1].total).toBeCloseTo(0.5 * 79 + 0.25 * 80 + 0.25 * 100, 6);
    expect(byUnit[u2].total).toBeCloseTo(0.5 * 60 + 0.25 * 70 + 0.25 * 50, 6);
    // u1 and u3 tie for first; u2 is third.
    expect([byUnit[u1].rank, byUnit[u3].rank, byUnit[u2].rank]).toEqual([1, 1, 3]);

    campaign = (
      await c.cppcc_staff!('POST', `/api/campaigns/${campaign.id}/phase`, {
        to: 'rectification',
        version: campaign.version,
      })
    ).json();
    expect(campaign.phase).toBe('rectification');

    // The same scheme in another county: results compare side by side.
    const other = (
      await c.cppcc_staff!('POST', '/api/campaigns', {
        title: '南浔区营商环境评议',
        topic: '优化营商环境',
        year: 2026,
        regionCode: '330503',
        targetUnitIds: [u1],
        schemeId: scheme.id,
      })
    ).json();
    await t.database.db
      .update(schema.campaigns)
      .set({ phase: 'scoring' })
      .where(inArray(schema.campaigns.id, [other.id]));
    await c.evaluator!('PUT', `/api/campaigns/${other.id}/scores`, {
      source: 'evaluator',
      scores: sheet(50, 50, 50, u1),
    });
    const comparison = (await c.leader!('GET', `/api/schemes/${scheme.id}/comparison`)).json();
    expect(comparison.rows.map((r: { regionCode: string }) => r.regionCode)).toEqual(['330502', '330503']);

    // The liaison of a reviewed unit sees the campaign; events record every step.
    expect((await c.unit_liaison!('GET', `/api/campaigns/${campaign.id}`)).statusCode).toBe(200);
    const events = (await c.leader!('GET', `/api/events?subjectType=campaign&subjectId=${campaign.id}`)).json();
    expect(events.items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining([
        'campaign.created',
        'campaign.phase_advanced',
        'campaign.research_recorded',
        'campaign.scores_submitted',
      ]),
    );
  });
});
