import { can, type Actor, type PolicyOptions } from '@rectify/domain/permissions/can';
import type { Action } from '@rectify/domain/permissions/actions';
import type { MeView } from '@rectify/domain/schemas/auth';
import type { ProblemCommandType } from '@rectify/domain/problem/commands';
import { PROBLEM_TRANSITIONS } from '@rectify/domain/problem/transitions';

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
  clueRead: boolean;
  clueModerate: boolean;
  clueContactRead: boolean;
  analyticsRead: boolean;
  analyticsManage: boolean;
  campaignRead: boolean;
  campaignManage: boolean;
  campaignScore: boolean;
  campaignResearch: boolean;
  problemPublish: boolean;
  unitTasks: boolean;
  verificationTasks: boolean;
  regionManage: boolean;
  settingsRead: boolean;
  settingsManage: boolean;
  bulletinRead: boolean;
  bulletinManage: boolean;
}
export type AccessFlag = keyof Access;

/**
 * Flags for work that the problem state machine authorises rather than the rule table: true when one of the user's
 * grants has a role that holds a permit of the command (its scope is still checked per problem by the server).
 */
const FLAG_COMMANDS = {
  unitTasks: 'submit_plan',
  verificationTasks: 'verify_pass',
} as const satisfies Record<string, ProblemCommandType>;

/** Whether any of the user's roles may fire `command` on some problem (which ones: `allowedActions` per problem). */
export function holdsCommandRole(me: MeView, command: ProblemCommandType): boolean {
  const roles = PROBLEM_TRANSITIONS[command].permits.map((p) => p.role);
  return me.grants.some((g) => roles.includes(g.role));
}

const FLAG_ACTIONS: Record<Exclude<AccessFlag, 'signedIn' | keyof typeof FLAG_COMMANDS>, Action> = {
  unitRead: 'unit.read',
  unitManage: 'unit.manage',
  userRead: 'user.read',
  userManage: 'user.manage',
  eventRead: 'event.read',
  auditRead: 'audit.read',
  problemRead: 'problem.read',
  clueRead: 'clue.read',
  clueModerate: 'clue.moderate',
  clueContactRead: 'clue.contact.read',
  analyticsRead: 'analytics.read',
  analyticsManage: 'analytics.manage',
  campaignRead: 'campaign.read',
  campaignManage: 'campaign.manage',
  campaignScore: 'campaign.score',
  campaignResearch: 'campaign.research',
  problemPublish: 'problem.publish',
  regionManage: 'region.manage',
  settingsRead: 'settings.read',
  settingsManage: 'settings.manage',
  bulletinRead: 'bulletin.read',
  bulletinManage: 'bulletin.manage',
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
  ) as Omit<Access, 'signedIn' | keyof typeof FLAG_COMMANDS>;
  const commandFlags = Object.fromEntries(
    Object.entries(FLAG_COMMANDS).map(([flag, command]) => [flag, holdsCommandRole(me, command)]),
  ) as Record<keyof typeof FLAG_COMMANDS, boolean>;
  return { signedIn: true, ...flags, ...commandFlags };
}
