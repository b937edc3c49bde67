import { addDays, daysBetween, DEFAULT_TIME_ZONE, localDate } from './calendar.ts';
import { effectiveDeadline, OPEN_STATES, type EscalationLevel, type ProblemSnapshot } from './states.ts';

export type WarningLight = 'green' | 'yellow' | 'red';
export type WarningReason = 'overdue' | 'deadline_near' | 'progress_late' | 'plan_overdue';

export const WARNING_REASON_LABELS: Record<WarningReason, string> = {
  overdue: '已超期',
  deadline_near: '临近整改时限',
  progress_late: '进展报告逾期',
  plan_overdue: '整改方案逾期未报',
};

export interface WarningOptions {
  timeZone: string;
  /** Yellow when the deadline is at most this many calendar days away. */
  yellowDays: number;
  /** A progress report is due this many days after entering rectification or after the last report. */
  progressCadenceDays: number;
  /** A plan is due this many days after assignment. */
  planDueDays: number;
}

export const DEFAULT_WARNING_OPTIONS: WarningOptions = {
  timeZone: DEFAULT_TIME_ZONE,
  yellowDays: 7,
  progressCadenceDays: 7,
  planDueDays: 15,
};

export interface ProblemFlags {
  /** Null when the item is not open work (draft, listed, rejected, closed). */
  warning: WarningLight | null;
  reasons: WarningReason[];
  /** The deadline in force (`YYYY-MM-DD`), extension included. */
  deadline: string | null;
  /** Calendar days until the deadline (0 on the day itself, negative once passed); null without a deadline. */
  daysLeft: number | null;
  /** Calendar days past the deadline, 0 when not overdue. */
  overdueDays: number;
  planDueDate: string | null;
  planOverdue: boolean;
  nextProgressDue: string | null;
  progressLate: boolean;
  escalation: EscalationLevel;
  extensions: number;
  reopened: number;
}

/**
 * The flags shown beside the state (DESIGN §4), derived from the snapshot and the clock, never stored by hand.
 * All dates are calendar days in the region's zone: a deadline of 06-30 is overdue from 07-01 00:00 local time.
 *
 * - red: the deadline in force has passed. Not while the closure the unit requested on time is under review or
 *   verification: the wait is then on the staff, not on the unit.
 * - yellow: deadline within `yellowDays`; or no progress report for `progressCadenceDays` while rectifying
 *   (the report is due on base + cadence and late from the day after); or no plan submitted `planDueDays`
 *   after assignment (late from the day after the due day; a returned plan puts the item back to `assigned`,
 *   so the clock from the assignment keeps running).
 * - green otherwise.
 */
export function problemFlags(problem: ProblemSnapshot, now: Date, options: Partial<WarningOptions> = {}): ProblemFlags {
  const o = { ...DEFAULT_WARNING_OPTIONS, ...options };
  const today = localDate(now, o.timeZone);
  const deadline = effectiveDeadline(problem);
  const open = OPEN_STATES.includes(problem.state);
  const daysLeft = deadline === null ? null : daysBetween(today, deadline);

  const waitingOnStaff =
    (problem.state === 'closure_review' || problem.state === 'verifying') &&
    problem.closureRequestedAt !== null &&
    deadline !== null &&
    localDate(problem.closureRequestedAt, o.timeZone) <= deadline;
  const overdue = open && daysLeft !== null && daysLeft < 0 && !waitingOnStaff;

  const planDueDate = problem.assignment
    ? addDays(localDate(problem.assignment.assignedAt, o.timeZone), o.planDueDays)
    : null;
  const planOverdue = problem.state === 'assigned' && planDueDate !== null && today > planDueDate;

  let nextProgressDue: string | null = null;
  if (problem.state === 'rectifying' && problem.rectifyingSince) {
    const base =
      problem.lastProgressAt && problem.lastProgressAt > problem.rectifyingSince
        ? problem.lastProgressAt
        : problem.rectifyingSince;
    nextProgressDue = addDays(localDate(base, o.timeZone), o.progressCadenceDays);
  }
  const progressLate = nextProgressDue !== null && today > nextProgressDue;

  const reasons: WarningReason[] = [];
  if (open) {
    if (overdue) reasons.push('overdue');
    else if (daysLeft !== null && daysLeft >= 0 && daysLeft <= o.yellowDays && !waitingOnStaff)
      reasons.push('deadline_near');
    if (progressLate) reasons.push('progress_late');
    if (planOverdue) reasons.push('plan_overdue');
  }
  const warning: WarningLight | null = !open ? null : overdue ? 'red' : reasons.length > 0 ? 'yellow' : 'green';

  return {
    warning,
    reasons,
    deadline,
    daysLeft,
    overdueDays: overdue && daysLeft !== null ? -daysLeft : 0,
    planDueDate,
    planOverdue,
    nextProgressDue,
    progressLate,
    escalation: problem.escalation,
    extensions: problem.extensions,
    reopened: problem.reopened,
  };
}
