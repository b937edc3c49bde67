import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
type Client = ReturnType<typeof as>;
const c: Record<string, Client> = {};
const EVIDENCE = 'b'.repeat(64);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const ROLES = ['cppcc_staff', 'member', 'supervisor', 'leader', 'unit_liaison', 'unit_head', 'evaluator', 'admin'];

beforeAll(async () => {
  t = await startTestPlatform();
  for (const role of ROLES) c[role] = as(t.app, await login(t.app, role));
});
afterAll(() => t.close());

async function ok(who: string, id: string, command: string, input: unknown) {
  const { version } = (await c.cppcc_staff!('GET', `/api/problems/${id}`)).json();
  const res = await c[who]!('POST', `/api/problems/${id}/commands/${command}`, { version, input });
  if (res.statusCode !== 200) throw new Error(`${who} ${command}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Each role's to-do duties for one problem (absent = no item). */
async function dutiesFor(id: string) {
  const out: Record<string, string> = {};
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const res = await c[role]!('GET', '/api/workbench/todo');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { problemId: string }) => i.problemId === id);
    if (item) out[role] = item.duty;
  }
  return out;
}

describe('我的待办 (GET /api/workbench/todo)', () => {
  it('follows one problem through the lifecycle: each step is on exactly the desk of who must take it', async () => {
    const housing = (
      await t.database.db.select().from(schema.units).where(eq(schema.units.name, '湖州市住房和城乡建设局'))
    )[0]!.id;
    const created = await c.member!('POST', '/api/problems', {
      title: '背街小巷路灯长期不亮',
      description: '吴兴区多条背街小巷路灯损坏多月无人维修，夜间出行不便。',
      source: 'research',
      regionCode: '330502',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    expect(await dutiesFor(id)).toEqual({ cppcc_staff: 'confirm' });
    await ok('cppcc_staff', id, 'confirm', {});
    expect(await dutiesFor(id)).toEqual({ cppcc_staff: 'assign' });
    await ok('cppcc_staff', id, 'assign', {
      leadUnitId: housing,
      responsibleLeader: '姚建华',
      responsiblePerson: '朱佳怡',
      deadline: inDays(60),
    });
    const assigned = await dutiesFor(id);
    expect(assigned).toEqual({ unit_liaison: 'submit_plan', unit_head: 'submit_plan' });
    const planItem = (await c.unit_liaison!('GET', '/api/workbench/todo'))
      .json()
      .items.find((i: { problemId: string }) => i.problemId === id);
    expect(planItem).toMatchObject({ dutyLabel: '报送整改方案', dueOn: inDays(15), warning: 'green' });

    await ok('unit_liaison', id, 'submit_plan', {
      goal: '一个月内修复全部路灯',
      rootCause: '维护责任不清',
      measures: [{ text: '排查并更换损坏灯具', owner: '市政科', due: inDays(30) }],
      deadline: inDays(50),
      evidence: [],
    });
    expect(await dutiesFor(id)).toEqual({ cppcc_staff: 'approve_plan' });
    await ok('cppcc_staff', id, 'approve_plan', { checklist: [{ item: '符合相关政策', ok: true }] });
    expect(await dutiesFor(id)).toEqual({ unit_liaison: 'report_progress', unit_head: 'report_progress' });

    await ok('unit_liaison', id, 'request_extension', { requestedDeadline: inDays(80), reason: '灯具采购需走招标' });
    expect((await dutiesFor(id)).cppcc_staff).toBe('decide_extension');
    await ok('cppcc_staff', id, 'decide_extension', { decision: 'approve' });

    await ok('unit_liaison', id, 'request_closure', {
      summary: '已修复',
      proposedOutcome: 'resolved',
      evidence: [EVIDENCE],
    });
    expect(await dutiesFor(id)).toEqual({ cppcc_staff: 'accept_closure' });
    await ok('cppcc_staff', id, 'accept_closure', {});
    expect(await dutiesFor(id)).toEqual({ supervisor: 'verify_pass' });
    await ok('supervisor', id, 'verify_pass', { outcome: 'resolved', notes: '现场核查属实', evidence: [EVIDENCE] });

    // Closed: the member who raised it is asked to rate; look-backs are not due for three months.
    expect(await dutiesFor(id)).toEqual({ member: 'rate' });
    await ok('member', id, 'rate', { value: 'satisfied' });
    expect(await dutiesFor(id)).toEqual({});
  });

  it('is refused without problem access or a session', async () => {
    expectError(await c.admin!('GET', '/api/workbench/todo'), 403, 'forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/workbench/todo' });
    expect(anonymous.statusCode).toBe(401);
  });
});
