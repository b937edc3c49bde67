// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { RegionFormModal } from '../../src/console/pages/admin/components/RegionFormModal.tsx';
import type { AdminRegion } from '../../src/console/pages/admin/service.ts';
import { stubFetch, type SentRequest } from './fetchStub.ts';
import { renderConsole } from './render.tsx';

const COUNTY: AdminRegion = {
  code: '330503',
  name: '南浔区',
  level: 'county',
  parentCode: '330500',
  population: 480000,
  timeZone: 'Asia/Shanghai',
};

let requests: SentRequest[] = [];
let reply: { status: number; body: unknown };

beforeEach(() => {
  reply = {
    status: 201,
    body: { ...COUNTY, code: '330503950', name: '测试街道', level: 'town', parentCode: '330503' },
  };
  requests = stubFetch(() => reply);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const save = async () => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
  });
};
const codeItem = () => screen.getByLabelText('区划代码').closest('.ant-form-item')!;

test('a child code must extend the parent code and match the child level; a good one is sent as a town', async () => {
  const onSaved = vi.fn();
  renderConsole(
    <App>
      <RegionFormModal mode="child" region={COUNTY} open onClose={vi.fn()} onSaved={onSaved} />
    </App>,
  );
  expect(codeItem().textContent).toContain('应以 330503 开头，共 9 位');
  fireEvent.change(screen.getByLabelText('名称'), { target: { value: '测试街道' } });

  fireEvent.change(screen.getByLabelText('区划代码'), { target: { value: '330502950' } });
  await save();
  await waitFor(() => expect(codeItem().textContent).toContain('下级区划代码应以上级代码 330503 开头'));

  fireEvent.change(screen.getByLabelText('区划代码'), { target: { value: '330504' } });
  await save();
  await waitFor(() => expect(codeItem().textContent).toContain('乡镇（街道）的区划代码应为 9 位数字'));
  expect(requests).toEqual([]);

  fireEvent.change(screen.getByLabelText('区划代码'), { target: { value: '330503950' } });
  await save();
  await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
  expect(requests).toEqual([
    {
      method: 'POST',
      url: '/api/regions',
      body: { code: '330503950', name: '测试街道', level: 'town', parentCode: '330503', timeZone: 'Asia/Shanghai' },
    },
  ]);
});

test('an edit sends only what changed; the server refusal is shown in its words', async () => {
  reply = { status: 403, body: { error: { code: 'forbidden', message: '该行政区划不在您的权限范围内' } } };
  renderConsole(
    <App>
      <RegionFormModal mode="edit" region={COUNTY} open onClose={vi.fn()} onSaved={vi.fn()} />
    </App>,
  );
  expect((screen.getByLabelText('常住人口') as HTMLInputElement).value).toBe('480000');
  fireEvent.change(screen.getByLabelText('名称'), { target: { value: '南浔区（新）' } });
  await save();
  expect((await screen.findByRole('alert')).textContent).toContain('该行政区划不在您的权限范围内');
  expect(requests).toEqual([{ method: 'PATCH', url: '/api/regions/330503', body: { name: '南浔区（新）' } }]);
});
