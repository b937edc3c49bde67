import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, signIn, useHarness } from './harness.ts';

const shots: string[] = [];
const h = useHarness(shots);

// A fresh demo city takes minutes to seed when the machine is busy.

interface Detail {
  id: string;
  version: number;
  state: string;
  allowedActions: string[];
}

/** A calendar day in Asia/Shanghai, `days` from today. */
function day(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Opens the problem page and returns the detail the page itself fetched from the API. */
async function openProblem(page: Page, id: string): Promise<Detail> {
  // Generous: on a busy machine the page chunk and the first answer can take a while.
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/problems/${id}` && r.ok(), {
    timeout: 60_000,
  });
  await page.goto(`${h.base}/console/problems/${id}`);
  const detail = (await (await answer).json()) as Detail;
  await page.getByTestId('problem-header').waitFor();
  await page.getByTestId('timeline-event').first().waitFor();
  return detail;
}

const commandsShown = (page: Page) =>
  page
    .getByTestId('problem-actions')
    .locator('button[data-command]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));

async function firstProblem(username: string, state: string): Promise<string> {
  const call = await apiSession(h.base, username);
  const page = (await (await call('GET', `/api/lists/problems?state=${state}&pageSize=1`)).json()) as {
    items: { id: string }[];
  };
  expect(page.items.length).toBe(1);
  return page.items[0]!.id;
}

describe('problem page', { timeout: 300_000 }, () => {
  test('staff see exactly the allowed actions, urge through the dialog, and the timeline grows with a verified proof', async () => {
    const id = await firstProblem('cppcc_staff', 'rectifying');
    const page = await h.page();
    await signIn(page, h.base, 'cppcc_staff');
    const detail = await openProblem(page, id);

    expect(detail.allowedActions).toContain('urge');
    await expect(commandsShown(page)).resolves.toEqual(detail.allowedActions);
    await expect(page.getByTestId('problem-state').textContent()).resolves.toBe('整改中');

    const before = await page.getByTestId('timeline-event').count();
    await page.getByTestId('problem-actions').locator('button[data-command="urge"]').click();
    const dialog = page.getByRole('dialog');
    // The command's zod schema refuses an empty note before anything is sent.
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText('请填写此项').waitFor();
    await dialog.getByLabel('备注').fill('请于本周五前报送整改进展');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const events = page.getByTestId('timeline-event');
    await expect.poll(() => events.count()).toBe(before + 1);
    await expect(page.getByTestId('event-sentence').last().textContent()).resolves.toBe(
      'cppcc_staff 催办：请于本周五前报送整改进展',
    );
    await page.getByTestId('problem-escalation').waitFor();

    // Someone else acts first: the dialog's version is stale (409), it offers a reload, and the retry goes through.
    await page.getByTestId('problem-actions').locator('button[data-command="supervise"]').click();
    await dialog.getByLabel('备注').fill('列入督办，每周报送进展');
    const other = await apiSession(h.base, 'cppcc_staff');
    const now = (await (await other('GET', `/api/problems/${id}`)).json()) as Detail;
    const urged = await other('POST', `/api/problems/${id}/commands/urge`, {
      version: now.version,
      input: { note: '另一位工作人员的催办' },
    });
    expect(urged.status).toBe(200);
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    const stale = dialog.getByTestId('stale-alert');
    await stale.getByText('已被他人修改，请刷新').waitFor();
    await stale.getByRole('button').click();
    await dialog.getByText('已载入最新状态，请确认后再提交').waitFor();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => events.count()).toBe(before + 3);
    await expect(page.getByTestId('event-sentence').last().textContent()).resolves.toBe(
      'cppcc_staff 督办：列入督办，每周报送进展',
    );

    // Once the log has taken the event in and signed a checkpoint, the browser verifies its inclusion proof.
    await h.platform.ledger.runOnce();
    await openProblem(page, id);
    const last = page.getByTestId('proof-status').last();
    await expect.poll(() => last.getAttribute('data-outcome')).toBe('verified');
    await expect(last.textContent()).resolves.toMatch(/已存证.*叶子 #\d+，检查点大小 \d+.*已验证/);
    const outcomes = await page
      .getByTestId('proof-status')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
    expect(outcomes.every((o) => o === 'verified')).toBe(true);
    shots.push(await h.screenshot(page, 'problem-page'));

    // The same session on a phone-sized screen (the side menu folds away, so sign-in happened on the desktop size).
    const phone = page;
    await phone.setViewportSize({ width: 390, height: 844 });
    await openProblem(phone, id);
    await expect(commandsShown(phone)).resolves.toEqual(detail.allowedActions);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    shots.push(await h.screenshot(phone, 'problem-page-phone'));
  });

  test('a unit liaison submits a plan through the plan editor on a problem assigned to their unit', async () => {
    const staff = await apiSession(h.base, 'cppcc_staff');
    const listed = await firstProblem('cppcc_staff', 'listed');
    const unit = (await (await staff('GET', `/api/units?q=${encodeURIComponent('住房和城乡建设局')}`)).json()) as {
      items: { id: string }[];
    };
    const current = (await (await staff('GET', `/api/problems/${listed}`)).json()) as Detail;
    const assigned = await staff('POST', `/api/problems/${listed}/commands/assign`, {
      version: current.version,
      input: {
        leadUnitId: unit.items[0]!.id,
        coUnitIds: [],
        responsibleLeader: '分管副局长',
        responsiblePerson: '朱佳怡',
        deadline: day(60),
      },
    });
    expect(assigned.status).toBe(200);

    const page = await h.page();
    await signIn(page, h.base, 'unit_liaison');
    const detail = await openProblem(page, listed);
    expect(detail.allowedActions).toContain('submit_plan');
    await expect(commandsShown(page)).resolves.toEqual(detail.allowedActions);

    await page.getByTestId('problem-actions').getByRole('button', { name: '提交整改方案' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('整改目标').fill('老旧小区加装电梯审批时限压缩一半');
    await dialog.getByLabel('原因分析').fill('审批环节多、部门之间材料重复提交');
    const pickDate = async (index: number, date: string) => {
      const input = dialog.getByLabel('完成时间').nth(index);
      await input.click();
      await input.fill(date);
      await input.press('Enter');
    };
    await dialog.getByLabel('措施内容').nth(0).fill('梳理审批事项清单，取消重复材料');
    await dialog.getByLabel('责任人').nth(0).fill('行政审批科');
    await pickDate(0, day(20));
    await dialog.getByRole('button', { name: '添加措施' }).click();
    await dialog.getByLabel('措施内容').nth(1).fill('推行并联审批和限时办结');
    await dialog.getByLabel('责任人').nth(1).fill('城建科');
    await pickDate(1, day(70));
    await dialog.getByLabel('资金（元）').fill('50000');
    // The server's guard (a measure due after the plan's deadline) comes back on the measures.
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByTestId('rows-measures').getByText('第 2 项措施的完成时间晚于方案完成时限').waitFor();
    await pickDate(1, day(45));
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => page.getByTestId('problem-state').textContent()).toBe('方案审核中');
    await expect(page.getByTestId('event-sentence').last().textContent()).resolves.toContain(
      'unit_liaison 提交整改方案第 1 版（2 项措施',
    );
    await page.getByRole('tab', { name: '整改方案' }).click();
    const plan = page.getByTestId('plan-panel');
    await plan.getByText('现行方案：第 1 版').waitFor();
    await plan.getByText('推行并联审批和限时办结').waitFor();
    // Submitted: the liaison has nothing more to do until the plan is reviewed.
    await expect(commandsShown(page)).resolves.not.toContain('submit_plan');
  });

  test('a member sees no staff buttons: exactly what the server allows them', async () => {
    const id = await firstProblem('member', 'rectifying');
    const page = await h.page();
    await signIn(page, h.base, 'member');
    const detail = await openProblem(page, id);
    // A member rates closed problems only; on one being rectified the server allows them nothing.
    expect(detail.allowedActions).toEqual([]);
    await expect(commandsShown(page)).resolves.toEqual([]);
    await page.getByText('当前没有您可执行的操作').waitFor();
  });
});
