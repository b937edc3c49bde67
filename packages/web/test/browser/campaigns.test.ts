import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, signIn, useHarness } from './harness.ts';

interface Campaign {
  id: string;
  title: string;
  phase: string;
  schemeId: string;
  targetUnitIds: string[];
  version: number;
}
interface Results {
  units: { unitId: string; total: number | null; rank: number | null }[];
}

const shots: string[] = [];
const h = useHarness(shots);
let staff: Awaited<ReturnType<typeof apiSession>>;
let demo: Campaign;
/** A campaign of the demo city taken to its scoring phase for these tests. */
let scored: Campaign;

const DEMO_TITLE = '2026 年度优化营商环境专项民主评议';
const LEAVES = ['A1', 'A2', 'B1', 'B2', 'C'];
/** A 1×1 PNG: evidence types are sniffed from the bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The results table, row by row in the order shown: unit id (the row key) and the total as written (cells: expand, rank, unit, total …). */
async function shownRanking(page: Page) {
  const rows = page.getByTestId('results-table').locator('tr.ant-table-row');
  const count = await rows.count();
  const out: { unitId: string | null; total: string | null }[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    out.push({ unitId: await row.getAttribute('data-row-key'), total: await row.locator('td').nth(3).textContent() });
  }
  return out;
}

/** The same figures as the page fetched them itself, written the way the table writes them. */
async function apiRanking(page: Page, id: string) {
  const results = await page.evaluate(
    async (campaignId) => (await (await fetch(`/api/campaigns/${campaignId}/results`)).json()) as Results,
    id,
  );
  return results.units.map((u) => ({ unitId: u.unitId, total: u.total === null ? '—' : u.total.toFixed(2) }));
}

beforeAll(async () => {
  staff = await apiSession(h.base, 'cppcc_staff');
  const list = await json<{ items: Campaign[] }>(await staff('GET', '/api/campaigns?pageSize=200'));
  demo = list.items.find((c) => c.title === DEMO_TITLE)!;
  const member = await apiSession(h.base, 'member');
  const me = await json<{ user: { id: string } }>(await member('GET', '/api/auth/me'));
  const housing = await json<{ items: { id: string }[] }>(
    await staff('GET', `/api/units?q=${encodeURIComponent('湖州市住房和城乡建设局')}`),
  );
  const targets = [...new Set([housing.items[0]!.id, ...demo.targetUnitIds])].slice(0, 3);
  scored = await json<Campaign>(
    await staff('POST', '/api/campaigns', {
      title: '2026 年度住房保障专项民主评议',
      topic: '住房保障',
      year: 2026,
      regionCode: '330500',
      schemeId: demo.schemeId,
      targetUnitIds: targets,
      memberIds: [me.user.id],
    }),
  );
  scored = await json<Campaign>(
    await staff('POST', `/api/campaigns/${scored.id}/phase`, { to: 'research', version: scored.version }),
  );
  await json(
    await member('POST', `/api/campaigns/${scored.id}/research`, {
      kind: 'meeting',
      title: '保障房分配座谈会',
      notes: '申请人反映轮候时间长、信息公开不及时',
      regionCode: '330502',
      happenedOn: '2026-10-12',
    }),
  );
  // Seeding the demo city on a fresh database is slow on a loaded 2-core machine.
}, 600_000);

describe('campaigns (评议)', { timeout: 240_000 }, () => {
  test('staff opens the demo campaign from the list; its results match the API', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'cppcc_staff');
    await page.getByTestId('main-nav').getByText('评议活动', { exact: true }).click();
    const row = page.getByTestId('campaigns-table').locator('tr.ant-table-row', { hasText: DEMO_TITLE });
    await row.getByText('整改').waitFor();
    await row.getByRole('link', { name: DEMO_TITLE }).click();
    await page.getByTestId('campaign-overview').getByText('优化营商环境').waitFor();
    await page.getByRole('button', { name: '推进到“回头看”阶段' }).waitFor();

    await page.getByRole('tab', { name: '评议结果' }).click();
    await page.getByTestId('results-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('comparison').locator('tr.ant-table-row').first().waitFor();
    expect(await shownRanking(page)).toEqual(await apiRanking(page, demo.id));
    expect(new URL(page.url()).searchParams.get('tab')).toBe('results');

    await page.getByRole('tab', { name: '问题清单' }).click();
    expect(await page.getByTestId('campaign-problems-link').getAttribute('href')).toBe(
      `/console/lists/problems?campaign=${demo.id}`,
    );
    // Edit at the version read: someone else saves first → 已被他人修改，请刷新; refresh loads theirs, then saving works.
    await page.getByRole('tab', { name: '概况与筹备' }).click();
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('评议主题').inputValue()).toBe('优化营商环境');
    await dialog.getByLabel('评议主题').fill('优化营商环境（我的修改）');
    const current = await json<Campaign>(await staff('GET', `/api/campaigns/${demo.id}`));
    await json(
      await staff('PATCH', `/api/campaigns/${demo.id}`, { version: current.version, topic: '优化营商环境（他人）' }),
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const stale = dialog.getByTestId('stale-alert');
    await stale.getByText('已被他人修改，请刷新').waitFor();
    await stale.getByRole('button', { name: /刷\s*新/ }).click();
    await expect.poll(() => dialog.getByLabel('评议主题').inputValue()).toBe('优化营商环境（他人）');
    await dialog.getByLabel('评议主题').fill('优化营商环境');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('campaign-overview').getByText('优化营商环境', { exact: true }).waitFor();
    const saved = await json<Campaign>(await staff('GET', `/api/campaigns/${demo.id}`));
    expect(saved.version).toBe(current.version + 2);
    expect(saved.targetUnitIds).toEqual(demo.targetUnitIds);
  });

  test('staff edits a scheme weight to an invalid sum and sees the live error, then fixes it', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'cppcc_staff');
    await page.goto(`${h.base}/console/schemes?id=${demo.schemeId}`);
    const editor = page.getByTestId('scheme-editor');
    await editor.waitFor();
    const root = page.getByTestId('level-root');
    await expect(root.getAttribute('aria-invalid')).resolves.toBe('false');
    const weightC = page.getByLabel('指标 C 权重');
    await weightC.fill('30');
    await page.getByTestId('level-root-sum').getByText('本级权重合计 105 / 100').waitFor();
    await expect(root.getAttribute('aria-invalid')).resolves.toBe('true');
    await root.getByText('本级指标权重之和应为 100，当前为 105').first().waitFor();
    await expect(page.getByTestId('scheme-save').isDisabled()).resolves.toBe(true);
    shots.push(await h.screenshot(page, 'campaign-scheme-invalid'));
    await weightC.fill('25');
    await page.getByTestId('level-root-sum').getByText('本级权重合计 100 / 100').waitFor();
    await expect(root.getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(page.getByTestId('scheme-save').isDisabled()).resolves.toBe(false);
  });

  test('staff advances a campaign to scoring; a member submits a score sheet through the form', async () => {
    const staffPage = await h.page();
    await signIn(staffPage, h.base, 'cppcc_staff');
    await staffPage.goto(`${h.base}/console/campaigns?id=${scored.id}`);
    await staffPage.getByRole('button', { name: '推进到“评议打分”阶段' }).click();
    await staffPage
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await staffPage.getByTestId('campaign-detail').locator('.ant-tag', { hasText: '评议打分' }).first().waitFor();

    const page = await h.page();
    await signIn(page, h.base, 'member');
    await page.goto(`${h.base}/console/campaigns?id=${scored.id}&tab=scoring`);
    await page.getByTestId('score-sheet-status').getByText('您尚未提交评分').waitFor();
    const inputs = page.getByTestId('scoring-table').locator('input');
    await expect.poll(() => inputs.count()).toBe(scored.targetUnitIds.length * LEAVES.length);
    const count = await inputs.count();
    for (let i = 0; i < count; i++) await inputs.nth(i).fill(String(70 + ((i * 7) % 30)));
    await page.getByTestId('scores-submit').click();
    await page.getByTestId('score-sheet-status').getByText(`已提交 ${count} 项评分`).waitFor();
    // Reloading shows the submitted sheet again, from the server.
    await page.reload();
    await page.getByTestId('score-sheet-status').getByText(`已提交 ${count} 项评分`).waitFor();
    await expect(inputs.first().inputValue()).resolves.toBe('70');
    const sheet = await page.evaluate(
      async (id) => (await (await fetch(`/api/campaigns/${id}/scores?source=member`)).json()) as { scores: unknown[] },
      scored.id,
    );
    expect(sheet.scores).toHaveLength(count);

    // The member records a meeting with a photo as evidence.
    await page.getByRole('tab', { name: '调研记录' }).click();
    await page.getByTestId('research-table').locator('tr.ant-table-row', { hasText: '保障房分配座谈会' }).waitFor();
    await page.getByRole('button', { name: '登记调研' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('主题').fill('走访保障房小区');
    await dialog.getByLabel('日期').fill('2026-10-20');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.getByLabel('调研情况').fill('小区加装电梯已完工，部分住户反映物业服务不到位');
    await dialog.locator('input[type=file]').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await dialog.getByTestId('evidence-upload').getByText('现场.png').waitFor();
    // The server stores the record and its event; on a loaded machine that can take a while.
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith(`/api/campaigns/${scored.id}/research`) && r.request().method() === 'POST',
        {
          timeout: 60_000,
        },
      ),
      dialog.getByRole('button', { name: /保\s*存/ }).click(),
    ]);
    expect(saved.status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    const visit = page.getByTestId('research-table').locator('tr.ant-table-row', { hasText: '走访保障房小区' });
    await visit.locator('.ant-tag', { hasText: '走访' }).waitFor();
    expect(await visit.getByRole('link', { name: '材料 1' }).getAttribute('href')).toMatch(
      /^\/api\/evidence\/[0-9a-f]{64}$/,
    );
  });

  test('results rank the scored units as the API does, with a chart and the cross-region comparison', async () => {
    const evaluator = await apiSession(h.base, 'evaluator');
    const sheet = (base: number) =>
      scored.targetUnitIds.flatMap((unitId, u) =>
        LEAVES.map((indicatorKey, l) => ({ unitId, indicatorKey, value: Math.min(100, base + u * 9 + l) })),
      );
    await json(
      await evaluator('PUT', `/api/campaigns/${scored.id}/scores`, { source: 'evaluator', scores: sheet(62) }),
    );
    await json(await staff('PUT', `/api/campaigns/${scored.id}/scores`, { source: 'public', scores: sheet(75) }));

    const page = await h.page({ width: 1440, height: 1000 });
    await signIn(page, h.base, 'cppcc_staff');
    await page.goto(`${h.base}/console/campaigns?id=${scored.id}&tab=results`);
    await page.getByTestId('results-chart').locator('canvas').waitFor();
    await page.getByTestId('comparison-chart').locator('canvas').waitFor();
    const shown = await shownRanking(page);
    expect(shown).toEqual(await apiRanking(page, scored.id));
    expect(shown.every((r) => r.total !== '—')).toBe(true);
    const ranks = await page.getByTestId('results-table').locator('tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(ranks[0]).toBe('1');
    await page.getByTestId('comparison').getByText('湖州市').first().waitFor();
    // A unit's row opens onto its score on every indicator of the scheme.
    await page.getByTestId('results-table').locator('.ant-table-row-expand-icon').first().click();
    await page
      .getByTestId('results-table')
      .getByText(/^A 履职成效（权重 40%）：\d+\.\d\d$/)
      .waitFor();
    shots.push(await h.screenshot(page, 'campaign-results'));
  });

  test('a unit liaison sees the campaign reviewing its unit but no scoring', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'unit_liaison');
    await page.getByTestId('main-nav').getByText('评议活动', { exact: true }).waitFor();
    await page.goto(`${h.base}/console/campaigns?id=${scored.id}&tab=scoring`);
    await page.getByTestId('campaign-overview').waitFor();
    await page.getByRole('tab', { name: '评议结果' }).waitFor();
    await expect(page.getByRole('tab', { name: '评分', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByTestId('scoring-table').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /推进到/ }).count()).resolves.toBe(0);
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/campaigns/${id}/scores?source=member`)).status,
      scored.id,
    );
    expect(status).toBe(403);
  });
});
