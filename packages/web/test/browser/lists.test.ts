import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, useHarness } from './harness.ts';

const shots: string[] = [];
const h = useHarness(shots);

/** The API's total for a list query, fetched inside the page with the signed-in user's session. */
const apiTotal = (page: Page, path: string) =>
  page.evaluate(async (p) => ((await (await fetch(p)).json()) as { total: number }).total, path);

/** The row count the list shows (共 N 条), once the table has loaded. */
async function shownTotal(page: Page): Promise<number> {
  const text = await page.locator('.ant-pagination-total-text').textContent();
  return Number(/共\s*(\d+)\s*条/.exec(text ?? '')?.[1] ?? NaN);
}

/** Rows loaded and no reload in flight; generous waits, since a busy two-core CI machine is slow to seed and render. */
async function waitForRows(page: Page) {
  await page.getByTestId('problems-table').locator('tr.ant-table-row').first().waitFor({ timeout: 45_000 });
  await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached', timeout: 45_000 });
}

const currentParams = (page: Page) => new URL(page.url()).searchParams;

/** Polls until the value matches; the page reloads its rows over the network, slower than vitest's 1 s default. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe('lists and tasks', () => {
  test('staff filter the problem list by URL and by the filter bar; counts, export and saved filters match', async () => {
    const page = await h.page({ width: 1440, height: 900 });
    await signIn(page, h.base, 'cppcc_staff');
    const nav = page.getByTestId('main-nav');
    for (const item of ['问题清单', '责任清单', '整改清单']) {
      await expect(nav.getByText(item, { exact: true }).count()).resolves.toBe(1);
    }

    // Opened filtered from a link: every row has the red light and the count is the API's.
    await page.goto(`${h.base}/console/lists/problems?warning=red`);
    await waitForRows(page);
    const lights = await page
      .getByTestId('problems-table')
      .locator('[data-warning]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-warning')));
    expect(lights.length).toBeGreaterThan(0);
    expect(new Set(lights)).toEqual(new Set(['red']));
    const redTotal = await apiTotal(page, '/api/lists/problems?warning=red&pageSize=1');
    expect(redTotal).toBeGreaterThan(0);
    await poll(() => shownTotal(page)).toBe(redTotal);
    shots.push(await h.screenshot(page, 'lists-problems-red'));

    // The same through the filter bar, starting from the whole list; the URL follows.
    await nav.getByText('问题清单', { exact: true }).click();
    await waitForRows(page);
    const all = await apiTotal(page, '/api/lists/problems?pageSize=1');
    await poll(() => shownTotal(page)).toBe(all);
    await page.locator('#lists-warning').click();
    await page.locator('.ant-select-item-option', { hasText: '红灯' }).click();
    await poll(() => currentParams(page).get('warning')).toBe('red');
    await poll(() => shownTotal(page)).toBe(redTotal);
    await page.getByText('只看逾期').click();
    await poll(() => currentParams(page).get('overdue')).toBe('true');
    const redOverdue = await apiTotal(page, '/api/lists/problems?warning=red&overdue=true&pageSize=1');
    await poll(() => shownTotal(page)).toBe(redOverdue);

    // The export carries exactly these filters and gives exactly these rows.
    const exportLink = async () => new URL((await page.getByTestId('export-csv').getAttribute('href')) ?? '', h.base);
    await poll(async () => Object.fromEntries((await exportLink()).searchParams)).toEqual({
      warning: 'red',
      overdue: 'true',
      format: 'csv',
    });
    const exportUrl = await exportLink();
    expect(exportUrl.pathname).toBe('/api/lists/problems');
    const href = exportUrl.pathname + exportUrl.search;
    const exported = await page.evaluate(async (u) => (await fetch(u)).headers.get('x-total-count'), href);
    expect(Number(exported)).toBe(redOverdue);

    // A saved filter survives a reload and re-applies the same URL filters.
    await page.getByRole('button', { name: '保存当前筛选' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('红灯逾期');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.goto(`${h.base}/console/lists/problems`);
    await page.reload();
    await waitForRows(page);
    await page.getByTestId('saved-filters').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '红灯逾期' }).click();
    await poll(() => currentParams(page).toString()).toBe('warning=red&overdue=true');
    await poll(() => shownTotal(page)).toBe(redOverdue);
    shots.push(await h.screenshot(page, 'lists-problems-saved-filter'));

    // The column choice is kept: drop 更新时间, add 来源, reload.
    const header = page.getByTestId('problems-table').locator('thead th');
    await page.getByTestId('column-chooser').click();
    const chooser = page.locator('.ant-popover .ant-checkbox-group');
    await chooser.getByText('更新时间', { exact: true }).click();
    await chooser.getByText('来源', { exact: true }).click();
    await page.reload();
    await waitForRows(page);
    await expect(header.filter({ hasText: '来源' }).count()).resolves.toBe(1);
    await expect(header.filter({ hasText: '更新时间' }).count()).resolves.toBe(0);

    // A row opens the problem page.
    const first = page.getByTestId('problems-table').locator('tr.ant-table-row').first();
    const id = await first.getAttribute('data-row-key');
    await first.locator('td').nth(3).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/console/problems/${id}`);

    // 责任清单 asked only for a state it does not hold selects nothing (it used to return every problem).
    await expect(apiTotal(page, '/api/lists/responsibility?state=draft&pageSize=1')).resolves.toBe(0);
  });

  test('staff urge selected rows in bulk and see one result per row', async () => {
    const page = await h.page({ width: 1440, height: 900 });
    await signIn(page, h.base, 'cppcc_staff');
    await page.goto(`${h.base}/console/lists/rectification?state=rectifying&sort=deadline`);
    await waitForRows(page);
    const rows = page.getByTestId('problems-table').locator('tr.ant-table-row');
    const ids: string[] = [];
    for (const i of [0, 1]) {
      await rows.nth(i).locator('.ant-table-selection-column input').check();
      ids.push((await rows.nth(i).getAttribute('data-row-key'))!);
    }
    const bulk = page.getByTestId('bulk-actions');
    await bulk.getByText('已选 2 项').waitFor();
    // Publication is offered to staff; listed supervision is a leader's step and is not.
    await expect(bulk.getByRole('button', { name: '批量公开' }).count()).resolves.toBe(1);
    await expect(bulk.getByRole('button', { name: '批量挂牌督办' }).count()).resolves.toBe(0);
    await bulk.getByRole('button', { name: '批量催办' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /执\s*行/ }).click();
    await dialog.getByText('请填写此项').waitFor();
    await dialog.getByLabel('事项说明').fill('请于本周内报送整改进展');
    await dialog.getByRole('button', { name: /执\s*行/ }).click();
    await page.getByText('批量操作结果：成功 2 项，未成功 0 项').waitFor();
    await expect(page.getByTestId('bulk-outcomes').locator('.ant-list-item').count()).resolves.toBe(2);
    shots.push(await h.screenshot(page, 'lists-bulk-urge'));
    // Each problem's record now holds the urge with the note that was written.
    const notes = await page.evaluate(
      async (list) =>
        Promise.all(
          list.map(async (id) => {
            const { items } = (await (await fetch(`/api/problems/${id}/events`)).json()) as {
              items: { type: string; payload: { input?: { note?: string } } }[];
            };
            return items.filter((e) => e.type === 'problem.urged').map((e) => e.payload.input?.note);
          }),
        ),
      ids,
    );
    for (const n of notes) expect(n).toContain('请于本周内报送整改进展');
  });

  test('a supervisor on a phone sees verification tasks as cards that open the problem', async () => {
    const page = await h.page({ width: 1280, height: 800 });
    await signIn(page, h.base, 'supervisor');
    const nav = page.getByTestId('main-nav');
    await expect(nav.getByText('核查任务', { exact: true }).count()).resolves.toBe(1);
    await expect(nav.getByText('我的任务', { exact: true }).count()).resolves.toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.base}/console/tasks/verification`);
    const cards = page.getByTestId('problem-card');
    await cards.first().waitFor();
    const verifying = await apiTotal(page, '/api/lists/problems?state=verifying&pageSize=1');
    expect(verifying).toBeGreaterThan(0);
    await expect(cards.count()).resolves.toBe(Math.min(verifying, 12));
    await expect(page.locator('table').count()).resolves.toBe(0);
    await cards.first().getByTestId('task-actions').getByText('核查通过').waitFor();
    // Nothing wider than the phone: no sideways scrolling.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    shots.push(await h.screenshot(page, 'tasks-supervisor-phone'));
    await cards.first().locator('a').first().click();
    await poll(() => new URL(page.url()).pathname).toMatch(/^\/console\/problems\/[0-9a-f-]{36}$/);
  });

  test("a unit liaison's tasks are the unit's open problems with the steps it can take", async () => {
    const page = await h.page({ width: 1280, height: 800 });
    await signIn(page, h.base, 'unit_liaison');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.base}/console/tasks/unit`);
    const cards = page.getByTestId('problem-card');
    await cards.first().waitFor();
    const todo = await apiTotal(page, '/api/lists/problems?state=assigned,rectifying&pageSize=1');
    await expect(cards.count()).resolves.toBe(Math.min(todo, 12));
    await page.getByTestId('task-actions').first().waitFor();
    const steps = await page.getByTestId('task-actions').allTextContents();
    expect(steps.join(' ')).toMatch(/提交整改方案|报告整改进展|申请销号|申请延期/);
    shots.push(await h.screenshot(page, 'tasks-liaison-phone'));
  });

  test('a role without problem.read (admin) has no list entries and gets 403', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'admin');
    const nav = page.getByTestId('main-nav');
    await nav.getByText('单位管理', { exact: true }).waitFor();
    for (const hidden of ['问题清单', '责任清单', '整改清单', '我的任务', '核查任务']) {
      await expect(nav.getByText(hidden, { exact: true }).count()).resolves.toBe(0);
    }
    await page.goto(`${h.base}/console/lists/problems?warning=red`);
    await page.getByText('您没有访问此页面的权限').waitFor();
    shots.push(await h.screenshot(page, 'lists-admin-403'));
    await expect(page.evaluate(async () => (await fetch('/api/lists/problems')).status)).resolves.toBe(403);
  });
});
