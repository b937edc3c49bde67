import { describe, expect, it } from 'vitest';
import { PROBLEM_COMMAND_PAYLOADS } from '../../src/problem/commands.ts';
import { allowedActions, decide, type Decision } from '../../src/problem/machine.ts';
import type { Principal } from '../../src/problem/scope.ts';
import type { ProblemSnapshot } from '../../src/problem/states.ts';
import {
  actor,
  CO,
  command,
  LEAD,
  NOW,
  OTHER,
  problemIn,
  RAISER,
  regionGrant,
  reporter,
  unitGrant,
} from './fixtures.ts';

const staff = actor(OTHER, [regionGrant('cppcc_staff')]);
const leader = actor(OTHER, [regionGrant('leader')]);
const supervisor = actor(OTHER, [regionGrant('supervisor')]);
const liaison = actor(LEAD, [unitGrant('unit_liaison', LEAD)]);
const coLiaison = actor(CO, [unitGrant('unit_liaison', CO)]);
const member = actor(OTHER, [regionGrant('member')]);
const raiser = { ...actor(OTHER, [regionGrant('member')]), userId: RAISER };

function ok(d: Decision): ProblemSnapshot {
  if (!d.ok) throw new Error(`refused: ${d.status} ${d.code} ${d.message}`);
  return d.next;
}
function refused(d: Decision, status: number, code?: string) {
  expect(d.ok).toBe(false);
  expect(d).toMatchObject({ status, ...(code ? { code } : {}) });
  expect(d).not.toHaveProperty('next');
  if (!d.ok) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
}
const run = (p: ProblemSnapshot, c: ReturnType<typeof command>, who: Principal, now = NOW) => decide(p, c, who, now);

describe('closure and verification', () => {
  it('refuses a closure request without evidence (422)', () => {
    refused(
      run(problemIn('rectifying'), command('request_closure', { evidence: [] }), liaison),
      422,
      'evidence_required',
    );
  });
  it('refuses verification by a supervisor from the lead unit or a co-unit (403), accepts an outsider', () => {
    const p = problemIn('verifying');
    refused(run(p, command('verify_pass'), actor(LEAD, [regionGrant('supervisor')])), 403, 'forbidden');
    refused(run(p, command('verify_pass'), actor(CO, [regionGrant('supervisor')])), 403, 'forbidden');
    const next = ok(run(p, command('verify_pass'), supervisor));
    expect(next).toMatchObject({ state: 'closed', outcome: 'resolved', closedAt: NOW });
  });
  it('refuses a pass without evidence and a long-term outcome without milestones (422)', () => {
    const p = problemIn('verifying');
    refused(run(p, command('verify_pass', { evidence: [] }), supervisor), 422, 'evidence_required');
    refused(run(p, command('verify_pass', { outcome: 'long_term' }), supervisor), 422, 'milestones_required');
    const next = ok(
      run(
        p,
        command('verify_pass', { outcome: 'long_term', milestones: [{ text: '完成立项', due: '2026-03-31' }] }),
        supervisor,
      ),
    );
    expect(next.outcome).toBe('long_term');
  });
  it('sends a failed verification and a returned closure back to rectifying with the progress clock restarted', () => {
    const later = new Date('2025-06-12T00:00:00Z');
    for (const [state, c, who] of [
      ['verifying', command('verify_fail'), supervisor],
      ['closure_review', command('return_closure'), staff],
    ] as const) {
      const next = ok(run(problemIn(state), c, who, later));
      expect(next).toMatchObject({ state: 'rectifying', rectifyingSince: later, closureRequestedAt: null });
    }
  });
});

describe('extensions', () => {
  it('counts requests and grants, allows one pending request, and stops at the limit', () => {
    let p = problemIn('rectifying');
    p = ok(run(p, command('request_extension', { requestedDeadline: '2025-10-31' }), liaison));
    expect(p).toMatchObject({
      extensionRequests: 1,
      extensions: 0,
      pendingExtension: { requestedDeadline: '2025-10-31' },
    });
    refused(
      run(p, command('request_extension', { requestedDeadline: '2025-11-30' }), liaison),
      422,
      'extension_pending',
    );
    expect(allowedActions(p, liaison, NOW)).not.toContain('request_extension');

    p = ok(run(p, command('decide_extension', { decision: 'approve' }), staff));
    expect(p).toMatchObject({ extensions: 1, extendedDeadline: '2025-10-31', pendingExtension: null });

    refused(
      run(p, command('request_extension', { requestedDeadline: '2025-10-31' }), liaison),
      422,
      'extension_not_later',
    );
    p = ok(run(p, command('request_extension', { requestedDeadline: '2025-11-30' }), liaison));
    p = ok(run(p, command('decide_extension', { decision: 'approve', deadline: '2025-11-15' }), staff));
    expect(p).toMatchObject({ extensions: 2, extensionRequests: 2, extendedDeadline: '2025-11-15' });

    refused(run(p, command('request_extension', { requestedDeadline: '2025-12-31' }), liaison), 422, 'extension_limit');
    expect(
      decide(p, command('request_extension', { requestedDeadline: '2025-12-31' }), liaison, NOW, { maxExtensions: 3 })
        .ok,
    ).toBe(true);
  });
  it('counts a denied request but not as an extension', () => {
    let p = ok(run(problemIn('rectifying'), command('request_extension'), liaison));
    p = ok(run(p, command('decide_extension', { decision: 'deny' }), staff));
    expect(p).toMatchObject({ extensions: 0, extensionRequests: 1, extendedDeadline: null, pendingExtension: null });
    refused(run(p, command('decide_extension'), staff), 422, 'no_pending_extension');
  });
  it('only lets the lead unit ask, while co-units may report progress', () => {
    const p = problemIn('rectifying');
    expect(allowedActions(p, liaison, NOW).sort()).toEqual(['report_progress', 'request_closure', 'request_extension']);
    expect(allowedActions(p, coLiaison, NOW)).toEqual(['report_progress']);
  });
});

describe('look-back and rating', () => {
  it('a rebound reopens the item, counts it and sets the new deadline', () => {
    const p = problemIn('closed', { raters: ['u-x'] });
    refused(run(p, command('lookback', { result: 'rebounded' }), supervisor), 422, 'deadline_required');
    const next = ok(run(p, command('lookback', { result: 'rebounded', deadline: '2025-08-31' }), supervisor));
    expect(next).toMatchObject({
      state: 'rectifying',
      reopened: 1,
      lookbacks: 1,
      closedAt: null,
      outcome: null,
      raters: [],
      extendedDeadline: '2025-08-31',
      rectifyingSince: NOW,
    });
  });
  it('a sustained look-back only counts', () => {
    const next = ok(run(problemIn('closed'), command('lookback'), supervisor));
    expect(next).toMatchObject({ state: 'closed', lookbacks: 1, reopened: 0 });
  });
  it('不满意 from the member who raised the problem sends it back for redo', () => {
    const d = run(problemIn('closed'), command('rate', { value: 'dissatisfied' }), raiser);
    const next = ok(d);
    expect(next).toMatchObject({ state: 'rectifying', redone: 1, reopened: 0, closedAt: null });
    expect(d.ok && d.event.payload).toMatchObject({ redo: true, to: 'rectifying' });
  });
  it('不满意 from anyone else is recorded only, and nobody rates twice', () => {
    for (const who of [member, reporter(), actor(OTHER, [regionGrant('evaluator')])] as Principal[]) {
      const next = ok(run(problemIn('closed'), command('rate', { value: 'dissatisfied' }), who));
      expect(next.state).toBe('closed');
      expect(next.raters).toHaveLength(1);
      refused(run(next, command('rate'), who), 422, 'already_rated');
      expect(allowedActions(next, who, NOW)).not.toContain('rate');
    }
  });
  it('a satisfied rating by the raiser keeps it closed', () => {
    expect(ok(run(problemIn('closed'), command('rate', { value: 'satisfied' }), raiser)).state).toBe('closed');
  });
});

describe('assignment and disputes', () => {
  it('refuses a deadline that is not after today in the region (422)', () => {
    // 2025-06-10 23:30 in Beijing is still 06-10 there, but 06-10 15:30 UTC.
    const late = new Date('2025-06-10T15:30:00Z');
    refused(
      run(problemIn('listed'), command('assign', { deadline: '2025-06-10' }), staff, late),
      422,
      'deadline_not_future',
    );
    expect(run(problemIn('listed'), command('assign', { deadline: '2025-06-11' }), staff, late).ok).toBe(true);
  });
  it('refuses a lead unit that is also a co-unit', () => {
    refused(run(problemIn('listed'), command('assign', { coUnitIds: [LEAD] }), staff), 422, 'lead_is_co_unit');
    refused(run(problemIn('listed'), command('assign', { coUnitIds: [CO, CO] }), staff), 422, 'duplicate_co_unit');
  });
  it('allows a dispute within the window counted in Beijing calendar days, once per assignment', () => {
    const p = problemIn('assigned'); // assigned 2025-06-08 10:00 Beijing; 5 days → up to 06-13
    expect(run(p, command('dispute'), coLiaison, new Date('2025-06-13T15:59:00Z')).ok).toBe(true);
    refused(run(p, command('dispute'), coLiaison, new Date('2025-06-13T16:00:00Z')), 422, 'dispute_window_closed');
    expect(
      decide(p, command('dispute'), coLiaison, new Date('2025-06-13T16:00:00Z'), { disputeWindowDays: 6 }).ok,
    ).toBe(true);

    const disputed = ok(run(p, command('dispute'), liaison));
    const dismissed = ok(run(disputed, command('decide_dispute', { decision: 'dismiss' }), staff));
    expect(dismissed).toMatchObject({ state: 'assigned', assignment: { leadUnitId: LEAD, disputed: true } });
    refused(run(dismissed, command('dispute'), liaison), 422, 'already_disputed');
  });
  it('an upheld dispute sends the item back to the list without an assignment', () => {
    const next = ok(run(problemIn('disputed'), command('decide_dispute', { decision: 'uphold' }), staff));
    expect(next).toMatchObject({ state: 'listed', assignment: null });
    expect(allowedActions(next, staff, NOW)).toContain('assign');
  });
});

describe('plans and progress', () => {
  it('refuses a plan that ends after the deadline or a measure after the plan', () => {
    const p = problemIn('assigned');
    refused(run(p, command('submit_plan', { deadline: '2025-10-01' }), liaison), 422, 'plan_after_deadline');
    refused(
      run(p, command('submit_plan', { measures: [{ text: '施工', owner: '张工', due: '2025-09-20' }] }), liaison),
      422,
      'measure_after_plan',
    );
    expect(ok(run(p, command('submit_plan'), liaison)).planVersion).toBe(1);
  });
  it('refuses approval with a failed compliance item and restarts the clock on approval', () => {
    const p = problemIn('plan_review');
    refused(
      run(p, command('approve_plan', { checklist: [{ item: '资金来源合规', ok: false }] }), staff),
      422,
      'compliance_failed',
    );
    expect(ok(run(p, command('approve_plan'), staff))).toMatchObject({ state: 'rectifying', rectifyingSince: NOW });
  });
  it('refuses progress that goes backwards', () => {
    const p = ok(run(problemIn('rectifying'), command('report_progress', { percent: 50 }), coLiaison));
    expect(p).toMatchObject({ lastProgressPercent: 50, lastProgressAt: NOW });
    refused(run(p, command('report_progress', { percent: 40 }), liaison), 422, 'progress_backwards');
  });
});

describe('escalation', () => {
  it('only rises: 催办 1, 督办 2, 挂牌督办 3 by a leader only', () => {
    let p = ok(run(problemIn('rectifying'), command('urge'), staff));
    expect(p.escalation).toBe(1);
    p = ok(run(p, command('supervise'), leader));
    p = ok(run(p, command('urge'), staff));
    expect(p.escalation).toBe(2);
    refused(run(p, command('list_supervision'), staff), 403);
    p = ok(run(p, command('list_supervision'), leader));
    expect(p.escalation).toBe(3);
    refused(run(p, command('list_supervision'), leader), 422, 'already_listed');
  });
});

describe('a whole life', () => {
  it('walks draft → closed with the actions offered at each step', () => {
    const steps: [ReturnType<typeof command>, Principal, string][] = [
      [command('confirm'), staff, 'listed'],
      [command('assign'), staff, 'assigned'],
      [command('submit_plan'), liaison, 'plan_review'],
      [command('return_plan'), staff, 'assigned'],
      [command('submit_plan'), liaison, 'plan_review'],
      [command('approve_plan'), staff, 'rectifying'],
      [command('report_progress'), coLiaison, 'rectifying'],
      [command('request_closure'), liaison, 'closure_review'],
      [command('accept_closure'), staff, 'verifying'],
      [command('verify_pass'), supervisor, 'closed'],
    ];
    let p = problemIn('draft');
    for (const [c, who, state] of steps) {
      expect(allowedActions(p, who, NOW)).toContain(c.type);
      p = ok(run(p, c, who));
      expect(p.state).toBe(state);
    }
    expect(p.planVersion).toBe(2);
    expect(allowedActions(p, staff, NOW)).toEqual([]);
    expect(allowedActions(p, leader, NOW)).toEqual(['instruct']);
  });
});

describe('command schemas', () => {
  it('refuse unknown fields and explain in Chinese', () => {
    const r = PROBLEM_COMMAND_PAYLOADS.reject.safeParse({ reason: '重复', extra: 1 });
    expect(r.success).toBe(false);
    const empty = PROBLEM_COMMAND_PAYLOADS.reject.safeParse({ reason: '  ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe('请填写不予列入的理由');
  });
  it('check dates and evidence hashes', () => {
    expect(
      PROBLEM_COMMAND_PAYLOADS.request_extension.safeParse({ requestedDeadline: '2025-02-30', reason: 'x' }).success,
    ).toBe(false);
    expect(
      PROBLEM_COMMAND_PAYLOADS.request_closure.safeParse({
        summary: 'x',
        proposedOutcome: 'resolved',
        evidence: ['abc'],
      }).success,
    ).toBe(false);
    expect(
      PROBLEM_COMMAND_PAYLOADS.report_progress.safeParse({ period: 'W1', percent: 101, done: 'x', nextSteps: 'y' })
        .success,
    ).toBe(false);
  });
});
