import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, signIn, useHarness } from './harness.ts';

const shots: string[] = [];
const h = useHarness(shots);

/** 南浔区: a county of the demo city that sets nothing itself, so every value starts inherited. */
const COUNTY = '330503';

interface SettingsView {
  version: number;
  own: Record<string, unknown>;
  effective: { kpiTargets: Record<string, number | null> };
}

async function openSettings(page: Page, region: string): Promise<void> {
  await page.goto(`${h.base}/console/admin/settings?region=${region}`);
  await page.getByTestId('settings-form').waitFor();
}

const completionRow = (page: Page) => page.getByTestId('settings-kpi').locator('tr', { hasText: '整改完成率' }).first();

describe('region settings (地区配置) and regions (地区管理)', { timeout: 240_000 }, () => {
  test('an admin sets a county KPI target; after a reload the page shows it as set here, and the API agrees', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'admin');
    const nav = page.getByTestId('main-nav');
    for (const item of ['地区管理', '地区配置']) {
      await expect(nav.getByText(item, { exact: true }).count()).resolves.toBe(1);
    }
    await openSettings(page, COUNTY);
    await expect(completionRow(page).textContent()).resolves.not.toContain('本级设置');
    const target = page.getByLabel('整改完成率目标（%）');
    await expect(target.inputValue()).resolves.toBe('90');

    await target.fill('93');
    await target.blur();
    await expect(completionRow(page).textContent()).resolves.toContain('本级设置');
    await page.getByTestId('settings-save').click();
    await page.getByText('配置已保存').waitFor();
    shots.push(await h.screenshot(page, 'admin-settings-saved'));

    await page.reload();
    await page.getByTestId('settings-form').waitFor();
    await expect(page.getByLabel('整改完成率目标（%）').inputValue()).resolves.toBe('93');
    await expect(completionRow(page).textContent()).resolves.toContain('本级设置');
    await expect(page.getByTestId('settings-version').textContent()).resolves.toContain('版本 1');

    const admin = await apiSession(h.base, 'admin');
    const view = (await (await admin('GET', `/api/settings/regions/${COUNTY}`)).json()) as SettingsView;
    expect(view.version).toBe(1);
    expect(view.own).toEqual({ kpiTargets: { completion: 0.93 } });
    expect(view.effective.kpiTargets.completion).toBe(0.93);
  });

  test('weights that do not sum to 100 cannot be saved; a stale version shows 已被他人修改 and reloads', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'cppcc_staff');
    await openSettings(page, COUNTY);
    const weight = page.getByLabel('整改完成率权重');
    await weight.fill('40');
    await weight.blur();
    await page.getByTestId('weights-sum').getByText('权重合计 110 / 100').waitFor();
    await expect(page.getByTestId('settings-save').isDisabled()).resolves.toBe(true);
    await weight.fill('30');
    await weight.blur();
    await expect(page.getByTestId('settings-save').isDisabled()).resolves.toBe(false);

    // Someone else saves first; this page still holds the version it read.
    const other = await apiSession(h.base, 'admin');
    const current = (await (await other('GET', `/api/settings/regions/${COUNTY}`)).json()) as SettingsView;
    const put = await other('PUT', `/api/settings/regions/${COUNTY}`, {
      version: current.version,
      settings: { ...current.own, maxExtensions: 1 },
    });
    expect(put.status).toBe(200);

    // By role: the label alone also names the field's 恢复继承 button once the value is set here.
    const extensions = page.getByRole('spinbutton', { name: '最多延期次数' });
    await extensions.fill('3');
    await extensions.blur();
    await page.getByTestId('settings-save').click();
    const stale = page.getByTestId('settings-stale');
    await stale.waitFor();
    await expect(stale.textContent()).resolves.toContain('已被他人修改，请刷新后重试');
    shots.push(await h.screenshot(page, 'admin-settings-stale'));
    await stale.getByRole('button', { name: '重新载入' }).click();
    await stale.waitFor({ state: 'detached' });
    await expect(extensions.inputValue()).resolves.toBe('1');
  });

  test('a leader reads the settings without save; a member sees neither admin page', async () => {
    const leader = await h.page();
    await signIn(leader, h.base, 'leader');
    const nav = leader.getByTestId('main-nav');
    await expect(nav.getByText('地区配置', { exact: true }).count()).resolves.toBe(1);
    await expect(nav.getByText('地区管理', { exact: true }).count()).resolves.toBe(0);
    await openSettings(leader, COUNTY);
    await leader.getByText('您可查看配置，修改请联系评议办工作人员').waitFor();
    await expect(leader.getByTestId('settings-save').count()).resolves.toBe(0);

    const member = await h.page();
    await signIn(member, h.base, 'member');
    const memberNav = member.getByTestId('main-nav');
    await expect(memberNav.getByText('地区配置', { exact: true }).count()).resolves.toBe(0);
    await member.goto(`${h.base}/console/admin/settings?region=${COUNTY}`);
    await member.getByText('您没有访问此页面的权限').waitFor();
  });

  test('an admin adds a town under a county: a code not extending the county is refused in the form', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'admin');
    await page.goto(`${h.base}/console/admin/regions`);
    const tree = page.getByTestId('region-tree');
    // The tree opens at the top; open 浙江省 → 湖州市 and pick 南浔区.
    await tree.getByText('浙江省', { exact: true }).waitFor();
    await tree.locator('.ant-tree-treenode', { hasText: '浙江省' }).locator('.ant-tree-switcher').first().click();
    await tree.locator('.ant-tree-treenode', { hasText: '湖州市' }).locator('.ant-tree-switcher').first().click();
    await tree.getByTestId(`region-${COUNTY}`).click();
    const details = page.getByTestId('region-details');
    await expect(details.textContent()).resolves.toContain('县（区）');

    await page.getByRole('button', { name: /新增下级区划/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('区划代码').fill('330502999');
    await dialog.getByLabel('名称').fill('测试街道');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText(`下级区划代码应以上级代码 ${COUNTY} 开头`).waitFor();

    await dialog.getByLabel('区划代码').fill(`${COUNTY}950`);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await tree.locator('.ant-tree-treenode', { hasText: '南浔区' }).locator('.ant-tree-switcher').first().click();
    await tree.getByTestId(`region-${COUNTY}950`).waitFor();
    shots.push(await h.screenshot(page, 'admin-regions'));

    // The server refuses the same code twice, and the dialog shows its words.
    await tree.getByTestId(`region-${COUNTY}`).click();
    await page.getByRole('button', { name: /新增下级区划/ }).click();
    await dialog.getByLabel('区划代码').fill(`${COUNTY}950`);
    await dialog.getByLabel('名称').fill('测试街道');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByRole('alert').getByText(`行政区划 ${COUNTY}950 已存在`).waitFor();
  });
});
