import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
const shots: string[] = [];
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  console.log(`screenshots:\n  ${shots.join('\n  ')}`);
  await h?.close();
});

describe('portal on a phone', () => {
  test('renders the purpose, the services shown disabled, and loads no console code', async () => {
    const page = await h.page(PHONE);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${h.base}/`);
    await page.getByRole('heading', { level: 1, name: '民意直通车' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    const buttons = page.getByRole('button', { name: '反映问题' });
    await expect(buttons.isDisabled()).resolves.toBe(true);
    await page.getByText('公众参与功能即将上线').waitFor();
    await page.getByTestId('health').getByText('服务运行正常').waitFor();
    // No horizontal scrolling at 390 px.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    expect(scripts.some((u) => /antd|console|BasicLayout/.test(u))).toBe(false);
    shots.push(await h.screenshot(page, 'portal-phone'));
  });

  test('elder-friendly mode enlarges the text and persists across reloads', async () => {
    const page = await h.page(PHONE);
    await page.goto(`${h.base}/`);
    const size = (selector: string) =>
      page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), selector);
    const before = { root: await size('html'), lead: await size('.lead'), h1: await size('h1') };
    const toggle = page.getByTestId('elder-toggle');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const after = { root: await size('html'), lead: await size('.lead'), h1: await size('h1') };
    expect(after.root).toBeGreaterThanOrEqual(before.root * 1.3);
    expect(after.lead).toBeGreaterThan(before.lead);
    expect(after.h1).toBeGreaterThan(before.h1);
    shots.push(await h.screenshot(page, 'portal-phone-elder'));

    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByTestId('elder-toggle').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await size('html')).toBe(after.root);
    // Keyboard: the first Tab reaches the skip link, then the toggles.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip');
  });
});
