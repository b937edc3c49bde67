import { describe, expect, test } from 'vitest';
import type { MeView } from '@rectify/domain/schemas/auth';
import { computeAccess } from '../../src/console/access.ts';
import { routes } from '../../src/console/routes.ts';

const me = (grants: MeView['grants'], separationOfDuties = false): MeView => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'someone',
  displayName: 'Someone',
  unitId: '00000000-0000-4000-8000-000000000002',
  regionCode: '330500',
  grants,
  totpEnabled: false,
  mustChangePassword: false,
  separationOfDuties,
});

const visiblePaths = (m: MeView) => {
  const access = computeAccess(m);
  return routes.filter((r) => access[r.access]).map((r) => r.path);
};

describe('console access flags follow the domain rule table', () => {
  test('admin sees every page', () => {
    expect(visiblePaths(me([{ role: 'admin', regionCode: '330500', unitId: null }]))).toEqual([
      '/',
      '/units',
      '/users',
      '/admin/regions',
      '/admin/settings',
      '/bulletins',
      '/events',
      '/audit',
    ]);
  });

  test('region settings: staff and admin edit, a leader reads, others see neither; only the admin manages regions', () => {
    const flags = (role: MeView['grants'][number]['role'], separated = false) => {
      const { settingsRead, settingsManage, regionManage } = computeAccess(
        me([{ role, regionCode: '330500', unitId: null }], separated),
      );
      return { settingsRead, settingsManage, regionManage };
    };
    expect(flags('admin')).toEqual({ settingsRead: true, settingsManage: true, regionManage: true });
    expect(flags('cppcc_staff')).toEqual({ settingsRead: true, settingsManage: true, regionManage: false });
    expect(flags('leader')).toEqual({ settingsRead: true, settingsManage: false, regionManage: false });
    for (const role of ['member', 'supervisor', 'evaluator', 'security_admin', 'audit_admin'] as const)
      expect(flags(role), role).toEqual({ settingsRead: false, settingsManage: false, regionManage: false });
    // Under 三员分立 business settings are staff work: the admin still reads them but no longer edits them.
    expect(flags('admin', true)).toMatchObject({ settingsManage: false });
    expect(flags('cppcc_staff', true)).toMatchObject({ settingsManage: true });
  });

  test('a unit liaison sees its work (tasks, lists, events) and no administration', () => {
    const liaison = me([{ role: 'unit_liaison', regionCode: null, unitId: '00000000-0000-4000-8000-000000000002' }]);
    const paths = visiblePaths(liaison);
    expect(paths).toEqual(expect.arrayContaining(['/', '/events', '/tasks/unit', '/lists/problems']));
    for (const hidden of ['/units', '/users', '/audit', '/tasks/verification']) expect(paths).not.toContain(hidden);
  });

  test('with separation of duties an admin no longer manages users or reads the audit log', () => {
    const access = computeAccess(me([{ role: 'admin', regionCode: '330500', unitId: null }], true));
    expect(access).toMatchObject({ unitManage: true, userManage: false, auditRead: false });
  });
});
