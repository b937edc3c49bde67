import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, pickPlace, useHarness } from './harness.ts';

const shots: string[] = [];
const h = useHarness(shots);
const PHONE = { width: 390, height: 844 };
const SUBMIT_TIMEOUT = 45_000;
/** Every script any portal page fetched in this file: none may be console or antd code. */
const scripts = new Set<string>();

// A real 2×2 PNG (the portal reads its bytes: signature, then SHA-256).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

async function phone(): Promise<Page> {
  const page = await h.page(PHONE);
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(r.url());
  });
  return page;
}

async function clueByCode(code: string) {
  const staff = await apiSession(h.base, 'cppcc_staff');
  // The staff queue matches the stored form of a code (without the dashes shown to people).
  const res = await staff('GET', `/api/clues?q=${code.replace(/-/g, '')}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { trackingCode: string; attachments: string[]; title: string }[] }).items;
}

describe('portal on a phone', () => {
  test('home: purpose, the services, the latest published results and the feed; no horizontal scrolling', async () => {
    const page = await phone();
    await page.goto(`${h.base}/`);
    await page.getByRole('heading', { level: 1, name: '民意直通车' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await page.getByTestId('latest-list').locator('li').first().waitFor();
    await page.getByTestId('feed-links').first().getByRole('link', { name: 'RSS' }).waitFor();
    const rss = await page.getByTestId('feed-links').first().getByRole('link', { name: 'RSS' }).getAttribute('href');
    const feed = await fetch(`${h.base}${rss}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('application/rss+xml');
    await page.getByTestId('health').getByText('服务运行正常').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    shots.push(await h.screenshot(page, 'portal-phone'));
  });

  test('report with a photo: the code comes back once even when the first answer is lost, then tracking shows it', async () => {
    const page = await phone();
    await page.goto(`${h.base}/`);
    await page.getByTestId('go-report').click();
    await page.getByRole('heading', { level: 1, name: '反映问题' }).waitFor();

    // Client validation with the server's schema: an empty form names what is missing and focuses the title.
    await page.getByRole('button', { name: '提交反映' }).click();
    await page.getByText(/有 \d+ 处需要修改/).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('report-title');
    await page.getByText('标题至少 2 个字').waitFor();

    const title = `门口路灯不亮 ${Date.now()}`;
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('具体情况').fill('小区门口的路灯已经坏了两个星期，晚上出行很不方便，请尽快修理。');
    await pickPlace(page);
    await page.getByLabel('详细地址').fill('人民路与解放路交叉口');
    await page.getByLabel('问题分类').selectOption({ index: 1 });
    await page.locator('#report-photos').setInputFiles({ name: 'light.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('photo-list').getByRole('img', { name: '照片预览：light.png' }).waitFor();
    // A file that is not a photo (by its bytes, whatever its name) is refused with the reason.
    await page
      .locator('#report-photos')
      .setInputFiles({ name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
    await page.getByText('“fake.jpg”不是 JPG、PNG、GIF 或 WebP 照片').waitFor();
    await page.getByText('已选 1 / 9 张').waitFor();
    shots.push(await h.screenshot(page, 'portal-report'));

    // The first answer is lost on the way back (the server stored the report): the retry must not duplicate it.
    let lost = false;
    await page.route('**/api/public/clues', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '提交反映' }).click();
    // Storing a report (classification, transparency-log event) can take long on a busy machine.
    await page.getByText('网络连接失败').waitFor({ timeout: SUBMIT_TIMEOUT });
    await page.getByRole('button', { name: '提交反映' }).click();
    const code = (await page.getByTestId('tracking-code').textContent({ timeout: SUBMIT_TIMEOUT }))!.trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);

    const stored = await clueByCode(code);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.attachments).toEqual([createHash('sha256').update(PNG).digest('hex')]);
    const staff = await apiSession(h.base, 'cppcc_staff');
    const sameTitle = (await (await staff('GET', `/api/clues?q=${encodeURIComponent(title)}`)).json()) as {
      total: number;
    };
    expect(sameTitle.total).toBe(1);

    await page.getByRole('link', { name: '立即查询进度' }).click();
    await page.waitForURL(`**/track/${code}`);
    const tracked = page.getByTestId('tracked');
    await tracked.getByRole('heading', { name: title }).waitFor();
    await expect(tracked.getByTestId('clue-state').textContent()).resolves.toBe('已接收');
    await tracked.getByRole('list', { name: '办理进展' }).getByText('已收到您的反映').waitFor();
    shots.push(await h.screenshot(page, 'portal-track'));
  });

  test('track: a malformed code is explained without asking, an unknown one says so', async () => {
    const page = await phone();
    await page.goto(`${h.base}/track`);
    await page.getByLabel('查询码').fill('abc');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByText('查询码格式不对').first().waitFor();
    await page.getByLabel('查询码').fill('2222-2222-22');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByTestId('track-not-found').waitFor();
  });

  test('a replied demo clue can be rated once, then shows the rating', async () => {
    const staff = await apiSession(h.base, 'cppcc_staff');
    const replied = (await (await staff('GET', '/api/clues?state=replied&pageSize=1')).json()) as {
      items: { trackingCode: string }[];
    };
    const code = replied.items[0]!.trackingCode;
    const page = await phone();
    await page.goto(`${h.base}/track/${code.toLowerCase()}`);
    const form = page.getByTestId('clue-rating-form');
    await form.waitFor();
    await page.getByTestId('tracked').getByText('已答复').first().waitFor();
    await form.getByRole('button', { name: '提交评价' }).click();
    await form.getByText('请选择满意、基本满意或不满意').waitFor();
    await form.getByLabel('基本满意').check();
    await form.getByLabel(/评价意见/).fill('答复及时，希望尽快落实。');
    await form.getByRole('button', { name: '提交评价' }).click();
    await page.getByTestId('clue-rating').getByText('您的评价：基本满意').waitFor();
    await expect(form.count()).resolves.toBe(0);
    await page.reload();
    await page.getByTestId('clue-rating').waitFor();
    await expect(page.getByTestId('clue-rating-form').count()).resolves.toBe(0);
  });

  test('the disclosure list shows what GET /api/public/problems publishes, and a detail page', async () => {
    const api = (await (await fetch(`${h.base}/api/public/problems?page=1&pageSize=10`)).json()) as {
      items: { id: string; title: string }[];
      total: number;
    };
    expect(api.total).toBeGreaterThan(0);
    const page = await phone();
    await page.goto(`${h.base}/disclosures`);
    const list = page.getByTestId('disclosures-list');
    await list.locator('li').first().waitFor();
    const titles = await list.locator('h3').allTextContents();
    expect(titles).toEqual(api.items.map((i) => i.title));
    await page.getByTestId('disclosures-total').getByText(`共 ${api.total} 个公开问题`).waitFor();

    if (api.total > 10) {
      const second = (await (await fetch(`${h.base}/api/public/problems?page=2&pageSize=10`)).json()) as {
        items: { title: string }[];
      };
      await page.getByRole('button', { name: '下一页' }).click();
      await page.waitForURL('**/disclosures?page=2');
      await expect.poll(() => list.locator('h3').allTextContents()).toEqual(second.items.map((i) => i.title));
    }

    const word = api.items[0]!.title.slice(0, 4);
    const searched = (await (
      await fetch(`${h.base}/api/public/problems?page=1&pageSize=10&q=${encodeURIComponent(word)}`)
    ).json()) as { items: { title: string }[]; total: number };
    await page.getByLabel('关键词').fill(word);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByTestId('disclosures-total').getByText(`共 ${searched.total} 个公开问题`).waitFor();
    await expect.poll(() => list.locator('h3').allTextContents()).toEqual(searched.items.map((i) => i.title));

    await list.getByRole('link').first().click();
    const detail = page.getByTestId('disclosure-detail');
    await detail.getByRole('heading', { level: 1, name: searched.items[0]!.title }).waitFor();
    await detail.getByText('牵头单位').waitFor();
  });

  test('a published problem says 在记录中已验证: its public records checked in the browser against the signed log', async () => {
    type Proofs = { checkpoint: { size: number } | null; events: { status: string }[] };
    const api = (await (await fetch(`${h.base}/api/public/problems?page=1&pageSize=50`)).json()) as {
      items: { id: string; title: string }[];
    };
    // A published problem with a public record already under a signed checkpoint (the checkpoint job signs at start).
    let chosen: { id: string; title: string } | undefined;
    await expect
      .poll(
        async () => {
          for (const item of api.items) {
            const proofs = (await (await fetch(`${h.base}/api/public/problems/${item.id}/proofs`)).json()) as Proofs;
            if (proofs.events.some((e) => e.status === 'published')) return (chosen = item);
          }
          return undefined;
        },
        { timeout: 90_000, interval: 5_000 },
      )
      .toBeTruthy();
    const page = await phone();
    await page.goto(`${h.base}/disclosures/${chosen!.id}`);
    const record = page.getByTestId('record-proof');
    await record.getByText('在记录中已验证').waitFor();
    expect(await record.getAttribute('data-outcome')).toBe('verified');
    const key = (await (await fetch(`${h.base}/log/key`)).text()).trim();
    await record.getByText('查看证明').click();
    expect(await page.getByTestId('record-key').textContent()).toBe(key);
    shots.push(await h.screenshot(page, 'portal-record-verified'));
  });

  test('elder-friendly mode enlarges the text, folds the optional parts away, and persists across reloads', async () => {
    const page = await phone();
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
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    shots.push(await h.screenshot(page, 'portal-phone-elder'));

    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByTestId('elder-toggle').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await size('html')).toBe(after.root);
    // The report page in elder mode: the essentials only, the optional parts folded (fewer steps).
    await page.getByTestId('go-report').click();
    await page.getByLabel('标题').waitFor();
    await expect(page.locator('details.more').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(
      page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#report-title')!).fontSize)),
    ).resolves.toBeGreaterThanOrEqual(22);
  });

  test('keyboard only: Tab reaches every labelled field in order, and a report is submitted without a mouse', async () => {
    const page = await phone();
    await page.goto(`${h.base}/report`);
    await page.getByLabel('标题').waitFor();
    await page.getByTestId('region-province').locator('option').nth(1).waitFor({ state: 'attached' });

    // Every control a person can reach has a label; the honeypot is hidden from the accessibility tree.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('form input, form select, form textarea')]
        .filter((el) => !el.closest('[aria-hidden="true"]'))
        .filter((el) => (el as HTMLInputElement).labels?.length === 0)
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await expect(page.getByRole('textbox', { name: 'Website' }).count()).resolves.toBe(0);

    const order: string[] = [];
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.id || el?.textContent?.trim() || el?.tagName || '';
      });
    await page.locator('h1').focus();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const id = await focused();
      order.push(id);
      if (id === '提交反映') break;
    }
    const expected = [
      'report-title',
      'report-body',
      'report-region-0',
      'report-category',
      'report-address',
      '使用当前位置',
      'report-photos',
      'report-name',
      'report-phone',
      'report-email',
      '提交反映',
    ];
    const positions = expected.map((id) => order.indexOf(id));
    expect(
      positions.every((p) => p >= 0),
      order.join(' → '),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(order).not.toContain('report-website');

    // Now fill and send with keys alone.
    await page.locator('h1').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('排水沟堵塞');
    await page.keyboard.press('Tab');
    await page.keyboard.type('雨后积水严重，排水沟被垃圾堵住，请尽快疏通。');
    for (const [testId, level] of [
      ['region-province', 0],
      ['region-city', 1],
      ['region-county', 2],
    ] as const) {
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`report-region-${level}`);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.getByTestId(testId).inputValue()).not.toBe('');
      const next = page.getByTestId(level === 0 ? 'region-city' : level === 1 ? 'region-county' : 'region-town');
      await next.locator('option').nth(1).waitFor({ state: 'attached' });
    }
    // Past the town, the optional parts and the contact to the submit button, with Tab alone.
    for (let i = 0; i < 20 && (await focused()) !== '提交反映'; i++) await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('提交反映');
    await page.keyboard.press('Enter');
    const code = (await page.getByTestId('tracking-code').textContent({ timeout: SUBMIT_TIMEOUT }))!.trim();
    expect(await clueByCode(code)).toHaveLength(1);
    // The focus moved to the result, so a screen reader announces it.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('submitted-heading');
  });

  test('no page of the portal loaded console or antd code', () => {
    expect(scripts.size).toBeGreaterThan(0);
    expect([...scripts].filter((u) => /antd|console|BasicLayout|EChart/i.test(u))).toEqual([]);
  });
});
