import { PROBLEM_COMMANDS, type ProblemCommand, type ProblemCommandType } from './commands.ts';
import { isPublic, permitHeld, principalKey, type Principal } from './scope.ts';
import { PROBLEM_STATE_LABELS, type ProblemSnapshot } from './states.ts';
import {
  DEFAULT_MACHINE_OPTIONS,
  PROBLEM_TRANSITIONS,
  type CommandContext,
  type MachineOptions,
  type ProblemEventType,
  type StateContext,
  type Transition,
} from './transitions.ts';

export interface ProblemEvent {
  type: ProblemEventType;
  /** `{ from, to, role, input, ...extra }`: enough to replay the step and to show it in the timeline. */
  payload: Record<string, unknown>;
}

export type Refusal = { ok: false; status: 403 | 409 | 422; code: string; message: string };
export type Decision = { ok: true; next: ProblemSnapshot; event: ProblemEvent } | Refusal;

function transitionOf(type: ProblemCommandType): Transition<ProblemCommandType> {
  // The table is keyed by command type, so the entry's input type matches the command's; TypeScript cannot
  // follow that correlation through the union, hence the widening.
  return PROBLEM_TRANSITIONS[type] as unknown as Transition<ProblemCommandType>;
}

function stateContext(problem: ProblemSnapshot, actor: Principal, now: Date, options: MachineOptions): StateContext {
  return { problem, now, options, actorKey: principalKey(actor), actorId: isPublic(actor) ? null : actor.userId };
}

/** Checks in a fixed order: is the step legal here (409), may this actor take it (403), do the guards pass (422). */
function check(
  t: Transition<ProblemCommandType>,
  ctx: StateContext,
  actor: Principal,
): Refusal | { ok: true; role: string } {
  const { problem } = ctx;
  if (!t.from.includes(problem.state)) {
    return {
      ok: false,
      status: 409,
      code: 'illegal_transition',
      message: `问题当前状态为“${PROBLEM_STATE_LABELS[problem.state]}”，不能执行“${t.label}”`,
    };
  }
  const permit = permitHeld(actor, t.permits, problem);
  if (!permit) {
    return { ok: false, status: 403, code: 'forbidden', message: `您无权对该问题执行“${t.label}”` };
  }
  for (const pre of t.preconditions) {
    const failure = pre(ctx);
    if (failure) return { ok: false, status: 422, ...failure };
  }
  return { ok: true, role: permit.role };
}

/**
 * Decide one command against one problem. Pure: the caller loads the snapshot, validates the input with
 * `PROBLEM_COMMAND_PAYLOADS`, and on success writes `next` and `event` in one transaction.
 */
export function decide(
  problem: ProblemSnapshot,
  command: ProblemCommand,
  actor: Principal,
  now: Date,
  options: Partial<MachineOptions> = {},
): Decision {
  const opts = { ...DEFAULT_MACHINE_OPTIONS, ...options };
  const t = transitionOf(command.type);
  const base = stateContext(problem, actor, now, opts);
  const checked = check(t, base, actor);
  if (!checked.ok) return checked;
  const ctx: CommandContext<ProblemCommandType> = { ...base, input: command.input };
  for (const guard of t.guards) {
    const failure = guard(ctx);
    if (failure) return { ok: false, status: 422, ...failure };
  }
  const { next, extra } = t.apply(ctx);
  return {
    ok: true,
    next,
    event: {
      type: t.event,
      payload: { from: problem.state, to: next.state, role: checked.role, input: command.input, ...extra },
    },
  };
}

/**
 * The commands this actor may fire on this problem now: legal in the state, permitted, preconditions met.
 * Input guards are not evaluated (there is no input yet); the UI shows exactly these as buttons.
 */
export function allowedActions(
  problem: ProblemSnapshot,
  actor: Principal,
  now: Date,
  options: Partial<MachineOptions> = {},
): ProblemCommandType[] {
  const opts = { ...DEFAULT_MACHINE_OPTIONS, ...options };
  const ctx = stateContext(problem, actor, now, opts);
  return PROBLEM_COMMANDS.filter((type) => check(transitionOf(type), ctx, actor).ok);
}
