/**
 * Generated from the transition table: every transition × every role, and every state × every command.
 * A transition added to PROBLEM_TRANSITIONS is covered here without editing this file (it only needs a valid
 * body in fixtures.ts, which the type of VALID_BODY demands and the first test checks).
 */
import { describe, expect, it } from 'vitest';
import { PROBLEM_COMMANDS, type ProblemCommandType } from '../../src/problem/commands.ts';
import { allowedActions, decide } from '../../src/problem/machine.ts';
import type { Permit, Principal, PrincipalRole } from '../../src/problem/scope.ts';
import { PROBLEM_STATES, type ProblemState } from '../../src/problem/states.ts';
import { PROBLEM_EVENT_TYPES, PROBLEM_TRANSITIONS, type Transition } from '../../src/problem/transitions.ts';
import { ROLES } from '../../src/roles.ts';
import {
  actor,
  CO,
  command,
  ELSEWHERE,
  LEAD,
  NOW,
  OTHER,
  problemIn,
  regionGrant,
  reporter,
  SETUP,
  unitGrant,
  VALID_BODY,
} from './fixtures.ts';

const ALL_ROLES: PrincipalRole[] = [...ROLES, 'public'];
const entries = PROBLEM_COMMANDS.map(
  (c) => [c, PROBLEM_TRANSITIONS[c] as unknown as Transition<ProblemCommandType>] as const,
);

/** An actor holding `permit` on the fixture problem. */
function rightActor(p: Permit): Principal {
  switch (p.scope) {
    case 'region':
    case 'region_independent':
      return actor(OTHER, [regionGrant(p.role as never)]);
    case 'lead_unit':
      return actor(LEAD, [unitGrant(p.role as never, LEAD)]);
    case 'lead_or_co_unit':
      return actor(CO, [unitGrant(p.role as never, CO)]);
    case 'reporter':
      return reporter();
  }
}

/** Actors with the right role but the wrong scope, each with a description. */
function wrongScopeActors(p: Permit): [string, Principal][] {
  switch (p.scope) {
    case 'region':
      return [
        ['region elsewhere', actor(OTHER, [regionGrant(p.role as never, ELSEWHERE)])],
        ['unit grant instead of region', actor(LEAD, [unitGrant(p.role as never, LEAD)])],
      ];
    case 'region_independent':
      return [
        ['region elsewhere', actor(OTHER, [regionGrant(p.role as never, ELSEWHERE)])],
        ['from the lead unit', actor(LEAD, [regionGrant(p.role as never)])],
        ['from a co-unit', actor(CO, [regionGrant(p.role as never)])],
      ];
    case 'lead_unit':
      return [
        ['co-unit', actor(CO, [unitGrant(p.role as never, CO)])],
        ['unrelated unit', actor(OTHER, [unitGrant(p.role as never, OTHER)])],
        ['region grant', actor(LEAD, [regionGrant(p.role as never)])],
      ];
    case 'lead_or_co_unit':
      return [
        ['unrelated unit', actor(OTHER, [unitGrant(p.role as never, OTHER)])],
        ['region grant', actor(LEAD, [regionGrant(p.role as never)])],
      ];
    case 'reporter':
      return [['reporter of another clue', reporter(['clue-other'])]];
  }
}

/** Holds the role in every scope there is: only the role can be what is missing. */
function everywhere(role: PrincipalRole): Principal {
  if (role === 'public') return reporter();
  return actor(OTHER, [regionGrant(role), unitGrant(role, LEAD), unitGrant(role, CO)]);
}

/** Every role with every scope: only the state can be what is missing. */
const superActor = actor(
  OTHER,
  ROLES.flatMap((r) => [regionGrant(r), unitGrant(r, LEAD), unitGrant(r, CO)]),
);

function fixtureFor(type: ProblemCommandType, state: ProblemState) {
  return (SETUP[type] ?? ((p) => p))(problemIn(state));
}

describe('transition table shape', () => {
  it('has a valid body fixture for every command and an entry for every command', () => {
    for (const [type, t] of entries) {
      expect(VALID_BODY[type], type).toBeDefined();
      expect(t.command).toBe(type);
      expect(t.from.length, type).toBeGreaterThan(0);
      expect(t.permits.length, type).toBeGreaterThan(0);
    }
  });
  it('uses each event type of PROBLEM_EVENT_TYPES exactly once', () => {
    expect(entries.map(([, t]) => t.event).sort()).toEqual([...PROBLEM_EVENT_TYPES].sort());
  });
  it('leaves every state except the terminal `rejected` by some transition', () => {
    for (const state of PROBLEM_STATES) {
      const out = entries.filter(([, t]) => t.from.includes(state));
      if (state === 'rejected') expect(out).toEqual([]);
      else expect(out.length, state).toBeGreaterThan(0);
    }
  });
});

describe.each(entries)('%s', (type, t) => {
  const permittedRoles = new Set(t.permits.map((p) => p.role));

  describe.each(t.from.map((s) => [s]))('from %s', (state) => {
    const problem = fixtureFor(type, state);

    it.each(t.permits.map((p) => [`${p.role}@${p.scope}`, p] as const))('succeeds for %s', (_, permit) => {
      const who = rightActor(permit);
      const d = decide(problem, command(type), who, NOW);
      if (!d.ok) throw new Error(`${type} by ${permit.role} refused: ${d.status} ${d.message}`);
      const expected = t.targets.map((x) => (x === 'same' ? state : x));
      expect(expected).toContain(d.next.state);
      expect(d.event.type).toBe(t.event);
      expect(d.event.payload).toMatchObject({ from: state, to: d.next.state, role: permit.role });
      expect(allowedActions(problem, who, NOW)).toContain(type);
      // decide is pure: the input snapshot is untouched.
      expect(problem).toEqual(fixtureFor(type, state));
    });

    it.each(t.permits.flatMap((p) => wrongScopeActors(p).map(([why, who]) => [`${p.role}: ${why}`, who] as const)))(
      'is 403 for the right role with the wrong scope (%s)',
      (_, who) => {
        const d = decide(problem, command(type), who, NOW);
        expect(d).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
        expect(d).not.toHaveProperty('next');
        expect(allowedActions(problem, who, NOW)).not.toContain(type);
      },
    );

    it.each(ALL_ROLES.filter((r) => !permittedRoles.has(r)).map((r) => [r]))('is 403 for role %s', (role) => {
      const who = everywhere(role);
      const d = decide(problem, command(type), who, NOW);
      expect(d).toMatchObject({ ok: false, status: 403 });
      expect(allowedActions(problem, who, NOW)).not.toContain(type);
    });
  });

  const illegal = PROBLEM_STATES.filter((s) => !t.from.includes(s));
  it.each(illegal.map((s) => [s]))('is 409 from %s', (state) => {
    const problem = fixtureFor(type, state);
    for (const who of [superActor, reporter()]) {
      const d = decide(problem, command(type), who, NOW);
      expect(d.ok).toBe(false);
      if (d.ok) return;
      expect(d.status).toBe(409);
      expect(d.code).toBe('illegal_transition');
      expect(d.message).toMatch(/当前状态为“.+”，不能执行“.+”/);
      expect(d).not.toHaveProperty('next');
      expect(allowedActions(problem, who, NOW)).not.toContain(type);
    }
  });
});
