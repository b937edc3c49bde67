import { expect, test } from 'vitest';
import type { MeView } from '@rectify/domain/schemas/auth';
import type { Role } from '@rectify/domain/roles';
import { followUpRights } from '../../src/console/pages/problems/lib/followUpAccess.ts';

const LEAD = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function me(role: Role, unitId: string | null = null): MeView {
  const unitScoped = role === 'unit_liaison' || role === 'unit_head';
  return {
    id: '33333333-3333-4333-8333-333333333333',
    username: role,
    displayName: role,
    unitId,
    regionCode: '330500',
    grants: [{ role, regionCode: unitScoped ? null : '330500', unitId: unitScoped ? unitId : null }],
    totpEnabled: false,
    mustChangePassword: false,
    separationOfDuties: false,
  } as MeView;
}

const open = { state: 'rectifying', leadUnitId: LEAD };
const closed = { state: 'closed', leadUnitId: LEAD };

test('each role gets exactly the follow-up buttons the server routes allow it', () => {
  const rights = (role: Role, unit: string | null = null, problem = open) => followUpRights(me(role, unit), problem);

  expect(rights('member')).toMatchObject({ suggest: true, answer: false, mechanism: false, policyItem: true });
  expect(rights('cppcc_staff')).toMatchObject({
    suggest: false,
    answer: false,
    mechanism: true,
    mechanismAsUnit: false,
    typicalCase: false,
    policyItem: true,
  });
  expect(rights('cppcc_staff', null, closed).typicalCase).toBe(true);
  // The lead unit answers and records its own mechanisms; another unit does neither.
  expect(rights('unit_liaison', LEAD)).toMatchObject({ answer: true, mechanism: true, mechanismAsUnit: true });
  expect(rights('unit_head', LEAD)).toMatchObject({ answer: true, mechanism: true });
  expect(rights('unit_liaison', OTHER)).toMatchObject({ answer: false, mechanism: false });
  for (const role of ['leader', 'supervisor', 'evaluator', 'admin'] as Role[]) {
    expect(rights(role), role).toEqual({
      suggest: false,
      answer: false,
      mechanism: false,
      mechanismAsUnit: true,
      typicalCase: false,
      policyItem: false,
    });
  }
  // A problem not yet assigned has no lead unit to answer for.
  expect(followUpRights(me('unit_liaison', LEAD), { state: 'submitted', leadUnitId: null }).answer).toBe(false);
});
