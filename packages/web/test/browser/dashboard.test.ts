import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatKpiValue } from '../../src/console/pages/dashboard/figures.ts';
import { signIn, useHarness } from './harness.ts';

const shots: string[] = [];
const h = useHarness(shots);

// The demo city is seeded at start: slow on a loaded machine.

interface KpiAnswer {
  kpis: Record<string, { value: number | null; numerator: number; denominator: number; unit: 'ratio' | 'hours' }>;
}

/** The dashboard's own period and region, read from the page, so the API is asked exactly what the page asked. */
async function pageScope(page: Page) {
  const dashboard = page.getByTestId('dashboard');
  return {
    region: (await dashboard.getAttribute('data-region'))!,
    from: (await dashboard.getAttribute('data-from'))!,
    to: (await dashboard.getAttribute('data-to'))!,
  };
}

/** GET from inside the page, with the page's own session. */
const fetchJson = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return res.json();
  }, path) as Promise<T>;

describe('leadership dashboard (驾驶舱)', { timeout: 300_000 }, () => {
  test('as leader: figures equal /api/kpi, counts equal the list API, red light drills down to the filtered list', async () => {
    const page = await h.page({ width: 1440, height: 900 });
    await signIn(page, h.base, 'leader');
    // Leaders land on the dashboard.
    await page.waitForURL((url) => url.pathname === '/console/dashboard');
    // The first figures wait for the platform's start-up jobs (clue analytics, hot topics) on the one connection.
    await page.getByTestId('kpi-completion').getByTestId('kpi-value').waitFor({ timeout: 120_000 });
    await page.getByTestId('count-red').waitFor({ timeout: 60_000 });

    const scope = await pageScope(page);
    const answer = await fetchJson<KpiAnswer>(page, `/api/kpi?${new URLSearchParams(scope)}`);
    for (const name of ['completion', 'threeMonth', 'resolution', 'satisfaction', 'rebound', 'responseTime']) {
      const kpi = answer.kpis[name]!;
      const card = page.getByTestId(`kpi-${name}`);
      await expect(card.getByTestId('kpi-value').textContent(), name).resolves.toContain(
        formatKpiValue(kpi.value, kpi.unit),
      );
      if (kpi.unit === 'ratio') {
        await expect(card.getByTestId('kpi-fraction').textContent(), name).resolves.toBe(
          `${kpi.numerator.toLocaleString('en-US')} / ${kpi.denominator.toLocaleString('en-US')}`,
        );
      }
    }
    // At least one KPI is behind target on the demo data, and its gap is shown in red.
    const behind = page.locator('[data-status="behind"]');
    expect(await behind.count()).toBeGreaterThan(0);
    await behind.first().getByTestId('kpi-gap').waitFor();

    // Warning lights: each count is the total of the list API under the filter its link opens.
    for (const light of ['green', 'yellow', 'red'] as const) {
      const list = await fetchJson<{ total: number }>(page, `/api/lists/problems?warning=${light}&pageSize=1`);
      await expect(page.getByTestId(`count-${light}`).locator('.ant-statistic-content').textContent()).resolves.toBe(
        list.total.toLocaleString('en-US'),
      );
    }
    const overdue = await fetchJson<{ total: number }>(page, '/api/lists/problems?overdue=true&pageSize=1');
    await expect(page.getByTestId('count-overdue').locator('.ant-statistic-content').textContent()).resolves.toBe(
      overdue.total.toLocaleString('en-US'),
    );
    await page.getByTestId('region-ranking').locator('tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('unit-ranking').locator('tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('kpi-trend').waitFor({ timeout: 60_000 });
    shots.push(await h.screenshot(page, 'dashboard'));

    await page.getByTestId('count-red').click();
    await page.waitForURL(
      (url) => url.pathname === '/console/lists/problems' && url.searchParams.get('warning') === 'red',
    );
    expect(new URL(page.url()).searchParams.get('warning')).toBe('red');
  });

  test('full-screen mode (大屏) renders dark at 1920×1080 with large figures', async () => {
    const page = await h.page({ width: 1920, height: 1080 });
    await signIn(page, h.base, 'leader');
    await page.waitForURL((url) => url.pathname === '/console/dashboard');
    await page.getByTestId('kpi-completion').getByTestId('kpi-value').waitFor({ timeout: 120_000 });
    await page.getByTestId('enter-fullscreen').click();
    const dashboard = page.locator('[data-screen="fullscreen"]');
    await dashboard.waitFor();
    await dashboard.getByTestId('kpi-completion').getByTestId('kpi-value').waitFor();
    await dashboard.getByTestId('count-red').waitFor({ timeout: 60_000 });
    // The Fullscreen API took the dashboard, and it covers the whole 1920×1080 screen.
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null))
      .toBe('dashboard');
    expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([1920, 1080]);
    const box = await dashboard.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
    const background = await dashboard.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(11, 21, 38)');
    const fontSize = await dashboard
      .getByTestId('kpi-completion')
      .getByTestId('kpi-value')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(40);
    expect(new URL(page.url()).searchParams.get('screen')).toBe('1');
    await page.waitForTimeout(500);
    shots.push(await h.screenshot(page, 'dashboard-fullscreen'));
    await page.getByTestId('exit-fullscreen').click();
    await page.locator('[data-screen="normal"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  });
});
