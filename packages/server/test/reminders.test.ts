import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { runReminders } from '../src/features/reminders/service.ts';
import { as, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
const c: Record<string, ReturnType<typeof as>> = {};
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const EVIDENCE = 'c'.repeat(64);

beforeAll(async () => {
  t = await startTestPlatform();
  for (const role of ['cppcc_staff', 'unit_liaison', 'supervisor', 'member'])
    c[role] = as(t.app, await login(t.app, role));
});
afterAll(() => t.close());

async function step(who: string, id: string, command: string, input: unknown) {
  const { version } = (await c.cppcc_staff!('GET', `/api/problems/${id}`)).json();
  const res = await c[who]!('POST', `/api/problems/${id}/commands/${command}`, { version, input });
  if (res.statusCode !== 200) throw new Error(`${command}: ${res.body}`);
}
const kinds = async (who: string) =>
  (await c[who]!('GET', '/api/notifications'))
    .json()
    .items.map((n: { kind: string; subjectId: string }) => `${n.kind}:${n.subjectId}`);

describe('reminder job', () => {
  it('files each reminder once, to the right people, as time passes', async () => {
    const [unit] = await t.database.db
      .select()
      .from(schema.units)
      .where(eq(schema.units.name, '湖州市住房和城乡建设局'));
    const make = async (title: string, deadlineDays: number) => {
      const p = (
        await c.cppcc_staff!('POST', '/api/problems', {
          title,
          description: `${title}的详细情况说明。`,
          source: 'data',
          regionCode: '330502',
        })
      ).json();
      await step('cppcc_staff', p.id, 'confirm', {});
      await step('cppcc_staff', p.id, 'assign', {
        leadUnitId: unit!.id,
        responsibleLeader: '局长',
        responsiblePerson: '科长',
        deadline: inDays(deadlineDays),
      });
      return p.id as string;
    };
    const late = await make('路面坑洼未修复', 5);

    expect((await runReminders(t.database.db, new Date(Date.now() + 4 * DAY))).created).toBe(1);
    expect(await kinds('unit_liaison')).toEqual([`deadline_near:${late}`]);
    expect((await runReminders(t.database.db, new Date(Date.now() + 4 * DAY))).created).toBe(0);

    const later = new Date(Date.now() + 16 * DAY);
    await runReminders(t.database.db, later);
    expect(await kinds('unit_liaison')).toEqual(expect.arrayContaining([`overdue:${late}`, `plan_overdue:${late}`]));
    expect(await kinds('cppcc_staff')).toEqual([`overdue:${late}`]);
    expect(await kinds('member')).toEqual([]);

    const items = (await c.unit_liaison!('GET', '/api/notifications')).json().items;
    expect((await c.unit_liaison!('POST', `/api/notifications/${items[0].id}/done`)).statusCode).toBe(200);
    expect((await c.unit_liaison!('GET', '/api/notifications')).json().items).toHaveLength(items.length - 1);
    expect((await c.member!('POST', `/api/notifications/${items[1].id}/done`)).statusCode).toBe(404);

    // A closed problem asks supervisors for a look-back after three months, then after six.
    const done = await make('井盖破损', 30);
    await step('unit_liaison', done, 'submit_plan', {
      goal: '修复',
      rootCause: '老化',
      measures: [{ text: '更换', owner: '科室', due: inDays(20) }],
      deadline: inDays(25),
    });
    await step('cppcc_staff', done, 'approve_plan', { checklist: [{ item: '合规', ok: true }] });
    await step('unit_liaison', done, 'request_closure', {
      summary: '完成',
      proposedOutcome: 'resolved',
      evidence: [EVIDENCE],
    });
    await step('cppcc_staff', done, 'accept_closure', {});
    await step('supervisor', done, 'verify_pass', { outcome: 'resolved', notes: '属实', evidence: [EVIDENCE] });
    await runReminders(t.database.db, new Date(Date.now() + 60 * DAY));
    expect(await kinds('supervisor')).not.toContain(`lookback_due:${done}`);
    await runReminders(t.database.db, new Date(Date.now() + 95 * DAY));
    expect((await kinds('supervisor')).filter((k: string) => k === `lookback_due:${done}`)).toHaveLength(1);
    await runReminders(t.database.db, new Date(Date.now() + 190 * DAY));
    expect((await kinds('supervisor')).filter((k: string) => k === `lookback_due:${done}`)).toHaveLength(2);
  });
});
