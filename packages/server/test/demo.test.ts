import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_STATES } from '@rectify/domain';
import { as, expectError, login, startTestPlatform, DEMO_SEED_TIMEOUT_MS, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform({ demoProblems: true });
}, DEMO_SEED_TIMEOUT_MS);
afterAll(() => t.close());

describe('demo data', () => {
  it('has problems in every state and every warning light, each with its history', async () => {
    const { rows } = await t.database.sql.query<{ state: string; warning: string | null; n: number }>(
      'select state, warning, count(*)::int n from problems group by 1, 2',
    );
    const states = new Set(rows.map((r) => r.state));
    for (const s of PROBLEM_STATES.filter((s) => s !== 'disputed')) expect(states, s).toContain(s);
    const lights = new Set(rows.map((r) => r.warning));
    for (const l of ['green', 'yellow', 'red']) expect(lights).toContain(l);
    expect(rows.reduce((n, r) => n + r.n, 0)).toBeGreaterThanOrEqual(190);

    const orphan = await t.database.sql.query<{ n: number }>(
      `select count(*)::int n from problems p where not exists
         (select 1 from events e where e.subject_type = 'problem' and e.subject_id = p.id::text)`,
    );
    expect(orphan.rows[0]!.n).toBe(0);
    const reopened = await t.database.sql.query<{ n: number }>(
      'select count(*)::int n from problems where reopened > 0',
    );
    expect(reopened.rows[0]!.n).toBeGreaterThan(0);
  });

  it('shows each role its own slice through the lists', async () => {
    const staff = as(t.app, await login(t.app, 'cppcc_staff'));
    const all = (await staff('GET', '/api/lists/problems?pageSize=1')).json().total;
    expect(all).toBeGreaterThanOrEqual(190);
    const red = (await staff('GET', '/api/lists/responsibility?warning=red&pageSize=1')).json().total;
    expect(red).toBeGreaterThan(0);

    const liaison = as(t.app, await login(t.app, 'unit_liaison'));
    const mine = (await liaison('GET', '/api/lists/problems?pageSize=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all);
    const me = (await liaison('GET', '/api/auth/me')).json().user;
    for (const p of mine.items) expect(p.leadUnitId === me.unitId || p.coUnitIds.includes(me.unitId)).toBe(true);

    // The demo's departments each have a liaison who can sign in with the demo password.
    await login(t.app, 'liaison01');
  });
});

describe('KPI aggregation in SQL', () => {
  it('agrees with the reference formulas of packages/domain on the demo data, for many periods and regions', async () => {
    const { kpiCounts, lookbackFacts, problemFacts, ratingFacts, Scope } = await import('@rectify/db');
    const d = await import('@rectify/domain');
    const scope = Scope.system();
    const DAY = 86_400_000;
    const [lead] = (
      await t.database.sql.query<{ id: string }>(
        'select lead_unit_id id from problems where lead_unit_id is not null group by 1 order by count(*) desc limit 1',
      )
    ).rows;
    const subjects = [
      ...['3305', '330502', '330521', '330522'].map((regionPrefix) => ({ regionPrefix })),
      // A unit subject takes the other path (events matched to their problems).
      { regionPrefix: '3305', unitId: lead!.id },
    ];
    for (const subject of subjects) {
      const regionPrefix = `${subject.regionPrefix}${'unitId' in subject ? ' unit' : ''}`;
      const [problems, lookbacks, ratings] = await Promise.all([
        problemFacts(t.database.db, scope, subject),
        lookbackFacts(t.database.db, scope, subject),
        ratingFacts(t.database.db, scope, subject),
      ]);
      for (const [back, span] of [
        [400, 400],
        [200, 100],
        [120, 60],
        [60, 90],
        [30, 30],
      ] as const) {
        const from = new Date(Date.now() - back * DAY);
        const to = new Date(from.getTime() + span * DAY);
        const period = { from, to };
        const counts = await kpiCounts(
          t.database.db,
          scope,
          subject,
          { from, to, fromDay: d.localDate(from), toDay: d.localDate(to) },
          'Asia/Shanghai',
        );
        const reference = {
          completion: d.completionRate(problems, period),
          threeMonth: d.threeMonthRate(problems, period),
          onTime: d.onTimeRate(problems, period),
          resolution: d.resolutionRate(problems, period),
          mechanism: d.mechanismRate(problems, period),
          rebound: d.reboundRate(lookbacks, period),
          satisfaction: d.satisfactionRate(ratings, period),
        };
        for (const [name, ref] of Object.entries(reference)) {
          expect(counts[name as keyof typeof counts], `${name} ${regionPrefix} ${back}/${span}`).toEqual([
            ref.numerator,
            ref.denominator,
          ]);
        }
      }
    }
  });
});

describe('typical cases and policy items', () => {
  it('turns a closed problem into a typical case and follows a policy item, each step an event', async () => {
    const staff = as(t.app, await login(t.app, 'cppcc_staff'));
    const member = as(t.app, await login(t.app, 'member'));
    const closed = (await staff('GET', '/api/lists/problems?state=closed&pageSize=1')).json().items[0];
    const draft = (await staff('GET', '/api/lists/problems?state=draft&pageSize=1')).json().items[0];
    const body = (problemId: string) => ({
      problemId,
      title: '联审联办压缩审批时限',
      summary: '通过建立联审联办机制，将审批时限由 80 个工作日压缩到 30 个工作日，群众满意度明显提升。',
      lessons: '部门协同、流程再造、限时办结',
    });
    expect((await staff('POST', '/api/cases', body(draft.id))).statusCode).toBe(409);
    expect((await member('POST', '/api/cases', body(closed.id))).statusCode).toBe(403);
    expect((await staff('POST', '/api/cases', body(closed.id))).statusCode).toBe(201);
    expect((await member('GET', '/api/cases')).json().items.map((c: { problemId: string }) => c.problemId)).toContain(
      closed.id,
    );

    const item = (
      await member('POST', '/api/policy-items', {
        problemId: closed.id,
        title: '修订老旧小区加装电梯指导意见',
        proposal: '建议降低加装电梯的业主同意比例要求',
      })
    ).json();
    expect((await member('POST', `/api/policy-items/${item.id}/status`, { status: 'accepted' })).statusCode).toBe(403);
    expect((await staff('POST', `/api/policy-items/${item.id}/status`, { status: 'accepted' })).json().status).toBe(
      'accepted',
    );
    expectError(
      await staff('POST', '/api/policy-items/00000000-0000-4000-8000-000000000000/status', { status: 'accepted' }),
      404,
    );
    const events = (await staff('GET', `/api/events?subjectType=policy_item&subjectId=${item.id}`)).json().items;
    expect(events.map((e: { type: string }) => e.type).sort()).toEqual([
      'policy_item.proposed',
      'policy_item.status_changed',
    ]);
  });
});
