import type { Actor } from '../permissions/can.ts';
import type { Principal } from '../problem/scope.ts';
import { isPublic } from '../problem/scope.ts';
import { isInRegion } from '../regions.ts';
import { CLUE_COMMANDS, type ClueCommand, type ClueCommandInput, type ClueCommandType } from './commands.ts';
import { CLUE_STATE_LABELS, type ClueSnapshot, type ClueState } from './states.ts';

/**
 * Who may act on a clue: staff of the region, the handling unit's liaison/head, or the reporter (the server
 * has matched the tracking code, so a public principal listing this clue id is its reporter).
 */
export type ClueScope = 'region' | 'handling_unit' | 'reporter';
export interface CluePermit {
  role: Actor['grants'][number]['role'] | 'public';
  scope: ClueScope;
}

export const CLUE_EVENT_TYPES = [
  'clue.triaged',
  'clue.accepted',
  'clue.merged',
  'clue.forwarded',
  'clue.rejected',
  'clue.replied',
  'clue.rated',
] as const;
export type ClueEventType = (typeof CLUE_EVENT_TYPES)[number];

interface ClueContext<K extends ClueCommandType> {
  clue: ClueSnapshot;
  input: ClueCommandInput<K>;
  now: Date;
}

export interface ClueTransition<K extends ClueCommandType> {
  command: K;
  label: string;
  from: readonly ClueState[];
  to: ClueState;
  permits: readonly CluePermit[];
  guards: readonly ((ctx: ClueContext<K>) => { code: string; message: string } | null)[];
  event: ClueEventType;
  apply(ctx: ClueContext<K>): ClueSnapshot;
}

const STAFF: CluePermit = { role: 'cppcc_staff', scope: 'region' };
const HANDLED: ClueState[] = ['accepted', 'merged', 'forwarded', 'rejected'];

export const CLUE_TRANSITIONS: { readonly [K in ClueCommandType]: ClueTransition<K> } = {
  triage: {
    command: 'triage',
    label: '分拣',
    from: ['received'],
    to: 'triaged',
    permits: [STAFF],
    guards: [],
    event: 'clue.triaged',
    apply: ({ clue, input }) => ({
      ...clue,
      state: 'triaged',
      category: input.category,
      handlingUnitId: input.handlingUnitId ?? clue.handlingUnitId,
    }),
  },
  accept: {
    command: 'accept',
    label: '受理',
    from: ['triaged'],
    to: 'accepted',
    permits: [STAFF],
    guards: [
      ({ input }) =>
        (input.problemId !== undefined) === input.createProblem
          ? { code: 'problem_link', message: '请选择关联已有问题或新建问题（二选一）' }
          : null,
    ],
    event: 'clue.accepted',
    apply: ({ clue, input }) => ({ ...clue, state: 'accepted', problemId: input.problemId ?? null }),
  },
  merge: {
    command: 'merge',
    label: '合并',
    from: ['triaged'],
    to: 'merged',
    permits: [STAFF],
    guards: [
      ({ clue, input }) =>
        input.intoClueId === clue.id ? { code: 'merge_self', message: '不能将线索合并到其自身' } : null,
    ],
    event: 'clue.merged',
    apply: ({ clue, input }) => ({ ...clue, state: 'merged', mergedInto: input.intoClueId }),
  },
  forward: {
    command: 'forward',
    label: '转办',
    from: ['triaged'],
    to: 'forwarded',
    permits: [STAFF],
    guards: [],
    event: 'clue.forwarded',
    apply: ({ clue }) => ({ ...clue, state: 'forwarded' }),
  },
  reject: {
    command: 'reject',
    label: '不予受理',
    from: ['triaged'],
    to: 'rejected',
    permits: [STAFF],
    guards: [],
    event: 'clue.rejected',
    apply: ({ clue }) => ({ ...clue, state: 'rejected' }),
  },
  reply: {
    command: 'reply',
    label: '答复',
    from: HANDLED,
    to: 'replied',
    permits: [STAFF, { role: 'unit_liaison', scope: 'handling_unit' }, { role: 'unit_head', scope: 'handling_unit' }],
    guards: [],
    event: 'clue.replied',
    // Only the first reply stops the response-time clock (firstReplyAt is what the KPI reads).
    apply: ({ clue, now }) => ({ ...clue, state: 'replied', firstReplyAt: clue.firstReplyAt ?? now }),
  },
  rate: {
    command: 'rate',
    label: '评价',
    from: ['replied'],
    to: 'rated',
    permits: [{ role: 'public', scope: 'reporter' }],
    guards: [],
    event: 'clue.rated',
    apply: ({ clue, input }) => ({ ...clue, state: 'rated', rating: input.value }),
  },
};

function holds(principal: Principal, permit: CluePermit, clue: ClueSnapshot): boolean {
  if (isPublic(principal)) return permit.scope === 'reporter' && principal.clueIds.includes(clue.id);
  if (permit.role === 'public') return false;
  return principal.grants.some(
    (g) =>
      g.role === permit.role &&
      (permit.scope === 'region'
        ? g.regionCode !== null && isInRegion(clue.regionCode, g.regionCode)
        : permit.scope === 'handling_unit' && g.unitId !== null && g.unitId === clue.handlingUnitId),
  );
}

export type ClueDecision =
  | { ok: true; next: ClueSnapshot; event: { type: ClueEventType; payload: Record<string, unknown> } }
  | { ok: false; status: 403 | 409 | 422; code: string; message: string };

function transitionOf(type: ClueCommandType): ClueTransition<ClueCommandType> {
  return CLUE_TRANSITIONS[type] as unknown as ClueTransition<ClueCommandType>;
}

/** Same contract as the problem machine: 409 illegal here, 403 not yours, 422 a guard refused. */
export function decideClue(clue: ClueSnapshot, command: ClueCommand, actor: Principal, now: Date): ClueDecision {
  const t = transitionOf(command.type);
  if (!t.from.includes(clue.state)) {
    return {
      ok: false,
      status: 409,
      code: 'illegal_transition',
      message: `线索当前状态为“${CLUE_STATE_LABELS[clue.state]}”，不能执行“${t.label}”`,
    };
  }
  const permit = t.permits.find((p) => holds(actor, p, clue));
  if (!permit) return { ok: false, status: 403, code: 'forbidden', message: `您无权对该线索执行“${t.label}”` };
  const ctx = { clue, input: command.input, now };
  for (const g of t.guards) {
    const failure = g(ctx);
    if (failure) return { ok: false, status: 422, ...failure };
  }
  const next = t.apply(ctx);
  return {
    ok: true,
    next,
    event: { type: t.event, payload: { from: clue.state, to: next.state, role: permit.role, input: command.input } },
  };
}

export function allowedClueActions(clue: ClueSnapshot, actor: Principal): ClueCommandType[] {
  return CLUE_COMMANDS.filter((type) => {
    const t = transitionOf(type);
    return t.from.includes(clue.state) && t.permits.some((p) => holds(actor, p, clue));
  });
}
