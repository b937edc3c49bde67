// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { effectiveSettings, SETTINGS_DEFAULTS } from '@rectify/domain/settings/effective';
import type { EffectiveSettingsView, RegionSettings } from '@rectify/domain/settings/schemas';
import { ApiError } from '../../src/api.ts';
import { SettingsForm } from '../../src/console/pages/admin/components/SettingsForm.tsx';
import type { SettingsContext } from '../../src/console/pages/admin/lib/settingsDraft.ts';
import { stubFetch } from './fetchStub.ts';
import { renderConsole } from './render.tsx';

const CITY = '330500';
const COUNTY = '330502';

/** The view the server would send for `code` given the chain of own settings from the top down. */
function view(chain: { regionCode: string; settings: RegionSettings }[], version = 1): EffectiveSettingsView {
  const last = chain[chain.length - 1]!;
  const { effective, sources } = effectiveSettings(chain);
  return {
    regionCode: last.regionCode,
    own: last.settings,
    version,
    updatedAt: version > 0 ? '2026-11-30T02:00:00.000Z' : null,
    effective,
    sources,
  };
}

const citySettings: RegionSettings = { kpiTargets: { completion: 0.95 }, disputeWindowDays: 7 };
function countyContext(own: RegionSettings = {}, version = 3): SettingsContext {
  return {
    view: view(
      [
        { regionCode: CITY, settings: citySettings },
        { regionCode: COUNTY, settings: own },
      ],
      version,
    ),
    parent: view([{ regionCode: CITY, settings: citySettings }], 2),
  };
}

beforeEach(() => {
  // Region names come from /api/regions?parent=…; unit searches from /api/units.
  stubFetch((url) => ({
    body: url.startsWith('/api/regions')
      ? { items: [{ code: CITY, name: '湖州市', level: 'city', parentCode: '330000' }] }
      : { items: [], total: 0, page: 1, pageSize: 20 },
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(ctx: SettingsContext, onSave = vi.fn(async () => undefined), onReload = vi.fn()) {
  renderConsole(
    <App>
      <SettingsForm ctx={ctx} canEdit categories={['城市建设', '教育']} onSave={onSave} onReload={onReload} />
    </App>,
  );
  return { onSave, onReload };
}

const kpiRow = (label: string) => screen.getByText(label, { selector: 'td' }).closest('tr')!;
const saveButton = () => screen.getByTestId('settings-save') as HTMLButtonElement;

test('an inherited value is shown with the region it comes from; unset keys show the system default', async () => {
  renderForm(countyContext());
  const completion = screen.getByLabelText('整改完成率目标（%）') as HTMLInputElement;
  expect(completion.value).toBe('95');
  await waitFor(() => expect(within(kpiRow('整改完成率')).getByText(/继承自/).textContent).toBe('继承自 湖州市'));
  // 三个月完成率 is set by nobody: the default 80 %, from the system.
  expect((screen.getByLabelText('三个月完成率目标（%）') as HTMLInputElement).value).toBe('80');
  expect(within(kpiRow('三个月完成率')).getByText('系统默认')).toBeTruthy();
  expect(within(screen.getByTestId('settings-assessment')).getByText('系统默认')).toBeTruthy();
  // Nothing is set here, so nothing offers 恢复继承.
  expect(screen.queryByRole('button', { name: /恢复继承/ })).toBeNull();
});

test('a value set here shows 本级设置; 恢复继承 drops it and the saved settings no longer carry it', async () => {
  const { onSave } = renderForm(countyContext({ disputeWindowDays: 3, kpiTargets: { onTime: 0.8 } }));
  const dispute = screen.getByLabelText('责任异议期限（天）') as HTMLInputElement;
  expect(dispute.value).toBe('3');
  expect(within(kpiRow('按期完成率')).getByText('本级设置')).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: '恢复继承 责任异议期限（天）' }));
  // The city's 7 days come back, from the city.
  expect((screen.getByLabelText('责任异议期限（天）') as HTMLInputElement).value).toBe('7');

  fireEvent.click(saveButton());
  await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
  expect(onSave).toHaveBeenCalledWith(3, { kpiTargets: { onTime: 0.8 } });
});

test('weights that do not sum to 100 block saving, with the live sum and the schema message', async () => {
  const { onSave } = renderForm(countyContext());
  expect(screen.getByTestId('weights-sum').textContent).toBe('权重合计 100 / 100');
  const completion = screen.getByLabelText('整改完成率权重') as HTMLInputElement;
  fireEvent.change(completion, { target: { value: '40' } });
  expect(screen.getByTestId('weights-sum').textContent).toBe('权重合计 110 / 100');
  expect(screen.getByTestId('weights-sum').getAttribute('aria-invalid')).toBe('true');
  expect(within(screen.getByTestId('settings-assessment')).getByText('各项权重之和应为 100')).toBeTruthy();
  expect(saveButton().disabled).toBe(true);
  expect(screen.getByTestId('settings-status').textContent).toBe('还有 1 处需要修改');

  fireEvent.change(screen.getByLabelText('按期完成率权重'), { target: { value: '10' } });
  expect(screen.getByTestId('weights-sum').textContent).toBe('权重合计 100 / 100');
  expect(saveButton().disabled).toBe(false);
  fireEvent.click(saveButton());
  await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
  const [, sent] = onSave.mock.calls[0] as unknown as [number, RegionSettings];
  expect(sent.assessment).toEqual({
    weights: { ...SETTINGS_DEFAULTS.assessment.weights, completion: 40, onTime: 10 },
    exportWeight: 0.1,
  });
});

test('an unknown template variable is reported as it is typed and the preview uses sample values', () => {
  renderForm(countyContext());
  const overdue = screen.getByLabelText('超期提醒（责任单位）') as HTMLTextAreaElement;
  fireEvent.change(overdue, { target: { value: '“{titel}”已超期 {overdueDays} 天' } });
  const card = screen.getByTestId('template-overdue');
  expect(within(card).getByRole('alert').textContent).toBe('“超期提醒（责任单位）”使用了未定义的变量：{titel}');
  expect(overdue.getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByTestId('template-overdue-preview').textContent).toBe('预览：“{titel}”已超期 5 天');
  expect(saveButton().disabled).toBe(true);

  // A click on a variable chip puts it where the cursor is.
  fireEvent.change(overdue, { target: { value: '“”已超期' } });
  overdue.setSelectionRange(1, 1);
  fireEvent.click(within(card).getByText('{title}'));
  expect(overdue.value).toBe('“{title}”已超期');
  expect(within(card).queryByRole('alert')).toBeNull();
  expect(screen.getByTestId('template-overdue-preview').textContent).toBe('预览：“老旧小区加装电梯推进缓慢”已超期');
  expect(within(card).getByText('本级设置')).toBeTruthy();
  expect(saveButton().disabled).toBe(false);
});

test('a stale version (409) is shown as 已被他人修改 with a reload button', async () => {
  const onSave = vi.fn(async () => {
    throw new ApiError(409, 'version_conflict', '配置已被他人修改', { currentVersion: 4 });
  });
  const { onReload } = renderForm(countyContext({ maxExtensions: 1 }), onSave);
  await act(async () => {
    fireEvent.click(saveButton());
  });
  const stale = await screen.findByTestId('settings-stale');
  expect(stale.textContent).toContain('已被他人修改，请刷新后重试');
  fireEvent.click(within(stale).getByRole('button', { name: '重新载入' }));
  expect(onReload).toHaveBeenCalledOnce();
});

test('without settings.manage the form is read-only: no save, no restore', () => {
  renderConsole(
    <App>
      <SettingsForm
        ctx={countyContext({ maxExtensions: 1 })}
        canEdit={false}
        categories={[]}
        onSave={vi.fn()}
        onReload={vi.fn()}
      />
    </App>,
  );
  expect(screen.queryByTestId('settings-save')).toBeNull();
  expect(screen.queryByRole('button', { name: /恢复继承/ })).toBeNull();
  expect((screen.getByLabelText('最多延期次数') as HTMLInputElement).disabled).toBe(true);
});
