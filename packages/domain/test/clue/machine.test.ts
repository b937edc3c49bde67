import { describe, expect, it } from 'vitest';
import {
  CLUE_COMMAND_PAYLOADS,
  CLUE_COMMANDS,
  type ClueCommand,
  type ClueCommandType,
} from '../../src/clue/commands.ts';
import { allowedClueActions, CLUE_TRANSITIONS, decideClue } from '../../src/clue/machine.ts';
import { CLUE_STATES, newClue, type ClueSnapshot, type ClueState } from '../../src/clue/states.ts';
import type { Actor } from '../../src/permissions/can.ts';
import type { Principal } from '../../src/problem/scope.ts';
import { ROLES } from '../../src/roles.ts';

const UNIT = '00000000-0000-4000-8000-00000000000a';
const PROBLEM = '00000000-0000-4000-8000-0000000000f1';
const OTHER_CLUE = '00000000-0000-4000-8000-0000000000c2';
const NOW = new Date('2025-06-10T02:00:00Z');
const who = (grants: Actor['grants']): Actor => ({
  userId: 'u',
  username: 'u',
  unitId: UNIT,
  regionCode: '110105',
  grants,
});
const staff = who([{ role: 'cppcc_staff', regionCode: '110000', unitId: null }]);
const liaison = who([{ role: 'unit_liaison', regionCode: null, unitId: UNIT }]);
const reporter: Principal = { kind: 'public', reporterKey: 'r1', clueIds: ['k1'] };

const BODY: Record<ClueCommandType, unknown> = {
  triage: { category: '城市管理', handlingUnitId: UNIT },
  accept: { problemId: PROBLEM },
  merge: { intoClueId: OTHER_CLUE },
  forward: { to: '市场监管局' },
  reject: { reason: '不属于受理范围' },
  reply: { text: '已安排整改' },
  rate: { value: 'satisfied' },
};
const cmd = (type: ClueCommandType, body: object = {}): ClueCommand =>
  ({ type, input: CLUE_COMMAND_PAYLOADS[type].parse({ ...(BODY[type] as object), ...body }) }) as ClueCommand;
const clueIn = (state: ClueState): ClueSnapshot => ({
  ...newClue({ id: 'k1', regionCode: '110105', channel: 'portal', receivedAt: new Date('2025-06-09T02:00:00Z') }),
  state,
  handlingUnitId: UNIT,
});

/** An actor for each permit of the table. */
function holder(permit: { role: string; scope: string }): Principal {
  if (permit.scope === 'reporter') return reporter;
  if (permit.scope === 'region') return who([{ role: permit.role as never, regionCode: '110000', unitId: null }]);
  return who([{ role: permit.role as never, regionCode: null, unitId: UNIT }]);
}

describe.each(CLUE_COMMANDS.map((c) => [c]))('clue %s', (type) => {
  const t = CLUE_TRANSITIONS[type];
  it.each(t.from.map((s) => [s]))('succeeds from %s for every permit', (state) => {
    for (const p of t.permits) {
      const d = decideClue(clueIn(state), cmd(type), holder(p), NOW);
      if (!d.ok) throw new Error(`${type} by ${p.role}: ${d.message}`);
      expect(d.next.state).toBe(t.to);
      expect(d.event.type).toBe(t.event);
      expect(allowedClueActions(clueIn(state), holder(p))).toContain(type);
    }
  });
  it.each(t.from.map((s) => [s]))('is 403 from %s for other roles and wrong scopes', (state) => {
    const roles = new Set<string>(t.permits.map((p) => p.role));
    const others: Principal[] = [
      ...ROLES.filter((r) => !roles.has(r)).map((r) =>
        who([
          { role: r, regionCode: '110000', unitId: null },
          { role: r, regionCode: null, unitId: UNIT },
        ]),
      ),
      ...(roles.has('public') ? [{ kind: 'public', reporterKey: 'r2', clueIds: ['k9'] } as Principal] : [reporter]),
      ...t.permits
        .filter((p) => p.role !== 'public')
        .map((p) =>
          who([
            { role: p.role as never, regionCode: '310000', unitId: null },
            { role: p.role as never, regionCode: null, unitId: 'elsewhere' },
          ]),
        ),
    ];
    for (const o of others)
      expect(decideClue(clueIn(state), cmd(type), o, NOW)).toMatchObject({ ok: false, status: 403 });
  });
  it('is 409 from every other state', () => {
    const everyone = who(
      ROLES.flatMap((r) => [
        { role: r, regionCode: '110000', unitId: null },
        { role: r, regionCode: null, unitId: UNIT },
      ]),
    );
    for (const state of CLUE_STATES.filter((s) => !t.from.includes(s))) {
      for (const o of [everyone, reporter]) {
        const d = decideClue(clueIn(state), cmd(type), o, NOW);
        expect(d).toMatchObject({ ok: false, status: 409, code: 'illegal_transition' });
        expect(d).not.toHaveProperty('next');
      }
    }
  });
});

describe('clue guards and effects', () => {
  it('accept needs exactly one of an existing or a new problem', () => {
    expect(decideClue(clueIn('triaged'), cmd('accept', { problemId: undefined }), staff, NOW)).toMatchObject({
      status: 422,
      code: 'problem_link',
    });
    expect(decideClue(clueIn('triaged'), cmd('accept', { createProblem: true }), staff, NOW)).toMatchObject({
      status: 422,
    });
    const d = decideClue(clueIn('triaged'), cmd('accept'), staff, NOW);
    expect(d.ok && d.next.problemId).toBe(PROBLEM);
  });
  it('refuses merging a clue into itself', () => {
    const self = { ...clueIn('triaged'), id: OTHER_CLUE };
    expect(decideClue(self, cmd('merge'), staff, NOW)).toMatchObject({ status: 422, code: 'merge_self' });
  });
  it('records the first reply time only once and the rating', () => {
    const d = decideClue(clueIn('accepted'), cmd('reply'), liaison, NOW);
    expect(d.ok && d.next.firstReplyAt).toEqual(NOW);
    const earlier = { ...clueIn('rejected'), firstReplyAt: new Date('2025-06-09T05:00:00Z') };
    const again = decideClue(earlier, cmd('reply'), staff, NOW);
    expect(again.ok && again.next.firstReplyAt).toEqual(earlier.firstReplyAt);
    const rated = decideClue(clueIn('replied'), cmd('rate', { value: 'dissatisfied' }), reporter, NOW);
    expect(rated.ok && rated.next).toMatchObject({ state: 'rated', rating: 'dissatisfied' });
  });
  it('walks received → triaged → forwarded → replied → rated', () => {
    let c = clueIn('received');
    for (const [type, actor] of [
      ['triage', staff],
      ['forward', staff],
      ['reply', staff],
      ['rate', reporter],
    ] as const) {
      const d = decideClue(c, cmd(type), actor, NOW);
      if (!d.ok) throw new Error(d.message);
      c = d.next;
    }
    expect(c.state).toBe('rated');
  });
});
