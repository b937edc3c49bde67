import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { jpegWithExif } from '../../../../test/fixtures/photos.ts';
import { apiSession, pickPlace, signIn, useHarness } from './harness.ts';

/**
 * The whole loop through the UI, one person at a time, as DESIGN §4 describes it: a citizen reports on a phone, staff
 * triage and accept the clue, confirm and assign the problem, the unit plans, staff approve, the unit reports progress
 * and asks for closure, staff accept, a supervisor verifies on site with a photo, staff publish the result, and the
 * citizen rates it on the portal with the tracking code.
 */

const shots: string[] = [];
const h = useHarness(shots);
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };

/** A calendar day in Asia/Shanghai, `days` from today. */
function day(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

async function fillDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** A fresh window signed in as `username` (the harness closes the previous one and its cookies). */
async function person(username: string): Promise<Page> {
  const page = await h.page(DESK);
  await signIn(page, h.base, username);
  return page;
}

/** Opens a problem page and waits until its header and actions are drawn. */
async function openProblem(page: Page, id: string): Promise<void> {
  await page.goto(`${h.base}/console/problems/${id}`);
  await page.getByTestId('problem-header').waitFor();
  await page.getByTestId('problem-actions').waitFor();
}

/** Clicks an action button on the problem page and returns its dialog. */
async function action(page: Page, command: string): Promise<Locator> {
  await page.getByTestId('problem-actions').locator(`button[data-command="${command}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

async function submit(page: Page, dialog: Locator, state: string): Promise<void> {
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByTestId('problem-state').textContent(), { timeout: 15_000 }).toBe(state);
}

/** Uploads a photo taken at `taken` (EXIF time); files are content-addressed, so each step's photo differs. */
async function attach(dialog: Locator, name: string, taken: string): Promise<void> {
  const buffer = jpegWithExif(taken, [30, 52, 12.5], [120, 5, 30]);
  await dialog.getByTestId('evidence-input').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
  await dialog.getByTestId('evidence-upload').getByText(name).waitFor();
}

describe('the review-and-rectification loop through the UI', { timeout: 600_000 }, () => {
  test('public report → triage → assign → plan → approve → progress → closure → verification → public rating', async () => {
    const title = `村口桥面坑洼 ${Date.now()}`;

    // 1. A citizen reports on a phone and gets a tracking code.
    const citizen = await h.page(PHONE);
    await citizen.goto(`${h.base}/report`);
    await citizen.getByLabel('标题').fill(title);
    await citizen.getByLabel('具体情况').fill('村口小桥桥面坑洼积水，电动车经过容易摔倒，希望尽快修补。');
    await pickPlace(citizen);
    await citizen.getByRole('button', { name: '提交反映' }).click();
    const code = (await citizen.getByTestId('tracking-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);

    // 2. Staff triage the clue and accept it into a new problem.
    let staff = await person('cppcc_staff');
    await staff.goto(`${h.base}/console/clues?q=${code.replace(/-/g, '')}`);
    await staff.getByTestId('clues-table').locator('tr.ant-table-row').first().click();
    const drawer = staff.getByTestId('clue-drawer');
    await expect.poll(() => drawer.getByTestId('clue-state').textContent()).toBe('已接收');
    await drawer.getByTestId('action-triage').click();
    let dialog = staff.getByRole('dialog', { name: '分拣' });
    await dialog.getByTestId('command-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => drawer.getByTestId('clue-state').textContent()).toBe('已分拣');
    await drawer.getByTestId('action-accept').click();
    dialog = staff.getByRole('dialog', { name: '受理' });
    await dialog.getByTestId('command-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => drawer.getByTestId('clue-state').textContent()).toBe('已受理');
    const api = await apiSession(h.base, 'cppcc_staff');
    const clue = (await (await api('GET', `/api/clues?q=${code.replace(/-/g, '')}`)).json()) as {
      items: { problemId: string | null }[];
    };
    const problemId = clue.items[0]!.problemId!;
    expect(problemId).toMatch(/^[0-9a-f-]{36}$/);

    // 3. Staff confirm the problem and assign it to the housing bureau.
    await openProblem(staff, problemId);
    await submit(staff, await action(staff, 'confirm'), '已列入清单');
    dialog = await action(staff, 'assign');
    await dialog.getByLabel('牵头单位').click();
    await dialog.getByLabel('牵头单位').fill('住房和城乡建设局');
    await staff.locator('.ant-select-item-option', { hasText: '湖州市住房和城乡建设局' }).first().click();
    await dialog.getByLabel('责任领导').fill('分管副局长');
    await dialog.getByLabel('责任人').fill('朱佳怡');
    await fillDate(dialog.getByLabel('整改时限'), day(60));
    await submit(staff, dialog, '已交办');

    // 4. The unit's liaison writes the plan.
    let liaison = await person('unit_liaison');
    // The assignment is on the liaison's to-do list (the workbench shows that list).
    await liaison.getByTestId('todo').waitFor();
    const todo = await liaison.evaluate(
      async () =>
        (await (await fetch('/api/workbench/todo')).json()) as { items: { problemId: string; duty: string }[] },
    );
    expect(todo.items.find((i) => i.problemId === problemId)?.duty).toBe('submit_plan');
    await openProblem(liaison, problemId);
    dialog = await action(liaison, 'submit_plan');
    await dialog.getByLabel('整改目标').fill('一个月内修补桥面并设置警示标志');
    await dialog.getByLabel('原因分析').fill('桥面养护责任未落实到位');
    await dialog.getByLabel('措施内容').nth(0).fill('设置临时警示标志并修补坑洼');
    await dialog.getByLabel('责任人').nth(0).fill('村镇建设科');
    await fillDate(dialog.getByLabel('完成时间').nth(0), day(20));
    await submit(liaison, dialog, '方案审核中');

    // 5. Staff approve the plan with the compliance checklist.
    staff = await person('cppcc_staff');
    await openProblem(staff, problemId);
    await submit(staff, await action(staff, 'approve_plan'), '整改中');

    // 6. The liaison reports progress with a photo, then asks for closure with evidence.
    liaison = await person('unit_liaison');
    await openProblem(liaison, problemId);
    dialog = await action(liaison, 'report_progress');
    await dialog.getByLabel('报告期').fill('第1周');
    await dialog.getByLabel('完成比例（%）').fill('100');
    await dialog.getByLabel('本期完成情况').fill('桥面坑洼已全部修补，警示标志已设置');
    await dialog.getByLabel('下步计划').fill('纳入日常巡查');
    await attach(dialog, 'progress.jpg', '2026:11:18 16:00:00');
    await submit(liaison, dialog, '整改中');
    dialog = await action(liaison, 'request_closure');
    await dialog.getByLabel('整改情况说明').fill('桥面已修复，经村民代表确认');
    await dialog.getByLabel('已解决').check();
    await attach(dialog, 'closure.jpg', '2026:11:19 10:15:00');
    await submit(liaison, dialog, '销号审核中');

    // 7. Staff accept the closure request; a supervisor verifies on site with a photo and passes it.
    staff = await person('cppcc_staff');
    await openProblem(staff, problemId);
    await submit(staff, await action(staff, 'accept_closure'), '现场核查中');
    // The supervisor signs in on a desk-sized window (the phone layout folds the menu away) and works on a phone.
    const supervisor = await person('supervisor');
    await supervisor.setViewportSize(PHONE);
    await openProblem(supervisor, problemId);
    dialog = await action(supervisor, 'verify_pass');
    await dialog.getByLabel('已解决').check();
    await dialog.getByLabel('核查情况').fill('现场查看桥面平整，无积水');
    await attach(dialog, 'site.jpg', '2026:11:20 09:30:15');
    await submit(supervisor, dialog, '已销号');
    // The photo's EXIF time and place are shown with the verification.
    await supervisor.getByTestId('problem-timeline').getByText('2026-11-20 09:30').first().waitFor();

    // 8. Staff publish the result from the problem list.
    staff = await person('cppcc_staff');
    await staff.goto(`${h.base}/console/lists/problems?q=${encodeURIComponent(title)}`);
    const row = staff.locator('tr.ant-table-row').first();
    await row.locator('input[type="checkbox"]').check();
    await staff.getByTestId('bulk-actions').getByRole('button', { name: '批量公开' }).click();
    await staff
      .getByRole('dialog')
      .getByRole('button', { name: /执\s*行/ })
      .click();
    await staff.getByTestId('bulk-outcomes').waitFor();
    shots.push(await h.screenshot(staff, 'loop-published'));

    // 9. The citizen tracks the code, sees the result and rates it.
    const tracker = await h.page(PHONE);
    await tracker.goto(`${h.base}/track/${code}`);
    const linked = tracker.getByTestId('linked-problem');
    await linked.getByText(title).waitFor();
    const form = tracker.getByTestId('problem-rating-form');
    await form.getByLabel('满意', { exact: true }).check();
    await form.getByRole('button', { name: '提交评价' }).click();
    await linked.getByText('您已评价过整改结果，感谢您的反馈！').waitFor();
    shots.push(await h.screenshot(tracker, 'loop-rated'));

    const events = (await (await api('GET', `/api/problems/${problemId}/events`)).json()) as {
      items: { type: string }[];
    };
    expect(events.items.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'problem.confirmed',
        'problem.assigned',
        'problem.plan_submitted',
        'problem.plan_approved',
        'problem.progress_reported',
        'problem.closure_requested',
        'problem.closure_accepted',
        'problem.verified',
        'problem.rated',
      ]),
    );
  });
});
