import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, expectError, login, startTestPlatform, DEMO_SEED_TIMEOUT_MS, type TestPlatform } from './helpers.ts';
import { monthPeriods } from '../src/features/kpi/months.ts';

let t: TestPlatform;
let leader: ReturnType<typeof as>;
let liaison: ReturnType<typeof as>;

beforeAll(async () => {
  t = await startTestPlatform({ demoProblems: true });
  leader = as(t.app, await login(t.app, 'leader'));
  liaison = as(t.app, await login(t.app, 'unit_liaison'));
}, DEMO_SEED_TIMEOUT_MS);
afterAll(() => t.close());

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('calendar months for KPI trends', () => {
  it('start at local midnight in Asia/Shanghai and end the current month at `to`', () => {
    const to = new Date('2026-03-10T02:00:00Z');
    const months = monthPeriods(to, 3);
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(months[0]!.from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(months[1]!.from.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(months[1]!.to.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(months[2]!.to).toEqual(to);
  });

  it('crosses a year boundary', () => {
    const months = monthPeriods(new Date('2026-01-31T17:00:00Z'), 2);
    // 2026-02-01 01:00 in Shanghai: February is the current month.
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
  });
});

describe('GET /api/kpi/trend', () => {
  it('gives one row per month whose figures equal /api/kpi over that month', async () => {
    const res = await leader('GET', `/api/kpi/trend?${q({ region: '330500', months: '4' })}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toBe('330500');
    expect(body.months).toHaveLength(4);
    const months: string[] = body.months.map((m: { month: string }) => m.month);
    expect([...months].sort()).toEqual(months);
    let nonEmpty = 0;
    for (const m of body.months) {
      const one = (
        await leader('GET', `/api/kpi?${q({ region: '330500', from: m.period.from, to: m.period.to })}`)
      ).json();
      for (const name of ['completion', 'satisfaction', 'responseTime', 'coverage'] as const) {
        expect(m.kpis[name], `${m.month} ${name}`).toEqual({
          value: one.kpis[name].value,
          numerator: one.kpis[name].numerator,
          denominator: one.kpis[name].denominator,
          target: one.kpis[name].target,
          gap: one.kpis[name].gap,
          meetsTarget: one.kpis[name].meetsTarget,
        });
      }
      if (m.kpis.completion.denominator > 0 || m.kpis.responseTime.denominator > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it('refuses a region outside the caller’s scope and bad input', async () => {
    await expectError(await leader('GET', '/api/kpi/trend?region=110000'), 403);
    await expectError(await leader('GET', '/api/kpi/trend?months=0'), 400);
    await expectError(await leader('GET', '/api/kpi/trend?months=25'), 400);
  });
});

describe('GET /api/kpi/regions', () => {
  it('ranks the child regions by completion, each with the same figures as /api/kpi for it', async () => {
    const res = await leader('GET', '/api/kpi/regions?region=330500');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rankedBy).toBe('completion');
    const children = (await leader('GET', '/api/regions?parent=330500')).json();
    const childCodes = children.items.map((r: { code: string }) => r.code);
    expect(body.items.map((i: { regionCode: string }) => i.regionCode).sort()).toEqual([...childCodes].sort());
    const values = body.items.map((i: { kpis: { completion: { value: number | null } } }) => i.kpis.completion.value);
    const ranked = values.filter((v: number | null) => v !== null);
    expect(ranked).toEqual([...ranked].sort((a: number, b: number) => b - a));
    expect(
      body.items.filter((i: { rank: number | null }) => i.rank !== null).map((i: { rank: number }) => i.rank),
    ).toEqual(ranked.map((_: number, i: number) => i + 1));
    expect(ranked.length).toBeGreaterThan(0);
    const first = body.items[0];
    const one = (
      await leader('GET', `/api/kpi?${q({ region: first.regionCode, from: body.period.from, to: body.period.to })}`)
    ).json();
    expect(first.kpis.completion.numerator).toBe(one.kpis.completion.numerator);
    expect(first.kpis.completion.denominator).toBe(one.kpis.completion.denominator);
    expect(first.kpis.satisfaction.value).toBe(one.kpis.satisfaction.value);
  });

  it('only within scope: a unit liaison may not rank a city, but sees its own figures by default', async () => {
    await expectError(await liaison('GET', '/api/kpi/regions?region=330500'), 403);
    expect((await liaison('GET', '/api/kpi/regions')).statusCode).toBe(200);
    expect((await liaison('GET', '/api/kpi/trend?months=2')).statusCode).toBe(200);
    await expectError(await leader('GET', '/api/kpi/regions?region=110000'), 403);
  });
});
