import { addDays, localDate } from './calendar.ts';
import type { ProblemCommandType } from './commands.ts';
import { allowedActions } from './machine.ts';
import { isPublic, type Principal } from './scope.ts';
import type { ProblemSnapshot, ProblemState } from './states.ts';
import type { MachineOptions } from './transitions.ts';
import { problemFlags, type ProblemFlags, type WarningOptions } from './warning.ts';

/** Look-backs fall due this many months after closure unless the campaign says otherwise (DESIGN §4). */
export const DEFAULT_LOOKBACK_MONTHS: readonly number[] = [3, 6];

/** The look-backs of a closed problem that are due by `now` and not yet done, oldest first. */
export function lookbacksDue(
  s: ProblemSnapshot,
  now: Date,
  lookbackMonths: readonly number[] = DEFAULT_LOOKBACK_MONTHS,
): { months: number; dueOn: string; closedOn: string }[] {
  if (s.state !== 'closed' || !s.closedAt) return [];
  const closedOn = localDate(s.closedAt);
  const today = localDate(now);
  return lookbackMonths.flatMap((months, i) => {
    const dueOn = addDays(closedOn, Math.round(months * 30.44));
    return dueOn <= today && s.lookbacks <= i ? [{ months, dueOn, closedOn }] : [];
  });
}

/**
 * A duty (待办) is a step the lifecycle waits for from this user. Discretionary steps — disputing, asking for an
 * extension, chasing, instructing, rating someone else's problem — are open to the user on the problem page but do
 * not make a to-do item. Order matters: the first duty the user holds names the item.
 */
export const DUTIES = [
  { command: 'confirm', label: '确认是否列入问题清单' },
  { command: 'assign', label: '交办责任单位' },
  { command: 'decide_dispute', label: '处理责任异议' },
  { command: 'decide_extension', label: '审批延期申请' },
  { command: 'submit_plan', label: '报送整改方案' },
  { command: 'approve_plan', label: '审核整改方案' },
  { command: 'accept_closure', label: '审核销号申请' },
  { command: 'verify_pass', label: '现场核查' },
  { command: 'report_progress', label: '报送整改进展' },
  { command: 'rate', label: '评价整改结果' },
  { command: 'lookback', label: '开展回头看' },
] as const satisfies readonly { command: ProblemCommandType; label: string }[];
export type DutyCommand = (typeof DUTIES)[number]['command'];

/** States in which some duty can exist: the to-do query reads only these. */
export const DUTY_STATES: readonly ProblemState[] = [
  'draft',
  'listed',
  'assigned',
  'disputed',
  'plan_review',
  'rectifying',
  'closure_review',
  'verifying',
  'closed',
];

export interface Duty {
  command: DutyCommand;
  label: string;
  /** The calendar day by which the step is due, when the rules give one. */
  dueOn: string | null;
}

function dueOf(command: DutyCommand, flags: ProblemFlags, lookbackDue: string | null): string | null {
  switch (command) {
    case 'submit_plan':
      return flags.planDueDate;
    case 'report_progress':
      return flags.nextProgressDue;
    case 'lookback':
      return lookbackDue;
    default:
      return null;
  }
}

/**
 * The duty this user holds on this problem now, or null. Built on `allowedActions`, so the to-do list can never offer
 * a step the state machine would refuse.
 */
export function dutyOf(
  s: ProblemSnapshot,
  actor: Principal,
  now: Date,
  options: Partial<MachineOptions> &
    Pick<Partial<WarningOptions>, 'progressCadenceDays'> & {
      lookbackMonths?: readonly number[];
    } = {},
): Duty | null {
  const allowed = new Set(allowedActions(s, actor, now, options));
  const lookback = lookbacksDue(s, now, options.lookbackMonths)[0] ?? null;
  const own = (command: DutyCommand) => {
    if (command === 'rate') return !isPublic(actor) && s.raisedBy === actor.userId;
    if (command === 'lookback') return lookback !== null;
    return true;
  };
  const duty = DUTIES.find((d) => allowed.has(d.command) && own(d.command));
  if (!duty) return null;
  const cadence = options.progressCadenceDays;
  const flags = problemFlags(s, now, cadence === undefined ? {} : { progressCadenceDays: cadence });
  return { ...duty, dueOn: dueOf(duty.command, flags, lookback?.dueOn ?? null) };
}
