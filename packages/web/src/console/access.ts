import { can, type Actor, type PolicyOptions } from '@rectify/domain/permissions/can';
import type { Action } from '@rectify/domain/permissions/actions';
import type { MeView } from '@rectify/domain/schemas/auth';

/**
 * What the signed-in user may see, computed once from their grants with the same rule table the server enforces
 * (packages/domain/src/permissions). The UI only hides what the server would refuse; the server still decides.
 */
export interface Access {
  signedIn: true;
  unitRead: boolean;
  unitManage: boolean;
  userRead: boolean;
  userManage: boolean;
  eventRead: boolean;
  auditRead: boolean;
  problemRead: boolean;
}
export type AccessFlag = keyof Access;

const FLAG_ACTIONS: Record<Exclude<AccessFlag, 'signedIn'>, Action> = {
  unitRead: 'unit.read',
  unitManage: 'unit.manage',
  userRead: 'user.read',
  userManage: 'user.manage',
  eventRead: 'event.read',
  auditRead: 'audit.read',
  problemRead: 'problem.read',
};

/** The server publishes its 三员分立 setting in `/api/auth/me`, so menus follow the policy the server enforces. */
export function computeAccess(me: MeView): Access {
  const options: PolicyOptions = { separationOfDuties: me.separationOfDuties };
  const actor: Actor = {
    userId: me.id,
    username: me.username,
    unitId: me.unitId,
    regionCode: me.regionCode,
    grants: me.grants,
  };
  const flags = Object.fromEntries(
    Object.entries(FLAG_ACTIONS).map(([flag, action]) => [flag, can(actor, action, options)]),
  ) as Omit<Access, 'signedIn'>;
  return { signedIn: true, ...flags };
}
