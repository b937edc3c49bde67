/**
 * The states of a problem (DESIGN §4). `disputed` is the one state the design implies but does not draw:
 * while a unit's objection to its assignment is pending nothing else may happen to the item.
 */
export const PROBLEM_STATES = [
  'draft',
  'listed',
  'rejected',
  'assigned',
  'disputed',
  'plan_review',
  'rectifying',
  'closure_review',
  'verifying',
  'closed',
] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];

/** Labels for messages and the UI; written once here. */
export const PROBLEM_STATE_LABELS: Record<ProblemState, string> = {
  draft: '待确认',
  listed: '已列入清单',
  rejected: '不予列入',
  assigned: '已交办',
  disputed: '责任异议中',
  plan_review: '方案审核中',
  rectifying: '整改中',
  closure_review: '销号审核中',
  verifying: '现场核查中',
  closed: '已销号',
};

/** States in which the item is someone's open work: deadlines, warnings and escalation apply. */
export const OPEN_STATES: readonly ProblemState[] = [
  'assigned',
  'disputed',
  'plan_review',
  'rectifying',
  'closure_review',
  'verifying',
];

export const CLOSURE_OUTCOMES = ['resolved', 'partly_resolved', 'long_term'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export const RATING_VALUES = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type RatingValue = (typeof RATING_VALUES)[number];

export const LOOKBACK_RESULTS = ['sustained', 'rebounded'] as const;
export type LookbackResult = (typeof LOOKBACK_RESULTS)[number];

export type EscalationLevel = 0 | 1 | 2 | 3;

/** The assignment (交办) in force: exactly one lead unit, optional co-units, a deadline as a local calendar date. */
export interface Assignment {
  leadUnitId: string;
  coUnitIds: string[];
  responsibleLeader: string;
  responsiblePerson: string;
  /** `YYYY-MM-DD` in the region's time zone: due by the end of that day. */
  deadline: string;
  assignedAt: Date;
  /** True once a unit has objected to this assignment (one objection per assignment). */
  disputed: boolean;
}

export interface PendingExtension {
  requestedDeadline: string;
  reason: string;
  requestedAt: Date;
}

/**
 * Everything the machine needs to know about a problem: the current state and the facts its guards and
 * the derived flags read. The database row is the source; the machine never sees other tables.
 */
export interface ProblemSnapshot {
  id: string;
  state: ProblemState;
  regionCode: string;
  campaignId: string | null;
  /** User id of the member who raised the problem, if a member did; their 不满意 sends it back for redo. */
  raisedBy: string | null;
  /** Clue ids linked to the problem; their reporters may rate the result. */
  linkedClueIds: string[];
  assignment: Assignment | null;
  /** Approved extension (`YYYY-MM-DD`), replacing `assignment.deadline` as the effective deadline. */
  extendedDeadline: string | null;
  pendingExtension: PendingExtension | null;
  /** Extensions granted. */
  extensions: number;
  /** Extension requests made (granted or not). */
  extensionRequests: number;
  planVersion: number;
  planApprovedAt: Date | null;
  /** When the item last entered `rectifying`; the progress-report clock starts here. */
  rectifyingSince: Date | null;
  lastProgressAt: Date | null;
  lastProgressPercent: number | null;
  escalation: EscalationLevel;
  instructions: number;
  closureRequestedAt: Date | null;
  closedAt: Date | null;
  outcome: ClosureOutcome | null;
  /** Raters (user ids or public reporter keys) who rated the closure in force. */
  raters: string[];
  lookbacks: number;
  /** Times a look-back found a rebound and reopened the item (counts against the unit). */
  reopened: number;
  /** Times the raising member's 不满意 sent the item back for redo. */
  redone: number;
}

/** A fresh problem as created by a member, staff or clue triage. */
export function newProblem(
  fields: Pick<ProblemSnapshot, 'id' | 'regionCode'> & Partial<ProblemSnapshot>,
): ProblemSnapshot {
  return {
    state: 'draft',
    campaignId: null,
    raisedBy: null,
    linkedClueIds: [],
    assignment: null,
    extendedDeadline: null,
    pendingExtension: null,
    extensions: 0,
    extensionRequests: 0,
    planVersion: 0,
    planApprovedAt: null,
    rectifyingSince: null,
    lastProgressAt: null,
    lastProgressPercent: null,
    escalation: 0,
    instructions: 0,
    closureRequestedAt: null,
    closedAt: null,
    outcome: null,
    raters: [],
    lookbacks: 0,
    reopened: 0,
    redone: 0,
    ...fields,
  };
}

/** The deadline in force: the approved extension if any, else the assignment's. */
export function effectiveDeadline(p: Pick<ProblemSnapshot, 'assignment' | 'extendedDeadline'>): string | null {
  return p.extendedDeadline ?? p.assignment?.deadline ?? null;
}
