import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
const c: Record<string, ReturnType<typeof as>> = {};
let housing: string;
const EVIDENCE = 'b'.repeat(64);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestPlatform();
  for (const role of ['cppcc_staff', 'supervisor', 'unit_liaison', 'evaluator', 'leader', 'member']) {
    c[role] = as(t.app, await login(t.app, role));
  }
  housing = (await t.database.db.select().from(schema.units).where(eq(schema.units.name, '湖州市住房和城乡建设局')))[0]!
    .id;
});
afterAll(() => t.close());

async function step(who: string, id: string, command: string, input: unknown) {
  const { version } = (await c.cppcc_staff!('GET', `/api/problems/${id}`)).json();
  const res = await c[who]!('POST', `/api/problems/${id}/commands/${command}`, { version, input });
  if (res.statusCode !== 200) throw new Error(`${command}: ${res.body}`);
  return res.json();
}

/** A problem in 吴兴区, assigned to 住建局 with a deadline `days` ahead; optionally carried to closure. */
async function problem(title: string, days: number, closeAs?: 'resolved' | 'partly_resolved') {
  const p = (
    await c.cppcc_staff!('POST', '/api/problems', {
      title,
      description: `${title}，群众反映强烈。`,
      source: 'campaign',
      regionCode: '330502',
    })
  ).json();
  await step('cppcc_staff', p.id, 'confirm', {});
  await step('cppcc_staff', p.id, 'assign', {
    leadUnitId: housing,
    responsibleLeader: '局长',
    responsiblePerson: '科长',
    deadline: inDays(days),
  });
  if (!closeAs) return p.id as string;
  await step('unit_liaison', p.id, 'submit_plan', {
    goal: '解决',
    rootCause: '管理缺位',
    measures: [{ text: '整治', owner: '科室', due: inDays(days - 1) }],
    deadline: inDays(days),
  });
  await step('cppcc_staff', p.id, 'approve_plan', { checklist: [{ item: '合规', ok: true }] });
  await step('unit_liaison', p.id, 'request_closure', {
    summary: '完成',
    proposedOutcome: closeAs,
    evidence: [EVIDENCE],
  });
  await step('cppcc_staff', p.id, 'accept_closure', {});
  await step('supervisor', p.id, 'verify_pass', { outcome: closeAs, notes: '属实', evidence: [EVIDENCE] });
  return p.id as string;
}

describe('KPIs computed from situations built through the API', () => {
  it('gives the exact figures, targets and gaps', async () => {
    const a = await problem('背街小巷路灯不亮', 10, 'resolved');
    const b = await problem('小区垃圾分类设施不足', 20, 'partly_resolved');
    await problem('农贸市场排水不畅', 30);
    await step('evaluator', a, 'rate', { value: 'satisfied' });
    await step('evaluator', b, 'rate', { value: 'dissatisfied' });
    await step('supervisor', a, 'lookback', { result: 'sustained', notes: '巩固', evidence: [EVIDENCE] });

    const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const res = await c.leader!('GET', `/api/kpi?region=330502&to=${encodeURIComponent(to)}`);
    expect(res.statusCode).toBe(200);
    const k = res.json().kpis;
    expect(k.completion).toMatchObject({ numerator: 2, denominator: 3, target: 0.9, meetsTarget: false });
    expect(k.completion.value).toBeCloseTo(2 / 3, 10);
    expect(k.completion.gap).toBeCloseTo(0.9 - 2 / 3, 10);
    expect(k.onTime).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
    expect(k.resolution).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, meetsTarget: false });
    expect(k.satisfaction).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(k.mechanism).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(k.rebound).toMatchObject({ numerator: 0, denominator: 1, value: 0, meetsTarget: true, gap: 0 });
    expect(k.threeMonth).toMatchObject({ denominator: 0, value: null, gap: null });
    expect(k.completion.label).toBe('整改完成率');

    // Another county sees none of it.
    const other = (await c.leader!('GET', `/api/kpi?region=330503&to=${encodeURIComponent(to)}`)).json().kpis;
    expect(other.completion.denominator).toBe(0);

    // The unit ranking holds the lead unit with its assessment.
    const units = (await c.leader!('GET', `/api/kpi/units?region=330502&to=${encodeURIComponent(to)}`)).json().items;
    expect(units).toHaveLength(1);
    expect(units[0].unitId).toBe(housing);
    // completion 2/3·30 + on-time 1·20 + satisfaction 0.5·25 + mechanism 0·15 + rebound (1−0)·10, over 100.
    expect(units[0].score).toBeCloseTo((2 / 3) * 30 + 20 + 12.5 + 0 + 10, 6);
  });

  it('refuses a region outside the caller’s scope', async () => {
    expect((await c.leader!('GET', '/api/kpi?region=110101')).statusCode).toBe(403);
    expect((await c.leader!('GET', '/api/kpi?region=3305')).statusCode).toBe(400);
  });
});

describe('clue-based KPIs', () => {
  it('counts response time, coverage and participation from public clues', async () => {
    const town = '330502001';
    const submit = async (body: string, contact?: unknown) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/public/clues',
          payload: { title: '小区路灯不亮', body, regionCode: town, ...(contact ? { contact } : {}) },
        })
      ).json();
    const first = await submit('吴兴区某小区东门路灯坏了三个月，夜间出行不安全。', { phone: '13812345678' });
    await submit('吴兴区某路段井盖缺失，存在安全隐患，请尽快处理。');
    const [row] = await t.database.db
      .select()
      .from(schema.clues)
      .where(eq(schema.clues.trackingCode, first.trackingCode.replace(/-/g, '')));
    const fire = async (command: string, input: unknown) => {
      const { version } = (await c.cppcc_staff!('GET', `/api/clues/${row!.id}`)).json();
      return c.cppcc_staff!('POST', `/api/clues/${row!.id}/commands/${command}`, { version, input });
    };
    expect((await fire('triage', { category: '城乡建设' })).statusCode).toBe(200);
    expect((await fire('accept', { createProblem: true })).statusCode).toBe(200);
    expect((await fire('reply', { text: '已受理，正在处理。' })).statusCode).toBe(200);

    const k = (await c.leader!('GET', `/api/kpi?region=330502`)).json().kpis;
    expect(k.responseTime.denominator).toBe(1);
    expect(k.responseTime.value).toBeGreaterThanOrEqual(0);
    expect(k.responseTime.value).toBeLessThan(1);
    const { rows } = await t.database.sql.query<{ n: number }>(
      `select count(*)::int n from regions where level = 'town' and code like '330502%'`,
    );
    expect(k.coverage).toMatchObject({ numerator: 1, denominator: rows[0]!.n });
    // No population is recorded for the demo regions: participation has no denominator rather than a made-up one.
    expect(k.participation).toMatchObject({ denominator: 0, value: null });
  });
});
