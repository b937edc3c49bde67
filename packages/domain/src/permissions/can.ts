import type { Role } from '../roles.ts';
import { RULES, type Action } from './actions.ts';

/** A role granted on a region subtree (regionCode) or on one unit (unitId) — exactly one of the two. */
export interface RoleGrant {
  role: Role;
  regionCode: string | null;
  unitId: string | null;
}

/** Who is acting: the signed-in user (or API token owner) with their grants. */
export interface Actor {
  userId: string;
  username: string;
  unitId: string;
  regionCode: string;
  grants: RoleGrant[];
}

export interface PolicyOptions {
  /** 三员分立: system, security and audit administration held by different people. */
  separationOfDuties: boolean;
}

export function rolesAllowed(action: Action, options: PolicyOptions): readonly Role[] {
  const rule = RULES[action];
  return options.separationOfDuties ? (rule.separated ?? rule.roles) : rule.roles;
}

/** The actor's grants that carry `action`; their union is the actor's scope for that action. */
export function grantsFor(actor: Actor, action: Action, options: PolicyOptions): RoleGrant[] {
  const allowed = rolesAllowed(action, options);
  return actor.grants.filter((g) => allowed.includes(g.role));
}

export function can(actor: Actor, action: Action, options: PolicyOptions): boolean {
  return grantsFor(actor, action, options).length > 0;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role);
}
