import type { Actor, RoleGrant } from '../permissions/can.ts';
import { isInRegion } from '../regions.ts';
import type { Role } from '../roles.ts';
import type { ProblemSnapshot } from './states.ts';

/**
 * A member of the public acting through the portal. The server establishes who they are (a light account or a
 * tracking code); `clueIds` are the clues they reported, which is what entitles them to rate a problem.
 */
export interface PublicReporter {
  kind: 'public';
  reporterKey: string;
  clueIds: string[];
}

export type Principal = Actor | PublicReporter;
export type PrincipalRole = Role | 'public';

/**
 * How an actor's grant must relate to the problem:
 * - `region`: a grant of the role on a region subtree containing the problem's region (staff, leaders, members…);
 * - `region_independent`: as `region`, and the actor's own unit is neither the lead unit nor a co-unit
 *   (回避: nobody verifies their own unit's work);
 * - `lead_unit`: a grant of the role on the lead unit itself;
 * - `lead_or_co_unit`: a grant of the role on the lead unit or on a co-unit;
 * - `reporter`: a member of the public who reported a clue linked to the problem.
 */
export const SCOPE_RELATIONS = ['region', 'region_independent', 'lead_unit', 'lead_or_co_unit', 'reporter'] as const;
export type ScopeRelation = (typeof SCOPE_RELATIONS)[number];

export interface Permit {
  role: PrincipalRole;
  scope: ScopeRelation;
}

export function isPublic(p: Principal): p is PublicReporter {
  return 'kind' in p && p.kind === 'public';
}

/** A stable key for "who": user id, or the public reporter's key (used to refuse double ratings). */
export function principalKey(p: Principal): string {
  return isPublic(p) ? `public:${p.reporterKey}` : p.userId;
}

function grantCovers(g: RoleGrant, problem: ProblemSnapshot, scope: ScopeRelation): boolean {
  const a = problem.assignment;
  switch (scope) {
    case 'region':
    case 'region_independent':
      return g.regionCode !== null && isInRegion(problem.regionCode, g.regionCode);
    case 'lead_unit':
      return a !== null && g.unitId !== null && g.unitId === a.leadUnitId;
    case 'lead_or_co_unit':
      return a !== null && g.unitId !== null && (g.unitId === a.leadUnitId || a.coUnitIds.includes(g.unitId));
    case 'reporter':
      return false;
  }
}

function isFromResponsibleUnit(actor: Actor, problem: ProblemSnapshot): boolean {
  const a = problem.assignment;
  return a !== null && (actor.unitId === a.leadUnitId || a.coUnitIds.includes(actor.unitId));
}

/** True when the principal holds `permit` on this problem. */
export function satisfies(principal: Principal, permit: Permit, problem: ProblemSnapshot): boolean {
  if (isPublic(principal)) {
    return (
      permit.role === 'public' &&
      permit.scope === 'reporter' &&
      principal.clueIds.some((id) => problem.linkedClueIds.includes(id))
    );
  }
  if (permit.role === 'public') return false;
  if (permit.scope === 'region_independent' && isFromResponsibleUnit(principal, problem)) return false;
  return principal.grants.some((g) => g.role === permit.role && grantCovers(g, problem, permit.scope));
}

/** The first permit the principal holds, or null; the permit used is recorded in the event. */
export function permitHeld(principal: Principal, permits: readonly Permit[], problem: ProblemSnapshot): Permit | null {
  return permits.find((p) => satisfies(principal, p, problem)) ?? null;
}
