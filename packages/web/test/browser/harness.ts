import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../../server/src/config.ts';
import { startPlatform, type RunningPlatform } from '../../../server/src/platform.ts';

export const DEMO_PASSWORD = 'Demo-Passw0rd!';
const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
export const SCREENSHOTS = join(REPO, '.artifacts/screenshots');

export interface Harness {
  platform: RunningPlatform;
  context: BrowserContext;
  base: string;
  /** A fresh page: no cookies, no stored preferences. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the real platform on a fresh PGlite folder (demo city 湖州市) and Debian chromium (STACK pitfall 7). */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(REPO, 'packages/web/dist/console/index.html'))) {
    throw new Error('packages/web/dist is missing: run `npm run build:web` before `npm run test:browser`');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'rectify-web-'));
  const profile = mkdtempSync(join(tmpdir(), 'rectify-chromium-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const platform = await startPlatform(
    loadConfig({
      PORT: '0',
      RECTIFY_DATA: dataDir,
      RECTIFY_DEMO_PASSWORD: DEMO_PASSWORD,
      RECTIFY_LOG_LEVEL: 'warn',
    }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  const base = platform.address;
  console.log(`platform at ${base}; screenshots in ${SCREENSHOTS}`);
  return {
    platform,
    context,
    base,
    async page(viewport) {
      for (const p of context.pages()) await p.close();
      await context.clearCookies();
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`${base}/api/health`);
      await page.evaluate(() => localStorage.clear());
      return page;
    },
    async screenshot(page, name) {
      const file = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close().catch(() => undefined);
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The preamble of a browser test file: starts the harness before the file's tests (seeding the demo city on a fresh
 * database takes minutes on a loaded 2-core machine), prints the screenshots taken and closes it after them. The
 * handle reaches the running harness, so tests use it like the harness itself; hooks the file adds run after it.
 */
export function useHarness(shots: readonly string[] = [], timeoutMs = 600_000): Harness {
  let running: Harness | undefined;
  beforeAll(async () => {
    running = await startHarness();
  }, timeoutMs);
  afterAll(async () => {
    console.log(`screenshots:\n  ${shots.join('\n  ')}`);
    await running?.close();
  });
  const current = (): Harness => {
    if (!running) throw new Error('the harness is not running (use it inside tests or hooks)');
    return running;
  };
  return {
    get platform() {
      return current().platform;
    },
    get context() {
      return current().context;
    },
    get base() {
      return current().base;
    },
    page: (viewport) => current().page(viewport),
    screenshot: (page, name) => current().screenshot(page, name),
    close: () => current().close(),
  };
}

/** Signs in through the console's form and waits for the workbench. */
export async function signIn(page: Page, base: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('main-nav').waitFor();
}

/** Portal place picker: 浙江省 → 湖州市 → the first county → its first town, through the cascading selects. */
export async function pickPlace(page: Page): Promise<void> {
  await page.getByTestId('region-province').selectOption({ label: '浙江省' });
  await page.getByTestId('region-city').selectOption({ label: '湖州市' });
  const county = page.getByTestId('region-county');
  await county.locator('option').nth(1).waitFor({ state: 'attached' });
  await county.selectOption({ index: 1 });
  const town = page.getByTestId('region-town');
  await town.locator('option').nth(1).waitFor({ state: 'attached' });
  await town.selectOption({ index: 1 });
}

/** A second, API-only session (another browser, another person) for the same account. */
export async function apiSession(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
}
