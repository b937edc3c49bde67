import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, signIn, useHarness } from './harness.ts';

const shots: string[] = [];
const h = useHarness(shots);

// The demo city is seeded at start: slow on a loaded machine.

/** Opens the n-th clue of the triaged queue in its drawer and returns its id. */
async function openTriagedClue(page: Page, n: number): Promise<string> {
  await page.goto(`${h.base}/console/clues?state=triaged&moderation=ok`);
  const row = page.getByTestId('clues-table').locator('tr.ant-table-row').nth(n);
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.waitForURL((url) => url.searchParams.has('clue'));
  await page.getByTestId('clue-drawer').getByTestId('clue-state').waitFor({ timeout: 60_000 });
  return new URL(page.url()).searchParams.get('clue')!;
}

describe('clue triage queue (线索分拣)', { timeout: 300_000 }, () => {
  test('as cppcc_staff: accept a clue into a new problem and see its state change', async () => {
    const page = await h.page({ width: 1440, height: 900 });
    await signIn(page, h.base, 'cppcc_staff');
    await page.getByTestId('main-nav').getByText('线索分拣', { exact: true }).click();
    await page.getByTestId('clues-table').locator('tr.ant-table-row').first().waitFor({ timeout: 60_000 });

    const id = await openTriagedClue(page, 0);
    const drawer = page.getByTestId('clue-drawer');
    await expect(drawer.getByTestId('clue-state').textContent()).resolves.toBe('已分拣');
    await drawer.getByTestId('clue-suggestions').waitFor();
    await drawer.getByTestId('clue-history').waitFor();
    shots.push(await h.screenshot(page, 'triage-drawer'));

    await drawer.getByTestId('action-accept').click();
    const dialog = page.getByRole('dialog', { name: '受理' });
    await dialog.getByText('新建问题').waitFor();
    await dialog.getByTestId('command-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => drawer.getByTestId('clue-state').textContent(), { timeout: 15_000 }).toBe('已受理');
    await drawer.getByTestId('clue-problem').waitFor();

    const api = await apiSession(h.base, 'cppcc_staff');
    const clue = (await (await api('GET', `/api/clues/${id}`)).json()) as { state: string; problemId: string | null };
    expect(clue.state).toBe('accepted');
    expect(clue.problemId).toMatch(/^[0-9a-f-]{36}$/);
    const problem = (await (await api('GET', `/api/problems/${clue.problemId}`)).json()) as { id: string };
    expect(problem.id).toBe(clue.problemId);
  });

  test('a reject needs a reason from the configured list', async () => {
    const page = await h.page({ width: 1440, height: 900 });
    await signIn(page, h.base, 'cppcc_staff');
    const id = await openTriagedClue(page, 0);
    const drawer = page.getByTestId('clue-drawer');
    await drawer.getByTestId('action-reject').click();
    const dialog = page.getByRole('dialog', { name: '不予受理' });
    await dialog.getByTestId('command-submit').click();
    await dialog.getByText('请填写此项').waitFor();
    const api = await apiSession(h.base, 'cppcc_staff');
    const before = (await (await api('GET', `/api/clues/${id}`)).json()) as { state: string };
    expect(before.state).toBe('triaged');

    const settings = (await (await api('GET', '/api/clues/settings')).json()) as { rejectReasons: string[] };
    await dialog.getByTestId('reject-reason').click();
    await page.locator('.ant-select-item-option', { hasText: settings.rejectReasons[0]! }).first().click();
    await dialog.getByTestId('command-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => drawer.getByTestId('clue-state').textContent(), { timeout: 15_000 }).toBe('不予受理');
    const after = (await (await api('GET', `/api/clues/${id}`)).json()) as { state: string };
    expect(after.state).toBe('rejected');
  });

  test('a member has no triage menu and the page answers 403', async () => {
    const page = await h.page();
    await signIn(page, h.base, 'member');
    const nav = page.getByTestId('main-nav');
    await nav.getByText('工作台', { exact: true }).waitFor();
    expect(await nav.getByText('线索分拣', { exact: true }).count()).toBe(0);
    await page.goto(`${h.base}/console/clues`);
    await page.getByText('您没有访问此页面的权限').waitFor();
  });
});
