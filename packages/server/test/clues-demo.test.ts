import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
let seconds = 0;

beforeAll(async () => {
  const started = performance.now();
  t = await startTestPlatform({ demoProblems: true, env: { RECTIFY_PUBLIC_READS_PER_MINUTE: '1000' } });
  seconds = (performance.now() - started) / 1000;
});
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
});
