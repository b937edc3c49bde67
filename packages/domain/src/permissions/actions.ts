import type { Role } from '../roles.ts';

/** Every action a permission rule can name. Problem-lifecycle transitions are authorised by the state machine. */
export const ACTIONS = [
  'region.read',
  'region.manage',
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'event.read',
  'config.manage',
  'problem.read',
  'problem.create',
  'problem.publish',
  'clue.read',
  'clue.create',
  'clue.moderate',
  'clue.contact.read',
  'clue.import',
  'campaign.read',
  'campaign.manage',
  'campaign.score',
  'campaign.research',
  'analytics.read',
  'analytics.manage',
  'settings.read',
  'settings.manage',
  'bulletin.read',
  'bulletin.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const BUSINESS_ROLES: Role[] = [
  'cppcc_staff',
  'member',
  'supervisor',
  'leader',
  'unit_liaison',
  'unit_head',
  'evaluator',
];
const EVERYONE: Role[] = ['admin', 'security_admin', 'audit_admin', ...BUSINESS_ROLES];

interface Rule {
  /** Roles allowed when duties are not separated (the usual small deployment). */
  roles: Role[];
  /** Roles allowed under 三员分立; defaults to `roles`. */
  separated?: Role[];
}

/** One line per action: who may do it. The only place where roles meet actions. */
export const RULES: Record<Action, Rule> = {
  'region.read': { roles: EVERYONE },
  'region.manage': { roles: ['admin'] },
  'unit.read': { roles: EVERYONE },
  'unit.manage': { roles: ['admin'] },
  'user.read': {
    roles: ['admin', 'security_admin', 'cppcc_staff', 'leader', 'unit_head'],
    separated: ['security_admin', 'cppcc_staff', 'leader', 'unit_head'],
  },
  'user.manage': { roles: ['admin', 'security_admin'], separated: ['security_admin'] },
  'audit.read': { roles: ['admin', 'audit_admin'], separated: ['audit_admin'] },
  'event.read': { roles: ['admin', 'audit_admin', ...BUSINESS_ROLES], separated: ['audit_admin', ...BUSINESS_ROLES] },
  'config.manage': { roles: ['admin'] },
  // Lifecycle steps on a problem are authorised by the state machine (problem/transitions.ts), not here.
  'problem.read': { roles: BUSINESS_ROLES },
  'problem.create': { roles: ['cppcc_staff', 'member'] },
  'campaign.read': { roles: BUSINESS_ROLES },
  'campaign.manage': { roles: ['cppcc_staff'] },
  // Members and evaluators score for themselves; staff enter the public survey's results.
  'campaign.score': { roles: ['member', 'evaluator', 'cppcc_staff'] },
  'campaign.research': { roles: ['member', 'cppcc_staff'] },
  'problem.publish': { roles: ['cppcc_staff'] },
  // Triage steps on a clue are authorised by the clue machine (clue/machine.ts); these cover the rest.
  'clue.read': { roles: ['cppcc_staff', 'leader', 'unit_liaison', 'unit_head'] },
  'clue.create': { roles: ['cppcc_staff', 'member'] },
  'clue.moderate': { roles: ['cppcc_staff'] },
  // Reporter contact details: only those who answer the reporter; every read is audited.
  'clue.contact.read': { roles: ['cppcc_staff', 'unit_liaison', 'unit_head'] },
  'clue.import': { roles: ['cppcc_staff'] },
  // Hot topics and opinion alerts: those who act on public opinion; acknowledging an alert is staff work.
  'analytics.read': { roles: ['cppcc_staff', 'leader', 'member'] },
  'analytics.manage': { roles: ['cppcc_staff'] },
  // Region settings (targets, weights, windows, routing, templates) are business work: staff under 三员分立.
  'settings.read': { roles: ['admin', 'cppcc_staff', 'leader'] },
  'settings.manage': { roles: ['admin', 'cppcc_staff'], separated: ['cppcc_staff'] },
  // Bulletins (通报/公告) to the portal: staff write and publish them (the admin too unless 三员分立 is on).
  'bulletin.read': { roles: ['admin', 'cppcc_staff'], separated: ['cppcc_staff'] },
  'bulletin.manage': { roles: ['admin', 'cppcc_staff'], separated: ['cppcc_staff'] },
};
