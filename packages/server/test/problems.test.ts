import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
type Client = ReturnType<typeof as>;
const c: Record<string, Client> = {};
let housing: string;
let transport: string;

const EVIDENCE = 'a'.repeat(64);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestPlatform();
  for (const role of [
    'cppcc_staff',
    'member',
    'supervisor',
    'leader',
    'unit_liaison',
    'unit_head',
    'evaluator',
    'admin',
  ]) {
    c[role] = as(t.app, await login(t.app, role));
  }
  const unit = async (name: string) =>
    (await t.database.db.select().from(schema.units).where(eq(schema.units.name, name)))[0]!.id;
  housing = await unit('湖州市住房和城乡建设局');
  transport = await unit('湖州市交通运输局');
});
afterAll(() => t.close());

/** Fires a command with the version just read; returns the response. */
async function fire(who: string, id: string, command: string, input: unknown) {
  const current = (await c.cppcc_staff!('GET', `/api/problems/${id}`)).json();
  return c[who]!('POST', `/api/problems/${id}/commands/${command}`, { version: current.version, input });
}
async function ok(who: string, id: string, command: string, input: unknown) {
  const res = await fire(who, id, command, input);
  if (res.statusCode !== 200) throw new Error(`${who} ${command}: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('the problem lifecycle through the API', () => {
  it('runs from a member’s proposal to a verified closure, a rebound and a second closure', async () => {
    const created = await c.member!('POST', '/api/problems', {
      title: '老旧小区加装电梯审批慢',
      description: '吴兴区多个老旧小区反映加装电梯审批环节多、周期长，群众意见较大。',
      source: 'research',
      regionCode: '330502',
    });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p.state).toBe('draft');
    expect(p.allowedActions).toEqual([]);
    const id = p.id as string;

    // The liaison cannot see a problem that is not yet assigned to its unit.
    expectError(await c.unit_liaison!('GET', `/api/problems/${id}`), 404);

    expect((await c.cppcc_staff!('GET', `/api/problems/${id}`)).json().allowedActions).toEqual(
      expect.arrayContaining(['confirm', 'reject']),
    );
    await ok('cppcc_staff', id, 'confirm', {});
    // A member cannot assign: 403, nothing changes.
    const denied = await fire('member', id, 'assign', {
      leadUnitId: housing,
      responsibleLeader: '姚建华',
      responsiblePerson: '朱佳怡',
      deadline: inDays(60),
    });
    expectError(denied, 403, 'forbidden');
    const assigned = await ok('cppcc_staff', id, 'assign', {
      leadUnitId: housing,
      coUnitIds: [transport],
      responsibleLeader: '姚建华',
      responsiblePerson: '朱佳怡',
      deadline: inDays(60),
    });
    expect(assigned.state).toBe('assigned');
    expect(assigned.leadUnitId).toBe(housing);
    expect(assigned.warning).toBe('green');

    // Now the liaison sees it and may submit a plan.
    const liaisonView = (await c.unit_liaison!('GET', `/api/problems/${id}`)).json();
    expect(liaisonView.allowedActions).toContain('submit_plan');
    const plan = {
      goal: '审批时限压缩至 30 个工作日',
      rootCause: '审批环节分散在多个部门',
      measures: [{ text: '建立联审联办机制', owner: '住建局审批科', due: inDays(30) }],
      deadline: inDays(55),
      evidence: [],
    };
    await ok('unit_liaison', id, 'submit_plan', plan);
    const returned = await ok('cppcc_staff', id, 'return_plan', { comments: '措施不够具体，请补充时间节点' });
    expect(returned.state).toBe('assigned');
    await ok('unit_liaison', id, 'submit_plan', {
      ...plan,
      measures: [...plan.measures, { text: '公布办事指南', owner: '办公室', due: inDays(20) }],
    });
    const approved = await ok('cppcc_staff', id, 'approve_plan', { checklist: [{ item: '符合相关政策', ok: true }] });
    expect(approved.state).toBe('rectifying');

    await ok('unit_liaison', id, 'report_progress', {
      period: '第1周',
      percent: 30,
      done: '召开联审会',
      nextSteps: '印发指南',
      evidence: [],
    });
    await ok('unit_liaison', id, 'request_extension', { requestedDeadline: inDays(80), reason: '需配合省级系统改造' });
    const extended = await ok('cppcc_staff', id, 'decide_extension', { decision: 'approve' });
    expect(extended.deadline).toBe(inDays(80));
    await ok('cppcc_staff', id, 'urge', { note: '请加快进度' });
    await ok('cppcc_staff', id, 'supervise', { note: '列入督办' });
    const listed = await ok('leader', id, 'list_supervision', { note: '挂牌督办' });
    expect(listed.escalation).toBe(3);
    await ok('leader', id, 'instruct', { text: '务必按期办结' });

    // Closure needs evidence: 422 and nothing changes.
    const before = (await c.cppcc_staff!('GET', `/api/problems/${id}`)).json();
    expectError(
      await fire('unit_liaison', id, 'request_closure', {
        summary: '已完成',
        proposedOutcome: 'resolved',
        evidence: [],
      }),
      422,
    );
    expect((await c.cppcc_staff!('GET', `/api/problems/${id}`)).json().version).toBe(before.version);

    await ok('unit_liaison', id, 'request_closure', {
      summary: '已完成',
      proposedOutcome: 'resolved',
      evidence: [EVIDENCE],
    });
    await ok('cppcc_staff', id, 'accept_closure', {});
    const failed = await ok('supervisor', id, 'verify_fail', { notes: '现场仍有两个小区未落实', evidence: [EVIDENCE] });
    expect(failed.state).toBe('rectifying');
    await ok('unit_liaison', id, 'report_progress', {
      period: '第5周',
      percent: 100,
      done: '全部落实',
      nextSteps: '巩固',
      evidence: [EVIDENCE],
    });
    await ok('unit_liaison', id, 'request_closure', {
      summary: '全部完成',
      proposedOutcome: 'resolved',
      evidence: [EVIDENCE],
    });
    await ok('cppcc_staff', id, 'accept_closure', {});
    const closed = await ok('supervisor', id, 'verify_pass', {
      outcome: 'resolved',
      notes: '现场核查属实',
      evidence: [EVIDENCE],
    });
    expect(closed.state).toBe('closed');
    expect(closed.outcome).toBe('resolved');

    await ok('evaluator', id, 'rate', { value: 'satisfied' });
    const rebound = await ok('supervisor', id, 'lookback', {
      result: 'rebounded',
      notes: '三个月后审批又变慢',
      evidence: [EVIDENCE],
      deadline: inDays(120),
    });
    expect(rebound.state).toBe('rectifying');
    expect(rebound.reopened).toBe(1);
    await ok('unit_liaison', id, 'request_closure', {
      summary: '建立长效机制',
      proposedOutcome: 'resolved',
      evidence: [EVIDENCE],
    });
    await ok('cppcc_staff', id, 'accept_closure', {});
    expect(
      (await ok('supervisor', id, 'verify_pass', { outcome: 'resolved', notes: '巩固良好', evidence: [EVIDENCE] }))
        .state,
    ).toBe('closed');

    // Every step is one event, in order, in the problem's timeline.
    const timeline = (await c.cppcc_staff!('GET', `/api/problems/${id}/events`)).json().items;
    expect(timeline.map((e: { type: string }) => e.type).slice(0, 4)).toEqual([
      'problem.created',
      'problem.confirmed',
      'problem.assigned',
      'problem.plan_submitted',
    ]);
    expect(timeline.filter((e: { type: string }) => e.type === 'problem.verified')).toHaveLength(2);
    expect(timeline.find((e: { type: string }) => e.type === 'problem.closure_requested').evidence).toEqual([EVIDENCE]);

    // Lists: the unit's responsibility list has it; the co-unit's liaison would too (scope by co-unit).
    const resp = (await c.unit_liaison!('GET', '/api/lists/responsibility')).json();
    expect(resp.items.map((i: { id: string }) => i.id)).toContain(id);
    const csv = await c.leader!('GET', '/api/lists/rectification?format=csv');
    expect(csv.body).toContain('老旧小区加装电梯审批慢');
    expect(csv.body).toContain('已销号');
  });

  it('refuses illegal transitions with 409 and stale versions with 409, writing nothing', async () => {
    const p = (
      await c.cppcc_staff!('POST', '/api/problems', {
        title: '公交站台无遮雨棚',
        description: '南浔区多个公交站台没有遮雨棚，雨天候车困难。',
        source: 'data',
        regionCode: '330503',
      })
    ).json();
    const illegal = await fire('cppcc_staff', p.id, 'approve_plan', { checklist: [{ item: '合规', ok: true }] });
    expect(expectError(illegal, 409, 'illegal_transition').message).toContain('待确认');
    const stale = await c.cppcc_staff!('POST', `/api/problems/${p.id}/commands/confirm`, {
      version: p.version + 5,
      input: {},
    });
    expectError(stale, 409, 'conflict');
    const unknown = await c.cppcc_staff!('POST', `/api/problems/${p.id}/commands/teleport`, {
      version: p.version,
      input: {},
    });
    expectError(unknown, 400);
    const badInput = await fire('cppcc_staff', p.id, 'reject', { reason: '' });
    expectError(badInput, 400, 'validation_failed');
    const events = await c.cppcc_staff!('GET', `/api/problems/${p.id}/events`);
    expect(events.json().items).toHaveLength(1);
  });

  it('lets exactly one of several concurrent conflicting commands win', async () => {
    const p = (
      await c.cppcc_staff!('POST', '/api/problems', {
        title: '农贸市场周边占道经营',
        description: '德清县某农贸市场周边占道经营，影响通行。',
        source: 'data',
        regionCode: '330521',
      })
    ).json();
    const results = await Promise.all([
      c.cppcc_staff!('POST', `/api/problems/${p.id}/commands/confirm`, { version: p.version, input: {} }),
      c.cppcc_staff!('POST', `/api/problems/${p.id}/commands/reject`, {
        version: p.version,
        input: { reason: '不属于评议范围' },
      }),
      c.cppcc_staff!('POST', `/api/problems/${p.id}/commands/confirm`, { version: p.version, input: {} }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const events = (await c.cppcc_staff!('GET', `/api/problems/${p.id}/events`)).json().items;
    expect(events).toHaveLength(2);
    const final = (await c.cppcc_staff!('GET', `/api/problems/${p.id}`)).json();
    expect(final.version).toBe(p.version + 1);
  });

  it('keeps problems in scope: a member cannot propose outside its region, lists respect unit grants', async () => {
    expectError(
      await c.member!('POST', '/api/problems', {
        title: '外地问题测试',
        description: '北京市的问题不应由湖州委员提出。',
        source: 'research',
        regionCode: '110101',
      }),
      403,
    );
    expectError(
      await c.admin!('POST', '/api/problems', {
        title: '管理员提问题',
        description: '系统管理员不能提出问题。',
        source: 'research',
        regionCode: '330502',
      }),
      403,
    );
    const liaisonList = (await c.unit_liaison!('GET', '/api/lists/problems?pageSize=200')).json();
    for (const item of liaisonList.items) {
      expect(item.leadUnitId === housing || item.coUnitIds.includes(housing)).toBe(true);
    }
  });
});

describe('list filters', () => {
  it('a full region code selects its whole subtree, the same as its code prefix', async () => {
    const total = async (q: string) => (await c.cppcc_staff!('GET', `/api/lists/problems?${q}`)).json().total as number;
    const city = await total('region=330500');
    expect(city).toBeGreaterThan(0);
    expect(city).toBe(await total('region=3305'));
    expect(await total('region=330502')).toBeLessThanOrEqual(city);
    expect(await total('region=110000')).toBe(0);
  });
});
