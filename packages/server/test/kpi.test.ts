import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
  // Several public submissions and ratings within a minute: above the default public rate limit.
  t = await startTestPlatform({ env: { RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '100' } });
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

/**
 * A problem (default: raised by staff in 吴兴区), assigned to 住建局 with a deadline `days` ahead; optionally carried
 * to closure.
 */
async function problem(
  title: string,
  days: number,
  closeAs?: 'resolved' | 'partly_resolved',
  { by = 'cppcc_staff', regionCode = '330502' } = {},
) {
  const p = (
    await c[by]!('POST', '/api/problems', {
      title,
      description: `${title}，群众反映强烈。`,
      source: 'campaign',
      regionCode,
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
  await close(p.id, closeAs);
  return p.id as string;
}

/** A rectifying problem through closure review and on-site verification to `closed`. */
async function close(id: string, outcome: 'resolved' | 'partly_resolved') {
  await step('unit_liaison', id, 'request_closure', {
    summary: '完成',
    proposedOutcome: outcome,
    evidence: [EVIDENCE],
  });
  await step('cppcc_staff', id, 'accept_closure', {});
  await step('supervisor', id, 'verify_pass', { outcome, notes: '属实', evidence: [EVIDENCE] });
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
    // 吴兴区 sets its own completion target in the demo settings (95%, DEMO_COUNTY_TARGETS) instead of the 90% default.
    expect(k.completion).toMatchObject({ numerator: 2, denominator: 3, target: 0.95, meetsTarget: false });
    expect(k.completion.value).toBeCloseTo(2 / 3, 10);
    expect(k.completion.gap).toBeCloseTo(0.95 - 2 / 3, 10);
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

describe('satisfaction and rebound from the KPI marks of rating and look-back events', () => {
  const region = '330523';
  const kpis = async (from: Date, to: Date, extra = '') =>
    (
      await c.leader!(
        'GET',
        `/api/kpi?region=${region}&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}${extra}`,
      )
    ).json().kpis;
  const pair = (k: { numerator: number; denominator: number }) => [k.numerator, k.denominator];
  /** The reference: the domain's formulas over the rating and look-back events themselves. */
  async function reference(from: Date, to: Date) {
    const { clueFacts, lookbackFacts, ratingFacts, regionFacts, Scope } = await import('@rectify/db');
    const d = await import('@rectify/domain');
    const subject = { regionPrefix: region };
    const period = { from, to };
    const [ratings, publicRatings, lookbacks, clues, facts] = await Promise.all([
      ratingFacts(t.database.db, Scope.system(), subject),
      ratingFacts(t.database.db, Scope.system(), subject, true),
      lookbackFacts(t.database.db, Scope.system(), subject),
      clueFacts(t.database.db, Scope.system(), subject, period),
      regionFacts(t.database.db, region),
    ]);
    return {
      satisfaction: pair(d.satisfactionRate(ratings, period)),
      rebound: pair(d.reboundRate(lookbacks, period)),
      participation: pair(d.participationRate(clues, publicRatings, facts.population, period)),
    };
  }
  /** A public reporter of a clue linked to the problem rates it through the portal (a rating with no user). */
  async function publicRating(problemId: string, value: string) {
    const [town] = (
      await t.database.sql.query<{ code: string }>(
        `select code from regions where level = 'town' and code like $1 order by code limit 1`,
        [`${region}%`],
      )
    ).rows;
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/public/clues',
      payload: { title: '河道保洁', body: '河道保洁整改以后效果怎么样，想评价一下。', regionCode: town!.code },
    });
    const code = submitted.json().trackingCode as string;
    const [clue] = await t.database.db
      .select()
      .from(schema.clues)
      .where(eq(schema.clues.trackingCode, code.replace(/-/g, '')));
    for (const [command, input] of [
      ['triage', { category: '城乡建设' }],
      ['accept', { problemId }],
    ] as const) {
      const { version } = (await c.cppcc_staff!('GET', `/api/clues/${clue!.id}`)).json();
      const res = await c.cppcc_staff!('POST', `/api/clues/${clue!.id}/commands/${command}`, { version, input });
      expect(res.statusCode, res.body).toBe(200);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/clues/${code}/problem-rating`,
      payload: { value },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  /** /api/kpi over the period gives the reference figures. */
  async function agreesWithReference(from: Date, to: Date) {
    const k = await kpis(from, to);
    const figures = {
      satisfaction: pair(k.satisfaction),
      rebound: pair(k.rebound),
      participation: pair(k.participation),
    };
    expect(figures, `${from.toISOString()} – ${to.toISOString()}`).toEqual(await reference(from, to));
  }
  const tick = async () => {
    await new Promise((r) => setTimeout(r, 5));
    const at = new Date();
    await new Promise((r) => setTimeout(r, 5));
    return at;
  };

  it('keeps the latest rating per problem and rater across redo and rebound, and counts every look-back', async () => {
    const start = new Date(Date.now() - 2 * 86_400_000);
    // x: raised by the member, who finds it unsolved (redo), then rates it again after the second closure.
    const x = await problem('公园健身器材损坏', 10, 'resolved', { by: 'member', regionCode: region });
    await step('member', x, 'rate', { value: 'dissatisfied' });
    expect((await c.cppcc_staff!('GET', `/api/problems/${x}`)).json().state).toBe('rectifying');
    // y: rated unsatisfied by the evaluator, then found rebounded at the look-back.
    const y = await problem('河道保洁不到位', 15, 'resolved', { regionCode: region });
    await step('evaluator', y, 'rate', { value: 'dissatisfied' });
    await step('supervisor', y, 'lookback', {
      result: 'rebounded',
      notes: '垃圾再次堆积',
      evidence: [EVIDENCE],
      deadline: inDays(20),
    });
    expect((await c.cppcc_staff!('GET', `/api/problems/${y}`)).json().state).toBe('rectifying');
    const middle = await tick();

    await close(x, 'resolved');
    await step('member', x, 'rate', { value: 'satisfied' });
    await step('evaluator', x, 'rate', { value: 'basically_satisfied' });
    await close(y, 'partly_resolved');
    await step('evaluator', y, 'rate', { value: 'satisfied' });
    await publicRating(y, 'basically_satisfied');
    await step('supervisor', y, 'lookback', { result: 'sustained', notes: '巩固', evidence: [EVIDENCE] });
    const end = new Date(Date.now() + 60_000);

    // Up to the middle: the first ratings only (both unsatisfied), one look-back that rebounded.
    const before = await kpis(start, middle);
    expect(pair(before.satisfaction)).toEqual([0, 2]);
    expect(pair(before.rebound)).toEqual([1, 1]);
    // The whole time: the member's, the evaluator's and the public's latest ratings count, each once; two look-backs.
    const all = await kpis(start, end);
    expect(pair(all.satisfaction)).toEqual([4, 4]);
    // Participation counts the public rater beside the clue's reporter, as the formula over the events does.
    expect(all.participation.numerator).toBeGreaterThanOrEqual(1);
    expect(pair(all.participation)).toEqual((await reference(start, end)).participation);
    expect(pair(all.rebound)).toEqual([1, 2]);
    // After the middle: the second round only.
    const after = await kpis(middle, end);
    expect(pair(after.satisfaction)).toEqual([4, 4]);
    expect(pair(after.rebound)).toEqual([0, 1]);
    // The unit subject matches marks to their problems (the other query path): same figures, all are 住建局's.
    const unit = await kpis(start, end, `&unit=${housing}`);
    expect(pair(unit.satisfaction)).toEqual([4, 4]);
    // Clues have no unit: for a unit, participation holds the public rater alone (no population: no denominator).
    expect(pair(unit.participation)).toEqual([1, 0]);
    expect(pair(unit.rebound)).toEqual([1, 2]);
    for (const [from, to] of [
      [start, middle],
      [start, end],
      [middle, end],
    ] as const) {
      await agreesWithReference(from, to);
    }

    // An imported rating stored late but dated before the others (as a data import would): it counts only in a
    // period that ends before the evaluator's next rating of y.
    const [evaluator] = (
      await t.database.sql.query<{ id: string }>(`select id from users where username = 'evaluator'`)
    ).rows;
    const imported = new Date(start.getTime() + 86_400_000);
    await t.database.sql.query(
      `insert into events (at, actor_user_id, actor_username, type, subject_type, subject_id, region_code, unit_id, payload)
       values ($1, $2, 'evaluator', 'problem.rated', 'problem', $3, $4, $5, '{"input":{"value":"satisfied"}}')`,
      [imported, evaluator!.id, y, region, housing],
    );
    const early = await kpis(start, new Date(imported.getTime() + 1));
    expect(pair(early.satisfaction)).toEqual([1, 1]);
    expect(pair((await kpis(start, middle)).satisfaction)).toEqual([0, 2]);
    expect(pair((await kpis(start, end)).satisfaction)).toEqual([4, 4]);
    for (const [from, to] of [
      [start, new Date(imported.getTime() + 1)],
      [start, middle],
      [imported, end],
    ] as const) {
      await agreesWithReference(from, to);
    }

    // The trend groups all months in one query: each month has the figures /api/kpi gives for it.
    const trend = (await c.leader!('GET', `/api/kpi/trend?region=${region}&months=3`)).json();
    expect(trend.months).toHaveLength(3);
    expect(trend.months[2].kpis.satisfaction.denominator).toBeGreaterThan(0);
    for (const m of trend.months) {
      const one = await kpis(new Date(m.period.from), new Date(m.period.to));
      for (const [name, k] of Object.entries(one) as [string, Record<string, unknown>][]) {
        const { value, numerator, denominator, target, gap, meetsTarget } = k;
        expect(m.kpis[name], `${m.month} ${name}`).toEqual({ value, numerator, denominator, target, gap, meetsTarget });
      }
    }
  });

  it('migration 0011 fills the same marks from the events as the trigger wrote', async () => {
    const marks = async () =>
      (
        await t.database.sql.query(
          `select event_id::text, problem_id, region_code, unit_id, kind, at, rater_user_id, value, superseded_at
             from kpi_marks order by event_id`,
        )
      ).rows;
    const written = await marks();
    expect(written.length).toBeGreaterThanOrEqual(8);
    expect(written.filter((m) => m.superseded_at !== null).length).toBeGreaterThanOrEqual(2);
    const migration = readFileSync(
      fileURLToPath(new URL('../../db/drizzle/0011_kpi_marks.sql', import.meta.url)),
      'utf8',
    );
    const fill = migration
      .split('--> statement-breakpoint')
      .find((s) => s.includes('INSERT INTO kpi_marks') && !s.includes('$$'));
    await t.database.sql.query('delete from kpi_marks');
    await t.database.sql.query(fill!);
    expect(await marks()).toEqual(written);
  });
});
