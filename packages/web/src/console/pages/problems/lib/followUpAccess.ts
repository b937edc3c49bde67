import type { MeView } from '@rectify/domain/schemas/auth';
import type { Role } from '@rectify/domain/roles';

/**
 * Who may do the follow-up work on a problem, as the server's routes decide it (packages/server/src/features/
 * follow-up and cases): the page shows a button only to those; the server still checks.
 */
interface ProblemLike {
  state: string;
  leadUnitId: string | null;
}

const holds = (me: MeView, role: Role) => me.grants.some((g) => g.role === role);
const isLeadUnit = (me: MeView, p: ProblemLike) =>
  p.leadUnitId !== null &&
  me.grants.some((g) => (g.role === 'unit_liaison' || g.role === 'unit_head') && g.unitId === p.leadUnitId);

export interface FollowUpRights {
  /** 提出意见建议: members. */
  suggest: boolean;
  /** 答复意见建议: the lead unit's liaison or head. */
  answer: boolean;
  /** 登记长效机制: staff, or the lead unit (the mechanism is recorded as the unit's). */
  mechanism: boolean;
  /** The mechanism is recorded for the lead unit (a unit user), not by staff for the region. */
  mechanismAsUnit: boolean;
  /** 典型案例: staff, from a closed problem. */
  typicalCase: boolean;
  /** 政策优化事项: members and staff. */
  policyItem: boolean;
}

export function followUpRights(me: MeView, problem: ProblemLike): FollowUpRights {
  const staff = holds(me, 'cppcc_staff');
  const unit = isLeadUnit(me, problem);
  return {
    suggest: holds(me, 'member'),
    answer: unit,
    mechanism: staff || me.grants.some((g) => g.unitId !== null && g.unitId === problem.leadUnitId),
    mechanismAsUnit: !staff,
    typicalCase: staff && problem.state === 'closed',
    policyItem: staff || holds(me, 'member'),
  };
}

/** States a problem cannot be published from (the server refuses them). */
export const UNPUBLISHABLE_STATES: readonly string[] = ['draft', 'rejected'];
