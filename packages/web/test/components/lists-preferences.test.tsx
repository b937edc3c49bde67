// @vitest-environment happy-dom
import { beforeEach, expect, test } from 'vitest';
import type { MeView } from '@rectify/domain/schemas/auth';
import { computeAccess } from '../../src/console/access.ts';
import { bulkCommandsFor, rowsAllow, runPerRow } from '../../src/console/pages/lists/bulk.ts';
import {
  chooseColumns,
  chosenColumns,
  deleteFilter,
  saveFilter,
  savedFilters,
} from '../../src/console/pages/lists/preferences.ts';

beforeEach(() => localStorage.clear());

test('saved filters are per user and per list; a name is replaced, not duplicated; delete removes one', () => {
  saveFilter('u1', { name: '红灯逾期', list: 'problems', query: 'warning=red&overdue=true' });
  saveFilter('u1', { name: '红灯逾期', list: 'problems', query: 'warning=red' });
  saveFilter('u1', { name: '督办', list: 'responsibility', query: 'escalation=2' });
  expect(savedFilters('u1', 'problems')).toEqual([{ name: '红灯逾期', list: 'problems', query: 'warning=red' }]);
  expect(savedFilters('u2', 'problems')).toEqual([]);
  expect(deleteFilter('u1', 'problems', '红灯逾期')).toEqual([]);
  expect(savedFilters('u1', 'responsibility')).toHaveLength(1);
});

test('broken stored values read as nothing saved', () => {
  localStorage.setItem('rectify.lists.saved.u1', '{not json');
  expect(savedFilters('u1', 'problems')).toEqual([]);
  localStorage.setItem('rectify.lists.saved.u1', JSON.stringify([{ name: 1 }]));
  expect(savedFilters('u1', 'problems')).toEqual([]);
});

test('column choice is kept per user and list, restricted to known columns', () => {
  const known = ['title', 'state', 'warning'] as const;
  expect(chosenColumns('u1', 'problems', known)).toBeNull();
  chooseColumns('u1', 'problems', ['title', 'warning', 'gone']);
  expect(chosenColumns('u1', 'problems', known)).toEqual(['title', 'warning']);
  expect(chosenColumns('u1', 'rectification', known)).toBeNull();
});

const me = (role: MeView['grants'][number]['role']): MeView => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: role,
  displayName: role,
  unitId: '00000000-0000-4000-8000-000000000002',
  regionCode: '330500',
  grants: [{ role, regionCode: '330500', unitId: null }],
  totpEnabled: false,
  mustChangePassword: false,
  separationOfDuties: false,
});

test('bulk commands follow the state machine: who may fire them and from which states', () => {
  expect(bulkCommandsFor(me('cppcc_staff'))).toEqual(['urge', 'supervise']);
  expect(bulkCommandsFor(me('leader'))).toEqual(['urge', 'supervise', 'list_supervision']);
  expect(bulkCommandsFor(me('unit_liaison'))).toEqual([]);
  expect(rowsAllow('urge', [{ state: 'assigned' }, { state: 'rectifying' }])).toBe(true);
  expect(rowsAllow('urge', [{ state: 'assigned' }, { state: 'closed' }])).toBe(false);
  expect(rowsAllow('urge', [])).toBe(false);
});

test('a bulk run reports every row, and one failure does not stop the rest', async () => {
  const rows = [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B' },
    { id: 'c', title: 'C' },
  ];
  const outcomes = await runPerRow(
    rows,
    async (row) => {
      if (row.id === 'b') throw new Error('已被他人修改');
    },
    (err) => (err as Error).message,
  );
  expect(outcomes).toEqual([
    { id: 'a', title: 'A', ok: true },
    { id: 'b', title: 'B', ok: false, message: '已被他人修改' },
    { id: 'c', title: 'C', ok: true },
  ]);
});

test('task pages follow the state machine: units get 我的任务, supervisors 核查任务, admins neither nor the lists', () => {
  const flags = (role: MeView['grants'][number]['role']) => {
    const { unitTasks, verificationTasks, problemRead, problemPublish } = computeAccess(me(role));
    return { unitTasks, verificationTasks, problemRead, problemPublish };
  };
  expect(flags('unit_liaison')).toEqual({
    unitTasks: true,
    verificationTasks: false,
    problemRead: true,
    problemPublish: false,
  });
  expect(flags('unit_head')).toMatchObject({ unitTasks: true, verificationTasks: false });
  expect(flags('supervisor')).toEqual({
    unitTasks: false,
    verificationTasks: true,
    problemRead: true,
    problemPublish: false,
  });
  expect(flags('cppcc_staff')).toEqual({
    unitTasks: false,
    verificationTasks: false,
    problemRead: true,
    problemPublish: true,
  });
  expect(flags('admin')).toEqual({
    unitTasks: false,
    verificationTasks: false,
    problemRead: false,
    problemPublish: false,
  });
});
