import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { listRegions, schema } from '@rectify/db';
import { clueSuggestionsView } from '@rectify/domain/schemas/analytics';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

// The classifier's suggestion on staff clue views carries needsReview (待人工判断), and the triage queue filters by it.

let t: TestPlatform;
let staff: ReturnType<typeof as>;
let leader: ReturnType<typeof as>;
let liaison: ReturnType<typeof as>;
let evaluator: ReturnType<typeof as>;
let town: string;
let housingBureau: string;

const ok = (res: LightMyRequestResponse, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

// One marker in every title, so the queue can be narrowed to this test's clues among the demo's.
const MARK = '核验样例';
const clear: [string, string][] = [
  [`${MARK}学校违规收取补课费`, '孩子所在的初中要求学生参加学校组织的有偿补课，每学期收取补课费八百元，家长意见很大。'],
  [`${MARK}工地老板拖欠工资`, '在工地干活，老板拖欠农民工工资四个月，请劳动监察部门帮忙讨薪。'],
];
const vague: [string, string][] = [
  [`${MARK}请尽快处理`, '这个问题已经反映很多次了，希望有关部门尽快处理，给个说法。'],
  [`${MARK}咨询一下`, '请问这个事情应该找哪个部门？谢谢。'],
];

type Suggestions = { needsReview: boolean; confidence: number; reviewThreshold: number; modelVersion: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform();
  town = (await listRegions(t.database.db, { parent: '330502' }))[0]!.code;
  const [bureau] = await t.database.db
    .select()
    .from(schema.units)
    .where(eq(schema.units.name, '湖州市住房和城乡建设局'));
  housingBureau = bureau!.id;
  staff = as(t.app, await login(t.app, 'cppcc_staff'));
  leader = as(t.app, await login(t.app, 'leader'));
  liaison = as(t.app, await login(t.app, 'unit_liaison'));
  evaluator = as(t.app, await login(t.app, 'evaluator'));
  for (const [title, body] of [...clear, ...vague]) {
    const clue = ok(await staff('POST', '/api/clues', { title, body, regionCode: town, channel: 'hotline' }), 201);
    ids[title] = clue.id;
  }
});
afterAll(() => t.close());

describe('classifier suggestions on clues', () => {
  it('say whether a person must decide, by the model’s review threshold', async () => {
    for (const [title] of [...clear, ...vague]) {
      const detail = ok(await staff('GET', `/api/clues/${ids[title]}`));
      const s = clueSuggestionsView.parse(detail.suggestions) as Suggestions;
      expect(s.modelVersion).toMatch(/^clf-/);
      expect(s.reviewThreshold).toBeGreaterThan(0.5);
      expect(s.reviewThreshold).toBeLessThan(1);
      expect(s.needsReview).toBe(s.confidence < s.reviewThreshold);
      // Texts that name their matter plainly are confident; texts that name none are left to a person.
      expect(s.needsReview, title).toBe(vague.some(([v]) => v === title));
    }
  });

  // The clues were analysed when first read in the test above (GET /api/clues/:id analyses a clue not analysed yet).
  it('filter the triage queue with needsReview=true|false', async () => {
    const titles = (res: LightMyRequestResponse) =>
      (ok(res).items as { title: string; suggestions: Suggestions }[]).map((c) => {
        expect(c.suggestions).not.toBeNull();
        return c.title;
      });
    const q = encodeURIComponent(MARK);
    expect(titles(await staff('GET', `/api/clues?q=${q}&needsReview=true`)).sort()).toEqual(vague.map(([v]) => v).sort());
    expect(titles(await staff('GET', `/api/clues?q=${q}&needsReview=false`)).sort()).toEqual(clear.map(([v]) => v).sort());
    expect(ok(await staff('GET', `/api/clues?q=${q}`)).total).toBe(4);
    // Leaders read the queue too, with the same flag.
    const lead = ok(await leader('GET', `/api/clues?q=${q}&needsReview=true`));
    expect(lead.total).toBe(2);
    expect(lead.items.every((c: { suggestions: Suggestions }) => c.suggestions.needsReview)).toBe(true);
    // Across the whole queue, every listed clue needs review and the count matches the unfiltered list.
    const all = ok(await staff('GET', '/api/clues?needsReview=true&pageSize=200'));
    expect(all.items.every((c: { suggestions: Suggestions }) => c.suggestions.needsReview)).toBe(true);
    const confident = ok(await staff('GET', '/api/clues?needsReview=false&pageSize=1')).total;
    expect(all.total + confident).toBeLessThanOrEqual(ok(await staff('GET', '/api/clues?pageSize=1')).total);
    // The CSV export honours the filter.
    const csv = await staff('GET', `/api/clues?q=${q}&needsReview=true&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(vague[0]![0]);
    expect(csv.body).not.toContain(clear[0]![0]);
  });

  it('keep the filter inside the caller’s scope', async () => {
    const vagueId = ids[vague[0]![0]]!;
    const clue = ok(await staff('GET', `/api/clues/${vagueId}`));
    ok(
      await staff('POST', `/api/clues/${vagueId}/commands/triage`, {
        version: clue.version,
        input: { category: '城乡建设', handlingUnitId: housingBureau },
      }),
    );
    // A unit liaison sees only the clues its unit handles: of this test's, just the one triaged to it.
    const mine = ok(await liaison('GET', `/api/clues?q=${encodeURIComponent(MARK)}&needsReview=true`));
    expect(mine.items.map((c: { id: string }) => c.id)).toEqual([vagueId]);
    expect(mine.items[0].suggestions.needsReview).toBe(true);
    expect(ok(await liaison('GET', `/api/clues?q=${encodeURIComponent(MARK)}&needsReview=false`)).total).toBe(0);
    expectError(await evaluator('GET', '/api/clues?needsReview=true'), 403);
  });

  it('refuse a malformed filter with a message, and describe it in OpenAPI', async () => {
    const error = expectError(await staff('GET', '/api/clues?needsReview=maybe'), 400);
    expect(error.message).toBeTruthy();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const params = doc.paths['/api/clues'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toContain('needsReview');
  });
});
