import { addDays, DEFAULT_TIME_ZONE, localDate } from './calendar.ts';
import type { ProblemCommandInput, ProblemCommandType } from './commands.ts';
import type { Permit } from './scope.ts';
import { effectiveDeadline, type EscalationLevel, type ProblemSnapshot, type ProblemState } from './states.ts';

/** Settings a region or campaign may change; the defaults are DESIGN §4's. */
export interface MachineOptions {
  /** Zone in which deadlines (calendar dates) are read. */
  timeZone: string;
  /** A unit may dispute its assignment up to this many calendar days after the day of assignment. */
  disputeWindowDays: number;
  /** Extensions a unit may be granted per assignment. */
  maxExtensions: number;
}

export const DEFAULT_MACHINE_OPTIONS: MachineOptions = {
  timeZone: DEFAULT_TIME_ZONE,
  disputeWindowDays: 5,
  maxExtensions: 2,
};

/** A guard's refusal: a stable code for programs and a Chinese reason for people. */
export interface GuardFailure {
  code: string;
  message: string;
}

/** What a guard may read: the snapshot, who acts (as a key, for "already rated"), the clock and the settings. */
export interface StateContext {
  problem: ProblemSnapshot;
  now: Date;
  options: MachineOptions;
  /** `principalKey` of the actor. */
  actorKey: string;
  /** User id of the actor, null for the public. */
  actorId: string | null;
}

export interface CommandContext<K extends ProblemCommandType> extends StateContext {
  input: ProblemCommandInput<K>;
}

/** A guard that needs no input, so `allowedActions` can evaluate it before a form is filled. */
export type Precondition = (ctx: StateContext) => GuardFailure | null;
export type Guard<K extends ProblemCommandType> = (ctx: CommandContext<K>) => GuardFailure | null;

export const PROBLEM_EVENT_TYPES = [
  'problem.confirmed',
  'problem.rejected',
  'problem.assigned',
  'problem.disputed',
  'problem.dispute_decided',
  'problem.plan_submitted',
  'problem.plan_approved',
  'problem.plan_returned',
  'problem.progress_reported',
  'problem.extension_requested',
  'problem.extension_decided',
  'problem.urged',
  'problem.supervised',
  'problem.supervision_listed',
  'problem.instructed',
  'problem.closure_requested',
  'problem.closure_accepted',
  'problem.closure_returned',
  'problem.verified',
  'problem.verification_failed',
  'problem.rated',
  'problem.looked_back',
] as const;
export type ProblemEventType = (typeof PROBLEM_EVENT_TYPES)[number];

/** A target of a transition; `same` marks a self-loop that leaves the state as it was. */
export type TransitionTarget = ProblemState | 'same';

export interface Transition<K extends ProblemCommandType> {
  command: K;
  /** The button label. */
  label: string;
  from: readonly ProblemState[];
  /** Every state the transition may lead to; `apply` picks one (e.g. a look-back: sustained or rebounded). */
  targets: readonly TransitionTarget[];
  /** Who may fire it: any one permit suffices. */
  permits: readonly Permit[];
  preconditions: readonly Precondition[];
  guards: readonly Guard<K>[];
  event: ProblemEventType;
  /** The effect, run only after every check passed. `extra` goes into the event payload beside the input. */
  apply(ctx: CommandContext<K>): { next: ProblemSnapshot; extra?: Record<string, unknown> };
}

export type TransitionTable = { readonly [K in ProblemCommandType]: Transition<K> };

// ---- shared pieces -------------------------------------------------------------------------------------------

const fail = (code: string, message: string): GuardFailure => ({ code, message });
const today = (ctx: StateContext) => localDate(ctx.now, ctx.options.timeZone);

const STAFF: Permit = { role: 'cppcc_staff', scope: 'region' };
const LEADER: Permit = { role: 'leader', scope: 'region' };
const LEAD_UNIT: Permit[] = [
  { role: 'unit_liaison', scope: 'lead_unit' },
  { role: 'unit_head', scope: 'lead_unit' },
];
const ANY_RESPONSIBLE_UNIT: Permit[] = [
  { role: 'unit_liaison', scope: 'lead_or_co_unit' },
  { role: 'unit_head', scope: 'lead_or_co_unit' },
];
const INDEPENDENT_SUPERVISOR: Permit = { role: 'supervisor', scope: 'region_independent' };

/** States in which the item can be chased (催办/督办/挂牌); while disputed, who to chase is not settled yet. */
const CHASEABLE: ProblemState[] = ['assigned', 'plan_review', 'rectifying'];
/** Leaders may instruct on anything that has been accepted into the list. */
const INSTRUCTABLE: ProblemState[] = [
  'listed',
  'assigned',
  'disputed',
  'plan_review',
  'rectifying',
  'closure_review',
  'verifying',
  'closed',
];

function needsEvidence(code: string, message: string) {
  return (ctx: { input: { evidence: string[] } }) => (ctx.input.evidence.length === 0 ? fail(code, message) : null);
}

const noPendingExtension: Precondition = ({ problem }) =>
  problem.pendingExtension ? fail('extension_pending', '已有延期申请待审批，请等待审批结果') : null;

function escalate(problem: ProblemSnapshot, level: EscalationLevel): ProblemSnapshot {
  return { ...problem, escalation: Math.max(problem.escalation, level) as EscalationLevel };
}

/** Back to work: the progress clock restarts, any closure in force or in review is undone. */
function reopen(problem: ProblemSnapshot, now: Date): ProblemSnapshot {
  return {
    ...problem,
    state: 'rectifying',
    rectifyingSince: now,
    closureRequestedAt: null,
    closedAt: null,
    outcome: null,
    raters: [],
  };
}

// ---- the table -----------------------------------------------------------------------------------------------

/** The problem lifecycle (DESIGN §4): the only place where states, roles and effects meet. */
export const PROBLEM_TRANSITIONS: TransitionTable = {
  confirm: {
    command: 'confirm',
    label: '确认列入清单',
    from: ['draft'],
    targets: ['listed'],
    permits: [STAFF],
    preconditions: [],
    guards: [],
    event: 'problem.confirmed',
    apply: ({ problem }) => ({ next: { ...problem, state: 'listed' } }),
  },
  reject: {
    command: 'reject',
    label: '不予列入',
    from: ['draft'],
    targets: ['rejected'],
    permits: [STAFF],
    preconditions: [],
    guards: [],
    event: 'problem.rejected',
    apply: ({ problem }) => ({ next: { ...problem, state: 'rejected' } }),
  },
  assign: {
    command: 'assign',
    label: '交办',
    from: ['listed'],
    targets: ['assigned'],
    permits: [STAFF],
    preconditions: [],
    guards: [
      (ctx) =>
        ctx.input.deadline <= today(ctx) ? fail('deadline_not_future', `整改时限须晚于今天（${today(ctx)}）`) : null,
      ({ input }) =>
        input.coUnitIds.includes(input.leadUnitId) ? fail('lead_is_co_unit', '牵头单位不能同时作为协办单位') : null,
      ({ input }) =>
        new Set(input.coUnitIds).size !== input.coUnitIds.length ? fail('duplicate_co_unit', '协办单位有重复') : null,
    ],
    event: 'problem.assigned',
    // A new assignment starts a new account with the unit: its extension allowance and deadline start afresh.
    apply: ({ problem, input, now }) => ({
      next: {
        ...problem,
        state: 'assigned',
        assignment: { ...input, coUnitIds: [...input.coUnitIds], assignedAt: now, disputed: false },
        extendedDeadline: null,
        pendingExtension: null,
        extensions: 0,
        extensionRequests: 0,
      },
    }),
  },
  dispute: {
    command: 'dispute',
    label: '提出责任异议',
    from: ['assigned'],
    targets: ['disputed'],
    permits: ANY_RESPONSIBLE_UNIT,
    preconditions: [
      ({ problem }) =>
        problem.assignment?.disputed ? fail('already_disputed', '本次交办已提出过责任异议，不能重复提出') : null,
      (ctx) => {
        const a = ctx.problem.assignment;
        if (!a) return fail('not_assigned', '尚未交办');
        const last = addDays(localDate(a.assignedAt, ctx.options.timeZone), ctx.options.disputeWindowDays);
        return today(ctx) > last
          ? fail('dispute_window_closed', `责任异议须在交办后 ${ctx.options.disputeWindowDays} 日内（${last} 前）提出`)
          : null;
      },
    ],
    guards: [],
    event: 'problem.disputed',
    apply: ({ problem }) => ({
      next: {
        ...problem,
        state: 'disputed',
        assignment: problem.assignment && { ...problem.assignment, disputed: true },
      },
    }),
  },
  decide_dispute: {
    command: 'decide_dispute',
    label: '处理责任异议',
    from: ['disputed'],
    targets: ['listed', 'assigned'],
    permits: [STAFF],
    preconditions: [],
    guards: [],
    event: 'problem.dispute_decided',
    // Upheld: the assignment was wrong, so the item goes back to the list to be assigned again.
    apply: ({ problem, input }) => ({
      next:
        input.decision === 'uphold'
          ? { ...problem, state: 'listed', assignment: null, extendedDeadline: null, pendingExtension: null }
          : { ...problem, state: 'assigned' },
    }),
  },
  submit_plan: {
    command: 'submit_plan',
    label: '提交整改方案',
    from: ['assigned'],
    targets: ['plan_review'],
    permits: LEAD_UNIT,
    preconditions: [],
    guards: [
      ({ problem, input }) => {
        const deadline = effectiveDeadline(problem);
        return deadline !== null && input.deadline > deadline
          ? fail('plan_after_deadline', `方案完成时限不得晚于整改时限（${deadline}），如需延期请先申请延期`)
          : null;
      },
      ({ input }) => {
        const i = input.measures.findIndex((m) => m.due > input.deadline);
        return i >= 0 ? fail('measure_after_plan', `第 ${i + 1} 项措施的完成时间晚于方案完成时限`) : null;
      },
    ],
    event: 'problem.plan_submitted',
    apply: ({ problem }) => ({
      next: { ...problem, state: 'plan_review', planVersion: problem.planVersion + 1 },
      extra: { planVersion: problem.planVersion + 1 },
    }),
  },
  approve_plan: {
    command: 'approve_plan',
    label: '审核通过方案',
    from: ['plan_review'],
    targets: ['rectifying'],
    permits: [STAFF],
    preconditions: [],
    guards: [
      ({ input }) => {
        const failed = input.checklist.filter((c) => !c.ok).map((c) => c.item);
        return failed.length > 0
          ? fail('compliance_failed', `政策合规性审查未通过：${failed.join('、')}，请退回修改`)
          : null;
      },
    ],
    event: 'problem.plan_approved',
    apply: ({ problem, now }) => ({
      next: { ...problem, state: 'rectifying', planApprovedAt: now, rectifyingSince: now },
    }),
  },
  return_plan: {
    command: 'return_plan',
    label: '退回方案',
    from: ['plan_review'],
    targets: ['assigned'],
    permits: [STAFF],
    preconditions: [],
    guards: [],
    event: 'problem.plan_returned',
    apply: ({ problem }) => ({ next: { ...problem, state: 'assigned' } }),
  },
  report_progress: {
    command: 'report_progress',
    label: '报送进展',
    from: ['rectifying'],
    targets: ['same'],
    permits: ANY_RESPONSIBLE_UNIT,
    preconditions: [],
    guards: [
      ({ problem, input }) =>
        problem.lastProgressPercent !== null && input.percent < problem.lastProgressPercent
          ? fail('progress_backwards', `完成比例不能低于上次报送的 ${problem.lastProgressPercent}%`)
          : null,
    ],
    event: 'problem.progress_reported',
    apply: ({ problem, input, now }) => ({
      next: { ...problem, lastProgressAt: now, lastProgressPercent: input.percent },
    }),
  },
  request_extension: {
    command: 'request_extension',
    label: '申请延期',
    from: ['assigned', 'rectifying'],
    targets: ['same'],
    permits: LEAD_UNIT,
    preconditions: [
      noPendingExtension,
      ({ problem, options }) =>
        problem.extensions >= options.maxExtensions
          ? fail('extension_limit', `延期次数已达上限（${options.maxExtensions} 次）`)
          : null,
    ],
    guards: [
      ({ problem, input }) => {
        const deadline = effectiveDeadline(problem);
        return deadline !== null && input.requestedDeadline <= deadline
          ? fail('extension_not_later', `申请的时限须晚于现行整改时限（${deadline}）`)
          : null;
      },
    ],
    event: 'problem.extension_requested',
    apply: ({ problem, input, now }) => ({
      next: {
        ...problem,
        pendingExtension: { requestedDeadline: input.requestedDeadline, reason: input.reason, requestedAt: now },
        extensionRequests: problem.extensionRequests + 1,
      },
    }),
  },
  decide_extension: {
    command: 'decide_extension',
    label: '审批延期',
    from: ['assigned', 'rectifying'],
    targets: ['same'],
    permits: [STAFF],
    preconditions: [
      ({ problem }) => (problem.pendingExtension ? null : fail('no_pending_extension', '没有待审批的延期申请')),
    ],
    guards: [
      ({ problem, input }) => {
        const deadline = effectiveDeadline(problem);
        return input.decision === 'approve' &&
          input.deadline !== undefined &&
          deadline !== null &&
          input.deadline <= deadline
          ? fail('extension_not_later', `批准的时限须晚于现行整改时限（${deadline}）`)
          : null;
      },
    ],
    event: 'problem.extension_decided',
    apply: ({ problem, input }) => {
      if (input.decision === 'deny') return { next: { ...problem, pendingExtension: null } };
      const granted = input.deadline ?? problem.pendingExtension?.requestedDeadline ?? null;
      return {
        next: { ...problem, pendingExtension: null, extendedDeadline: granted, extensions: problem.extensions + 1 },
        extra: { grantedDeadline: granted },
      };
    },
  },
  urge: {
    command: 'urge',
    label: '催办',
    from: CHASEABLE,
    targets: ['same'],
    permits: [STAFF, LEADER],
    preconditions: [],
    guards: [],
    event: 'problem.urged',
    apply: ({ problem }) => ({ next: escalate(problem, 1) }),
  },
  supervise: {
    command: 'supervise',
    label: '督办',
    from: CHASEABLE,
    targets: ['same'],
    permits: [STAFF, LEADER],
    preconditions: [],
    guards: [],
    event: 'problem.supervised',
    apply: ({ problem }) => ({ next: escalate(problem, 2) }),
  },
  list_supervision: {
    command: 'list_supervision',
    label: '挂牌督办',
    from: CHASEABLE,
    targets: ['same'],
    permits: [LEADER],
    preconditions: [({ problem }) => (problem.escalation >= 3 ? fail('already_listed', '该问题已挂牌督办') : null)],
    guards: [],
    event: 'problem.supervision_listed',
    apply: ({ problem }) => ({ next: escalate(problem, 3) }),
  },
  instruct: {
    command: 'instruct',
    label: '批示',
    from: INSTRUCTABLE,
    targets: ['same'],
    permits: [LEADER],
    preconditions: [],
    guards: [],
    event: 'problem.instructed',
    apply: ({ problem }) => ({ next: { ...problem, instructions: problem.instructions + 1 } }),
  },
  request_closure: {
    command: 'request_closure',
    label: '申请销号',
    from: ['rectifying'],
    targets: ['closure_review'],
    permits: LEAD_UNIT,
    preconditions: [],
    guards: [needsEvidence('evidence_required', '申请销号须上传整改佐证材料')],
    event: 'problem.closure_requested',
    // A pending extension is moot once the unit says the work is done.
    apply: ({ problem, now }) => ({
      next: { ...problem, state: 'closure_review', closureRequestedAt: now, pendingExtension: null },
    }),
  },
  accept_closure: {
    command: 'accept_closure',
    label: '受理销号',
    from: ['closure_review'],
    targets: ['verifying'],
    permits: [STAFF],
    preconditions: [],
    guards: [],
    event: 'problem.closure_accepted',
    apply: ({ problem }) => ({ next: { ...problem, state: 'verifying' } }),
  },
  return_closure: {
    command: 'return_closure',
    label: '退回销号申请',
    from: ['closure_review'],
    targets: ['rectifying'],
    permits: [STAFF],
    preconditions: [],
    guards: [],
    event: 'problem.closure_returned',
    apply: ({ problem, now }) => ({ next: reopen(problem, now) }),
  },
  verify_pass: {
    command: 'verify_pass',
    label: '核查通过（销号）',
    from: ['verifying'],
    targets: ['closed'],
    permits: [INDEPENDENT_SUPERVISOR],
    preconditions: [],
    guards: [
      needsEvidence('evidence_required', '现场核查须上传照片等佐证材料'),
      ({ input }) =>
        input.outcome === 'long_term' && input.milestones.length === 0
          ? fail('milestones_required', '列入长期整改的，须填写阶段性里程碑')
          : null,
    ],
    event: 'problem.verified',
    apply: ({ problem, input, now }) => ({
      next: { ...problem, state: 'closed', closedAt: now, outcome: input.outcome, raters: [], pendingExtension: null },
    }),
  },
  verify_fail: {
    command: 'verify_fail',
    label: '核查不通过',
    from: ['verifying'],
    targets: ['rectifying'],
    permits: [INDEPENDENT_SUPERVISOR],
    preconditions: [],
    guards: [needsEvidence('evidence_required', '核查不通过须上传现场照片等佐证材料')],
    event: 'problem.verification_failed',
    apply: ({ problem, now }) => ({ next: reopen(problem, now) }),
  },
  rate: {
    command: 'rate',
    label: '评价',
    from: ['closed'],
    targets: ['same', 'rectifying'],
    permits: [
      { role: 'member', scope: 'region' },
      { role: 'evaluator', scope: 'region' },
      { role: 'public', scope: 'reporter' },
    ],
    preconditions: [
      ({ problem, actorKey }) =>
        problem.raters.includes(actorKey) ? fail('already_rated', '您已评价过本次整改结果') : null,
    ],
    guards: [],
    event: 'problem.rated',
    // The member who raised the problem knows best whether it is solved: their 不满意 sends it back (redo);
    // anyone else's is recorded and counts in the satisfaction rate.
    apply: ({ problem, input, now, actorKey, actorId }) => {
      const redo = input.value === 'dissatisfied' && actorId !== null && actorId === problem.raisedBy;
      if (redo) return { next: { ...reopen(problem, now), redone: problem.redone + 1 }, extra: { redo: true } };
      return { next: { ...problem, raters: [...problem.raters, actorKey] }, extra: { redo: false } };
    },
  },
  lookback: {
    command: 'lookback',
    label: '回头看',
    from: ['closed'],
    targets: ['same', 'rectifying'],
    permits: [INDEPENDENT_SUPERVISOR],
    preconditions: [],
    guards: [
      needsEvidence('evidence_required', '回头看须上传现场照片等佐证材料'),
      (ctx) => {
        if (ctx.input.result !== 'rebounded') return null;
        if (ctx.input.deadline === undefined) return fail('deadline_required', '问题反弹的，须设定重新整改的时限');
        return ctx.input.deadline <= today(ctx)
          ? fail('deadline_not_future', `整改时限须晚于今天（${today(ctx)}）`)
          : null;
      },
    ],
    event: 'problem.looked_back',
    // A rebound reopens the item against a new deadline (held as the deadline in force) and counts against the
    // unit through `reopened`; it is not an extension the unit asked for.
    apply: ({ problem, input, now }) =>
      input.result === 'sustained'
        ? { next: { ...problem, lookbacks: problem.lookbacks + 1 } }
        : {
            next: {
              ...reopen(problem, now),
              lookbacks: problem.lookbacks + 1,
              reopened: problem.reopened + 1,
              extendedDeadline: input.deadline ?? null,
            },
          },
  },
};
