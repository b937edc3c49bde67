import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiSession, signIn, useHarness } from './harness.ts';

/**
 * Cascading region picker: the province first, then its children load from /api/regions?parent=…. A click that
 * lands while the dropdown is still animating in is lost, so the whole pick is retried.
 */
async function pickRegion(page: Page, picker: Locator, names: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await picker.click();
    try {
      for (const name of names) {
        await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click({ timeout: 5_000 });
      }
      await page.keyboard.press('Escape');
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (attempt === 3) throw err;
    }
  }
}

const shots: string[] = [];
const h = useHarness(shots);

describe('console', () => {
  test('admin sees the admin navigation, creates a unit, edits it, and a stale edit shows 已被他人修改', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'admin');
    const nav = page.getByTestId('main-nav');
    for (const item of ['工作台', '单位管理', '用户管理', '事件记录', '安全审计']) {
      await expect(nav.getByText(item, { exact: true }).count()).resolves.toBe(1);
    }
    await page.getByTestId('scope-card').getByText('系统管理员').waitFor();
    await page.getByTestId('recent-events').waitFor();
    shots.push(await h.screenshot(page, 'console-admin-workbench'));

    // Create
    await nav.getByText('单位管理', { exact: true }).click();
    await page.getByTestId('units-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '新建单位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位名称').fill('湖州市测试服务中心');
    await pickRegion(page, dialog.getByLabel('行政区划'), ['浙江省', '湖州市']);
    shots.push(await h.screenshot(page, 'console-unit-create'));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByLabel('关键词').fill('测试服务中心');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByTestId('units-table').locator('tr.ant-table-row', { hasText: '湖州市测试服务中心' });
    await row.waitFor();

    // Edit
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    await dialog.getByLabel('单位名称').fill('湖州市测试服务中心（改）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const edited = page.getByTestId('units-table').locator('tr.ant-table-row', { hasText: '湖州市测试服务中心（改）' });
    await edited.waitFor();
    await expect(edited.locator('td').nth(3).textContent()).resolves.toBe('2');

    // Stale copy: open the editor, someone else saves first, then save → 409 shown as 已被他人修改，请刷新
    await edited.getByRole('button', { name: /编\s*辑/ }).click();
    await dialog.getByLabel('单位名称').fill('湖州市测试服务中心（我的修改）');
    const other = await apiSession(h.base, 'admin');
    const list = (await (await other('GET', '/api/units?q=' + encodeURIComponent('测试服务中心'))).json()) as {
      items: { id: string; version: number }[];
    };
    const unit = list.items[0]!;
    const patched = await other('PATCH', `/api/units/${unit.id}`, {
      version: unit.version,
      name: '湖州市测试服务中心（他人）',
    });
    expect(patched.status).toBe(200);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const stale = page.getByTestId('stale-alert');
    await stale.waitFor();
    await expect(stale.textContent()).resolves.toContain('已被他人修改，请刷新');
    shots.push(await h.screenshot(page, 'console-unit-409'));
    // Refresh loads the other person's version; saving again works.
    await stale.getByRole('button', { name: /刷\s*新/ }).click();
    await expect.poll(() => dialog.getByLabel('单位名称').inputValue()).toBe('湖州市测试服务中心（他人）');
    await dialog.getByLabel('单位名称').fill('湖州市测试服务中心（最终）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('units-table').locator('tr.ant-table-row', { hasText: '（最终）' }).waitFor();
  });

  test('admin pages: users with grants, events and audit render real rows', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'admin');
    await page.goto(`${h.base}/console/users`);
    await page.getByTestId('users-table').locator('tr.ant-table-row', { hasText: 'unit_liaison' }).waitFor();
    await page.getByTestId('users-table').getByText('部门联络员').first().waitFor();
    shots.push(await h.screenshot(page, 'console-users'));
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('角色').waitFor();
    // Client-side validation with the server's zod schema (bad username) before anything is sent.
    await dialog.getByLabel('用户名').fill('X');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('用户名为 3–32 位小写字母').waitFor();
    shots.push(await h.screenshot(page, 'console-user-create'));
    await page.keyboard.press('Escape');

    await page.goto(`${h.base}/console/audit`);
    await page.getByTestId('audit-table').locator('tr.ant-table-row', { hasText: 'auth.login' }).first().waitFor();
    await expect(page.getByTestId('audit-csv').getAttribute('href')).resolves.toContain('format=csv');
    shots.push(await h.screenshot(page, 'console-audit'));
    await page.goto(`${h.base}/console/events`);
    // The first test's unit changes are in the event stream (unit.created / unit.updated).
    await page.getByTestId('events-table').locator('tr.ant-table-row', { hasText: 'unit.updated' }).first().waitFor();
    shots.push(await h.screenshot(page, 'console-events'));
  });

  test('unit_liaison sees no admin pages, and the server refuses them too', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'unit_liaison');
    const nav = page.getByTestId('main-nav');
    await nav.getByText('工作台', { exact: true }).waitFor();
    await expect(nav.getByText('事件记录', { exact: true }).count()).resolves.toBe(1);
    for (const hidden of ['单位管理', '用户管理', '安全审计', '系统管理']) {
      await expect(nav.getByText(hidden).count()).resolves.toBe(0);
    }
    await page.getByTestId('scope-card').getByText('部门联络员').waitFor();
    // 我的待办 lists exactly what the server derives for this user, each item linking to its problem.
    const todo = await page.evaluate(
      async () => (await (await fetch('/api/workbench/todo')).json()) as { items: { duty: string }[] },
    );
    expect(todo.items.length).toBeGreaterThan(0);
    await page.getByTestId('todo-item').first().waitFor();
    const shown = await page.getByTestId('todo').locator('.ant-tag').first().textContent();
    expect(Number(shown)).toBe(todo.items.length);
    expect(await page.getByTestId('todo-item').first().getAttribute('data-duty')).toBe(todo.items[0]!.duty);
    expect(await page.getByTestId('todo-item').first().locator('a').getAttribute('href')).toMatch(
      /^\/console\/problems\/[0-9a-f-]{36}$/,
    );
    shots.push(await h.screenshot(page, 'console-liaison-workbench'));

    await page.goto(`${h.base}/console/users`);
    await page.getByText('您没有访问此页面的权限').waitFor();
    shots.push(await h.screenshot(page, 'console-liaison-403'));
    const statuses = await page.evaluate(async () => ({
      users: (await fetch('/api/users')).status,
      audit: (await fetch('/api/audit')).status,
    }));
    expect(statuses).toEqual({ users: 403, audit: 403 });
  });

  test('a wrong password shows the server message', async () => {
    const page = await h.page();
    await page.goto(`${h.base}/console/`);
    await page.getByLabel('用户名').fill('member');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('用户名或密码错误');
    shots.push(await h.screenshot(page, 'console-login-failed'));
  });

  test('switching to English changes the navigation and persists', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'leader');
    const nav = page.getByTestId('main-nav');
    await nav.getByText('工作台', { exact: true }).waitFor();
    await page.getByTestId('language').click();
    await page.locator('.ant-select-item-option', { hasText: 'English' }).click();
    await nav.getByText('Workbench', { exact: true }).waitFor();
    await nav.getByText('Users', { exact: true }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-US');
    shots.push(await h.screenshot(page, 'console-english'));
    await page.reload();
    await page.getByTestId('main-nav').getByText('Workbench', { exact: true }).waitFor();
  });
});
