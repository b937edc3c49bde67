// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { indicatorSchemeBody, type IndicatorSchemeBody } from '@rectify/domain/campaign/schemas';
import { validateScheme } from '@rectify/domain/campaign/scheme';
import { SchemeEditor } from '../../src/console/pages/campaigns/components/SchemeEditor.tsx';
import { renderConsole } from './render.tsx';

afterEach(cleanup);

const SCALE = { kind: 'scale' as const };
const SCHEME: IndicatorSchemeBody = {
  name: '部门履职评议指标体系',
  indicators: [
    {
      key: 'A',
      name: '履职成效',
      weight: 40,
      children: [
        { key: 'A1', name: '重点任务完成情况', weight: 60, rule: SCALE },
        { key: 'A2', name: '问题整改成效', weight: 40, rule: SCALE },
      ],
    },
    { key: 'B', name: '服务质量', weight: 35, rule: SCALE },
    { key: 'C', name: '作风建设', weight: 25, rule: SCALE },
  ],
};

const weight = (key: string) => screen.getByLabelText(`指标 ${key} 权重`) as HTMLInputElement;
const setWeight = (key: string, value: string) => {
  fireEvent.change(weight(key), { target: { value } });
  fireEvent.blur(weight(key));
};
const level = (id: string) => screen.getByTestId(`level-${id}`);
const sum = (id: string) => screen.getByTestId(`level-${id}-sum`).textContent;
const saveButton = () => screen.getByTestId('scheme-save') as HTMLButtonElement;

test('a weight edit updates the level sum live and marks the level until it is back at 100', () => {
  renderConsole(<SchemeEditor initial={SCHEME} onSave={vi.fn()} />);
  expect(sum('root')).toBe('本级权重合计 100 / 100');
  expect(level('root').getAttribute('aria-invalid')).toBe('false');
  expect(saveButton().disabled).toBe(false);

  setWeight('C', '30');
  expect(sum('root')).toBe('本级权重合计 105 / 100');
  expect(level('root').getAttribute('aria-invalid')).toBe('true');
  expect(within(level('root')).getAllByText('本级指标权重之和应为 100，当前为 105').length).toBeGreaterThan(0);
  expect(screen.getByTestId('scheme-status').textContent).toContain('还有 1 处问题');
  expect(saveButton().disabled).toBe(true);
  // The nested level is untouched and stays valid.
  expect(level('0').getAttribute('aria-invalid')).toBe('false');

  setWeight('C', '25');
  expect(sum('root')).toBe('本级权重合计 100 / 100');
  expect(level('root').getAttribute('aria-invalid')).toBe('false');
  expect(saveButton().disabled).toBe(false);

  setWeight('A1', '50');
  expect(sum('0')).toBe('本级权重合计 90 / 100');
  expect(level('0').getAttribute('aria-invalid')).toBe('true');
  expect(level('root').getAttribute('aria-invalid')).toBe('false');
  setWeight('A2', '50');
  expect(level('0').getAttribute('aria-invalid')).toBe('false');
});

test('adding children builds a valid tree whose payload passes the domain schema', () => {
  const onSave = vi.fn();
  renderConsole(<SchemeEditor initial={SCHEME} onSave={onSave} />);

  // A leaf gets a first child: it becomes a parent (no rule of its own) and the new level holds 100.
  fireEvent.click(screen.getByRole('button', { name: '为指标 C 添加下级指标' }));
  expect(weight('C1').value).toBe('100.00');
  expect(sum('2')).toBe('本级权重合计 100 / 100');
  expect(within(screen.getByTestId('indicator-C')).getAllByText('由下级指标加权').length).toBe(1);

  // A third child of A takes what its level lacks (nothing): weight 0 is refused until the level is rebalanced.
  fireEvent.click(screen.getByRole('button', { name: '为指标 A 添加下级指标' }));
  expect(weight('A3').value).toBe('0.00');
  expect(within(screen.getByTestId('indicator-A3')).getByText('权重应大于 0 且不超过 100')).toBeTruthy();
  expect(saveButton().disabled).toBe(true);
  setWeight('A1', '50');
  setWeight('A3', '10');
  expect(sum('0')).toBe('本级权重合计 100 / 100');
  fireEvent.change(screen.getByLabelText('指标 A3 名称'), { target: { value: '群众获得感' } });
  expect(saveButton().disabled).toBe(false);

  fireEvent.click(saveButton());
  expect(onSave).toHaveBeenCalledOnce();
  const body = onSave.mock.calls[0]![0] as IndicatorSchemeBody;
  expect(indicatorSchemeBody.safeParse(body).success).toBe(true);
  expect(validateScheme(body)).toEqual([]);
  expect(body.indicators[0]!.children!.map((n) => [n.key, n.name, n.weight])).toEqual([
    ['A1', '重点任务完成情况', 50],
    ['A2', '问题整改成效', 40],
    ['A3', '群众获得感', 10],
  ]);
  const c = body.indicators[2]!;
  expect(c.rule).toBeUndefined();
  expect(c.children).toEqual([{ key: 'C1', name: '新指标', weight: 100, rule: { kind: 'scale' } }]);
});

test('removing the last child turns the parent back into a scored leaf; reordering keeps weights', () => {
  const onSave = vi.fn();
  renderConsole(<SchemeEditor initial={SCHEME} onSave={onSave} />);
  fireEvent.click(screen.getByRole('button', { name: '删除指标 A2' }));
  expect(level('0').getAttribute('aria-invalid')).toBe('true');
  fireEvent.click(screen.getByRole('button', { name: '删除指标 A1' }));
  expect(screen.queryByTestId('level-0')).toBeNull();
  const moveUp = within(screen.getByTestId('indicator-C')).getByRole('button', { name: '上移' });
  fireEvent.click(moveUp);
  fireEvent.click(saveButton());
  const body = onSave.mock.calls[0]![0] as IndicatorSchemeBody;
  expect(body.indicators.map((n) => [n.key, n.weight, n.rule?.kind])).toEqual([
    ['A', 40, 'scale'],
    ['C', 25, 'scale'],
    ['B', 35, 'scale'],
  ]);
  expect(indicatorSchemeBody.safeParse(body).success).toBe(true);
});
