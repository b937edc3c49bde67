import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { describeChange, diffPlans } from '@rectify/domain/problem/plan-diff';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
const c: Record<string, ReturnType<typeof as>> = {};
let housing: string;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestPlatform();
  for (const role of ['cppcc_staff', 'member', 'unit_liaison', 'unit_head', 'leader', 'supervisor'])
    c[role] = as(t.app, await login(t.app, role));
  housing = (await t.database.db.select().from(schema.units).where(eq(schema.units.name, '湖州市住房和城乡建设局')))[0]!
    .id;
});
afterAll(() => t.close());

async function step(who: string, id: string, command: string, input: unknown) {
  const { version } = (await c.cppcc_staff!('GET', `/api/problems/${id}`)).json();
  const res = await c[who]!('POST', `/api/problems/${id}/commands/${command}`, { version, input });
  if (res.statusCode !== 200) throw new Error(`${command}: ${res.body}`);
}

describe('plan versions', () => {
  it('diffs two plans field by field and measure by measure', () => {
    const a = {
      goal: '甲',
      rootCause: '乙',
      deadline: '2026-12-31',
      measures: [
        { text: '措施一', owner: '张', due: '2026-12-01' },
        { text: '措施二', owner: '李', due: '2026-12-10' },
      ],
    };
    const b = {
      ...a,
      goal: '甲（修订）',
      measures: [
        { text: '措施一', owner: '王', due: '2026-12-01' },
        { text: '措施三', owner: '赵', due: '2026-12-20' },
        { text: '措施四', owner: '钱', due: '2026-12-25' },
      ],
    };
    const lines = diffPlans(a, b).map(describeChange);
    expect(lines).toEqual([
      '整改目标：“甲” → “甲（修订）”',
      '修改措施：措施一（张，2026-12-01） → 措施一（王，2026-12-01）',
      '修改措施：措施二（李，2026-12-10） → 措施三（赵，2026-12-20）',
      '新增措施：措施四（钱，2026-12-25）',
    ]);
    expect(diffPlans(a, a)).toEqual([]);
  });
});

describe('suggestions, mechanisms and plan history through the API', () => {
  it('records a member’s suggestion, the unit’s answer, a mechanism, and the plan versions with their diff', async () => {
    const p = (
      await c.member!('POST', '/api/problems', {
        title: '社区养老服务站覆盖不足',
        description: '吴兴区部分社区缺少养老服务站，老人就近助餐难。',
        source: 'research',
        regionCode: '330502',
      })
    ).json();
    await step('cppcc_staff', p.id, 'confirm', {});
    await step('cppcc_staff', p.id, 'assign', {
      leadUnitId: housing,
      responsibleLeader: '局长',
      responsiblePerson: '科长',
      deadline: inDays(40),
    });
    const plan = {
      goal: '新建 5 个服务站',
      rootCause: '规划缺位',
      measures: [{ text: '选址', owner: '规划科', due: inDays(10) }],
      deadline: inDays(35),
    };
    await step('unit_liaison', p.id, 'submit_plan', plan);
    await step('cppcc_staff', p.id, 'return_plan', { comments: '请补充资金来源' });
    await step('unit_liaison', p.id, 'submit_plan', {
      ...plan,
      funds: 500000,
      measures: [...plan.measures, { text: '建设', owner: '建设科', due: inDays(30) }],
    });
    await step('cppcc_staff', p.id, 'approve_plan', { checklist: [{ item: '合规', ok: true }] });

    const plans = (await c.leader!('GET', `/api/problems/${p.id}/plans`)).json().items;
    expect(plans.map((x: { review: { outcome: string } }) => x.review.outcome)).toEqual(['returned', 'approved']);
    expect(plans[0].review.comments).toBe('请补充资金来源');
    expect(plans[1].changes).toEqual(['资金：“（无）” → “500000”', `新增措施：建设（建设科，${inDays(30)}）`]);

    // Suggestions: only members propose; only the lead unit answers, once, with a reason when not adopting.
    expectError(
      await c.cppcc_staff!('POST', `/api/problems/${p.id}/suggestions`, { text: '建议引入社会力量运营' }),
      403,
    );
    const s = (
      await c.member!('POST', `/api/problems/${p.id}/suggestions`, { text: '建议引入社会力量运营服务站' })
    ).json();
    expectError(
      await c.leader!('POST', `/api/suggestions/${s.id}/answer`, { version: s.version, answer: 'adopted' }),
      403,
    );
    expectError(
      await c.unit_head!('POST', `/api/suggestions/${s.id}/answer`, { version: s.version, answer: 'not_adopted' }),
      400,
    );
    const answered = (
      await c.unit_head!('POST', `/api/suggestions/${s.id}/answer`, {
        version: s.version,
        answer: 'partly_adopted',
        reason: '先在两个街道试点',
      })
    ).json();
    expect(answered).toMatchObject({ answer: 'partly_adopted', answerReason: '先在两个街道试点' });
    expectError(
      await c.unit_liaison!('POST', `/api/suggestions/${s.id}/answer`, {
        version: answered.version,
        answer: 'adopted',
      }),
      409,
    );

    const m = await c.unit_liaison!('POST', '/api/mechanisms', {
      kind: 'procedure',
      title: '社区养老服务站建设运营管理办法',
      summary: '明确选址、建设标准和运营补贴办法',
      regionCode: '330500',
      unitId: housing,
      problemIds: [p.id],
    });
    expect(m.statusCode).toBe(201);
    expect((await c.leader!('GET', `/api/problems/${p.id}/mechanisms`)).json().items[0].title).toBe(
      '社区养老服务站建设运营管理办法',
    );
    expectError(
      await c.member!('POST', '/api/mechanisms', {
        kind: 'policy',
        title: '委员不能登记',
        summary: '委员不能登记长效机制的测试',
        regionCode: '330500',
      }),
      403,
    );

    // The KPIs see both: adoption 1/1, and the mechanism on a problem once it is closed.
    const k = (await c.leader!('GET', '/api/kpi?region=330502')).json().kpis;
    expect(k.adoption).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    const timeline = (await c.leader!('GET', `/api/problems/${p.id}/events`))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['suggestion.made', 'suggestion.answered', 'mechanism.linked']));
  });
});
