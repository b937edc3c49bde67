import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, login, startTestPlatform, DEMO_SEED_TIMEOUT_MS, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
let seconds = 0;

beforeAll(async () => {
  const started = performance.now();
  t = await startTestPlatform({ demoProblems: true, env: { RECTIFY_PUBLIC_READS_PER_MINUTE: '1000' } });
  seconds = (performance.now() - started) / 1000;
}, DEMO_SEED_TIMEOUT_MS);
afterAll(() => t.close());

describe('demo clues', () => {
  it('fill the triage queue in every state over the last months, some linked, some rated, some published', async () => {
    const rows = await t.database.db
      .select({ state: schema.clues.state, n: sql<number>`count(*)::int` })
      .from(schema.clues)
      .groupBy(schema.clues.state);
    const by = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    for (const s of ['received', 'triaged', 'accepted', 'merged', 'forwarded', 'rejected', 'replied', 'rated'])
      expect(by[s], s).toBeGreaterThan(0);
    expect(Object.values(by).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(250);
    const [linked] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.clues)
      .where(sql`${schema.clues.problemId} is not null`);
    expect(linked!.n).toBeGreaterThan(10);
    const staff = as(t.app, await login(t.app, 'cppcc_staff'));
    expect((await staff('GET', '/api/clues?moderation=held')).json().total).toBeGreaterThan(0);
    const published = (await t.app.inject({ method: 'GET', url: '/api/public/problems' })).json();
    expect(published.total).toBeGreaterThan(5);
    const [oldest] = await t.database.db
      .select({ at: sql<string>`min(${schema.clues.receivedAt})::text` })
      .from(schema.clues);
    expect(Date.now() - new Date(oldest!.at).getTime()).toBeGreaterThan(90 * 86_400_000);
    console.log(`platform with demo (problems + clues) ready in ${seconds.toFixed(1)} s`);
  });

  it('lets the reporter of a clue linked to a closed problem rate the problem once', async () => {
    const staff = as(t.app, await login(t.app, 'cppcc_staff'));
    const [closed] = await t.database.db
      .select()
      .from(schema.problems)
      .where(sql`${schema.problems.state} = 'closed'`);
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/public/clues',
      payload: {
        title: '整改后又出现问题',
        body: '之前反映的问题整改后效果如何，想评价一下。',
        regionCode: closed!.regionCode.slice(0, 6),
      },
    });
    const code = submitted.json().trackingCode as string;
    const [clue] = await t.database.db
      .select()
      .from(schema.clues)
      .where(sql`${schema.clues.trackingCode} = ${code.replace(/-/g, '')}`);
    const fire = async (command: string, input: unknown) => {
      const current = (await staff('GET', `/api/clues/${clue!.id}`)).json();
      const res = await staff('POST', `/api/clues/${clue!.id}/commands/${command}`, {
        version: current.version,
        input,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await fire('triage', { category: '城乡建设' });
    await fire('accept', { problemId: closed!.id });
    const rate = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/clues/${code}/problem-rating`,
        payload: { value: 'basically_satisfied' },
      });
    expect((await rate()).statusCode).toBe(200);
    const again = await rate();
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('already_rated');
    const events = await t.database.db
      .select()
      .from(schema.events)
      .where(sql`${schema.events.subjectId} = ${closed!.id} and ${schema.events.type} = 'problem.rated'`);
    expect(events.some((e) => e.actorUsername === 'public')).toBe(true);
  });
});
