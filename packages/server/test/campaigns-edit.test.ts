import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
const c: Record<string, ReturnType<typeof as>> = {};
let targets: string[];

const SCALE = { kind: 'scale' as const };
const SCHEME = {
  name: '老旧小区改造评议指标',
  indicators: [
    { key: 'Q', name: '改造质量', weight: 70, rule: SCALE },
    { key: 'S', name: '群众满意', weight: 30, rule: SCALE },
  ],
};

beforeAll(async () => {
  t = await startTestPlatform();
  for (const role of ['cppcc_staff', 'member', 'evaluator', 'unit_liaison'])
    c[role] = as(t.app, await login(t.app, role));
  const rows = await t.database.db
    .select()
    .from(schema.units)
    .where(inArray(schema.units.name, ['湖州市住房和城乡建设局', '湖州市交通运输局']));
  targets = rows.map((u) => u.id);
});
afterAll(() => t.close());

describe('campaign edits and a rater’s own score sheet', () => {
  it('updates only the fields sent, at the version read; a stale version is refused with the current one', async () => {
    const scheme = (await c.cppcc_staff!('POST', '/api/schemes', SCHEME)).json();
    const created = (
      await c.cppcc_staff!('POST', '/api/campaigns', {
        title: '老旧小区改造专项评议',
        topic: '老旧小区改造',
        year: 2026,
        regionCode: '330502',
        targetUnitIds: targets,
        lookbackMonths: [3],
      })
    ).json();
    const edited = await c.cppcc_staff!('PATCH', `/api/campaigns/${created.id}`, {
      version: created.version,
      title: '老旧小区改造专项民主评议',
      schemeId: scheme.id,
      sourceWeights: { member: 50, public: 30, evaluator: 20 },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: '老旧小区改造专项民主评议',
      schemeId: scheme.id,
      targetUnitIds: targets,
      lookbackMonths: [3],
      sourceWeights: { member: 50, public: 30, evaluator: 20 },
      version: created.version + 1,
    });
    const stale = expectError(
      await c.cppcc_staff!('PATCH', `/api/campaigns/${created.id}`, { version: created.version, topic: '旧改' }),
      409,
      'conflict',
    );
    expect(stale.details).toEqual({ currentVersion: created.version + 1 });
    expectError(
      await c.member!('PATCH', `/api/campaigns/${created.id}`, { version: created.version + 1, topic: '旧改' }),
      403,
    );
    expectError(
      await c.cppcc_staff!('PATCH', `/api/campaigns/${created.id}`, { version: created.version + 1, year: 1999 }),
      400,
    );
  });

  it('returns what the rater submitted, by source, and refuses a source the role does not stand for', async () => {
    const scheme = (await c.cppcc_staff!('POST', '/api/schemes', SCHEME)).json();
    const member = (await c.member!('GET', '/api/auth/me')).json().user;
    let campaign = (
      await c.cppcc_staff!('POST', '/api/campaigns', {
        title: '住房保障专项评议',
        topic: '住房保障',
        year: 2026,
        regionCode: '330502',
        targetUnitIds: targets,
        memberIds: [member.id],
        schemeId: scheme.id,
      })
    ).json();
    campaign = (
      await c.cppcc_staff!('POST', `/api/campaigns/${campaign.id}/phase`, { to: 'research', version: campaign.version })
    ).json();
    await c.member!('POST', `/api/campaigns/${campaign.id}/research`, {
      kind: 'meeting',
      title: '座谈会',
      notes: '居民反映加装电梯进度慢',
      regionCode: '330502',
      happenedOn: '2026-09-01',
    });
    campaign = (
      await c.cppcc_staff!('POST', `/api/campaigns/${campaign.id}/phase`, { to: 'scoring', version: campaign.version })
    ).json();
    expect(campaign.phase).toBe('scoring');

    const empty = (await c.member!('GET', `/api/campaigns/${campaign.id}/scores?source=member`)).json();
    expect(empty).toEqual({ source: 'member', scores: [], submittedAt: null });
    await c.member!('PUT', `/api/campaigns/${campaign.id}/scores`, {
      source: 'member',
      scores: [
        { unitId: targets[0], indicatorKey: 'Q', value: 88 },
        { unitId: targets[0], indicatorKey: 'S', value: 75.5 },
      ],
    });
    await c.cppcc_staff!('PUT', `/api/campaigns/${campaign.id}/scores`, {
      source: 'public',
      scores: [{ unitId: targets[1], indicatorKey: 'Q', value: 60 }],
    });
    const mine = (await c.member!('GET', `/api/campaigns/${campaign.id}/scores?source=member`)).json();
    expect(mine.scores).toHaveLength(2);
    expect(mine.scores).toEqual(
      expect.arrayContaining([
        { unitId: targets[0], indicatorKey: 'Q', value: 88 },
        { unitId: targets[0], indicatorKey: 'S', value: 75.5 },
      ]),
    );
    expect(typeof mine.submittedAt).toBe('string');
    const survey = (await c.cppcc_staff!('GET', `/api/campaigns/${campaign.id}/scores?source=public`)).json();
    expect(survey.scores).toEqual([{ unitId: targets[1], indicatorKey: 'Q', value: 60 }]);
    // The evaluator has submitted nothing: it sees an empty sheet, not the member's.
    expect((await c.evaluator!('GET', `/api/campaigns/${campaign.id}/scores?source=evaluator`)).json().scores).toEqual(
      [],
    );
    expectError(await c.member!('GET', `/api/campaigns/${campaign.id}/scores?source=public`), 403);
    expectError(await c.unit_liaison!('GET', `/api/campaigns/${campaign.id}/scores?source=member`), 403);

    // Once scoring started the scheme cannot be swapped (the scores name its leaves).
    const other = (await c.cppcc_staff!('POST', '/api/schemes', { ...SCHEME, name: '另一套指标' })).json();
    expectError(
      await c.cppcc_staff!('PATCH', `/api/campaigns/${campaign.id}`, { version: campaign.version, schemeId: other.id }),
      409,
      'illegal_transition',
    );
  });
});
