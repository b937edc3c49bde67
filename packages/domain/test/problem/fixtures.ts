import type { z } from 'zod';
import type { Actor, RoleGrant } from '../../src/permissions/can.ts';
import { PROBLEM_COMMAND_PAYLOADS, type ProblemCommand, type ProblemCommandType } from '../../src/problem/commands.ts';
import type { PublicReporter } from '../../src/problem/scope.ts';
import { newProblem, type ProblemSnapshot, type ProblemState } from '../../src/problem/states.ts';
import type { Role } from '../../src/roles.ts';

export const REGION = '110105'; // 北京市朝阳区
export const CITY = '110000';
export const ELSEWHERE = '310000';
export const LEAD = '00000000-0000-4000-8000-00000000000a';
export const CO = '00000000-0000-4000-8000-00000000000b';
export const OTHER = '00000000-0000-4000-8000-00000000000c';
export const RAISER = 'u-raiser';
export const CLUE = 'clue-1';
const HASH = 'a'.repeat(64);

/** 2025-06-10 10:00 in Beijing. */
export const NOW = new Date('2025-06-10T02:00:00Z');

/** A consistent snapshot in each state, as the lifecycle would have left it. */
export function problemIn(state: ProblemState, patch: Partial<ProblemSnapshot> = {}): ProblemSnapshot {
  const p = newProblem({ id: 'p-1', regionCode: REGION, raisedBy: RAISER, linkedClueIds: [CLUE], state });
  const assigned = !['draft', 'listed', 'rejected'].includes(state);
  if (assigned) {
    p.assignment = {
      leadUnitId: LEAD,
      coUnitIds: [CO],
      responsibleLeader: '王副区长',
      responsiblePerson: '李科长',
      deadline: '2025-09-30',
      assignedAt: new Date('2025-06-08T02:00:00Z'),
      disputed: state === 'disputed',
    };
  }
  if (['rectifying', 'closure_review', 'verifying', 'closed'].includes(state)) {
    p.planVersion = 1;
    p.planApprovedAt = new Date('2025-06-09T02:00:00Z');
    p.rectifyingSince = p.planApprovedAt;
  }
  if (state === 'plan_review') p.planVersion = 1;
  if (['closure_review', 'verifying', 'closed'].includes(state))
    p.closureRequestedAt = new Date('2025-06-09T05:00:00Z');
  if (state === 'closed') {
    p.closedAt = new Date('2025-06-09T08:00:00Z');
    p.outcome = 'resolved';
  }
  return { ...p, ...patch };
}

/** What a command needs beyond its from-state to pass its preconditions. */
export const SETUP: Partial<Record<ProblemCommandType, (p: ProblemSnapshot) => ProblemSnapshot>> = {
  decide_extension: (p) => ({
    ...p,
    pendingExtension: { requestedDeadline: '2025-10-31', reason: '雨季施工受限', requestedAt: NOW },
    extensionRequests: 1,
  }),
};

/** A valid request body per command; parsed with the real schemas so the fixtures test them too. */
export const VALID_BODY: { [K in ProblemCommandType]: z.input<(typeof PROBLEM_COMMAND_PAYLOADS)[K]> } = {
  confirm: {},
  reject: { reason: '不属于本次评议范围' },
  assign: {
    leadUnitId: LEAD,
    coUnitIds: [CO],
    responsibleLeader: '王副区长',
    responsiblePerson: '李科长',
    deadline: '2025-09-30',
  },
  dispute: { reason: '该事项属于市级部门职责' },
  decide_dispute: { decision: 'dismiss', reason: '职责清单明确属于该单位' },
  submit_plan: {
    goal: '三个月内完成老旧管网改造',
    rootCause: '管网老化，维护经费不足',
    measures: [{ text: '更换主管道', owner: '张工', due: '2025-08-31' }],
    deadline: '2025-09-15',
    funds: 120,
  },
  approve_plan: { checklist: [{ item: '符合法律法规', ok: true }] },
  return_plan: { comments: '措施不够具体' },
  report_progress: { period: '2025-W24', percent: 30, done: '完成勘察', nextSteps: '开始施工', evidence: [HASH] },
  request_extension: { requestedDeadline: '2025-10-31', reason: '雨季施工受限' },
  decide_extension: { decision: 'approve' },
  urge: { note: '请加快进度' },
  supervise: { note: '列入督办' },
  list_supervision: { note: '区委挂牌督办' },
  instruct: { text: '请务必在汛期前完成' },
  request_closure: { summary: '已完成改造', proposedOutcome: 'resolved', evidence: [HASH] },
  accept_closure: {},
  return_closure: { comments: '佐证不足' },
  verify_pass: { outcome: 'resolved', notes: '现场核查属实', evidence: [HASH] },
  verify_fail: { notes: '现场仍有积水', evidence: [HASH] },
  rate: { value: 'satisfied' },
  lookback: { result: 'sustained', notes: '未见反弹', evidence: [HASH] },
};

export function command<K extends ProblemCommandType>(
  type: K,
  body: Partial<z.input<(typeof PROBLEM_COMMAND_PAYLOADS)[K]>> = {},
): ProblemCommand {
  const input = PROBLEM_COMMAND_PAYLOADS[type].parse({ ...VALID_BODY[type], ...body });
  return { type, input } as ProblemCommand;
}

let seq = 0;
export function actor(unitId: string, grants: Omit<RoleGrant, never>[]): Actor {
  seq += 1;
  return { userId: `u-${seq}`, username: `user${seq}`, unitId, regionCode: REGION, grants };
}
export const regionGrant = (role: Role, regionCode = CITY): RoleGrant => ({ role, regionCode, unitId: null });
export const unitGrant = (role: Role, unitId: string): RoleGrant => ({ role, regionCode: null, unitId });

export const reporter = (clueIds = [CLUE]): PublicReporter => ({ kind: 'public', reporterKey: 'r-138', clueIds });
