import { describe, expect, it } from 'vitest';
import { adoptionRate } from '../../src/kpi/adoption.ts';
import { unitAssessment } from '../../src/kpi/assessment.ts';
import { completionRate } from '../../src/kpi/completion.ts';
import { coverageRate } from '../../src/kpi/coverage.ts';
import { mechanismRate } from '../../src/kpi/mechanism.ts';
import { onTimeRate } from '../../src/kpi/on-time.ts';
import { participationRate } from '../../src/kpi/participation.ts';
import { reboundRate } from '../../src/kpi/rebound.ts';
import { resolutionRate } from '../../src/kpi/resolution.ts';
import { median, responseTime } from '../../src/kpi/response-time.ts';
import { satisfactionRate } from '../../src/kpi/satisfaction.ts';
import { threeMonthRate } from '../../src/kpi/three-month.ts';
import type { ClueFact, KpiResult, ProblemFact, RatingFact } from '../../src/kpi/types.ts';

const at = (iso: string) => new Date(iso);
/** Q2 2025 in Beijing: [04-01 00:00, 07-01 00:00) local. */
const Q2 = { from: at('2025-03-31T16:00:00Z'), to: at('2025-06-30T16:00:00Z') };
const EMPTY = { value: null, numerator: 0, denominator: 0, gap: null, meetsTarget: null };

function problem(id: string, f: Partial<ProblemFact>): ProblemFact {
  return {
    id,
    leadUnitId: 'u1',
    assignedAt: at('2025-01-10T02:00:00Z'),
    deadline: '2025-05-31',
    extendedDeadline: null,
    closedAt: null,
    outcome: null,
    mechanismCount: 0,
    ...f,
  };
}

const problems: ProblemFact[] = [
  // due in Q2, closed on the deadline day at 23:30 Beijing (15:30 UTC): on time
  problem('a', { closedAt: at('2025-05-31T15:30:00Z'), outcome: 'resolved', mechanismCount: 1 }),
  // due in Q2, closed 00:30 Beijing the next day: late, but closed
  problem('b', { closedAt: at('2025-05-31T16:30:00Z'), outcome: 'partly_resolved' }),
  // due in Q2 and still open
  problem('c', {}),
  // originally due in Q2, extended into Q3: not in Q2's completion denominator; closed on time against the extension
  problem('d', {
    extendedDeadline: '2025-07-15',
    closedAt: at('2025-06-20T02:00:00Z'),
    outcome: 'long_term',
    mechanismCount: 2,
  }),
  // due on 06-30 (last day of Q2), closed after the period ends: counts as due, not as closed
  problem('e', { deadline: '2025-06-30', closedAt: at('2025-07-02T02:00:00Z'), outcome: 'resolved' }),
  // due 07-01 local: outside Q2 even though 07-01 00:00 local is 06-30 UTC
  problem('f', { deadline: '2025-07-01' }),
];

function expectKpi(r: KpiResult, value: number | null, numerator: number, denominator: number) {
  expect(r.numerator).toBe(numerator);
  expect(r.denominator).toBe(denominator);
  if (value === null) expect(r.value).toBeNull();
  else expect(r.value).toBeCloseTo(value, 12);
}

describe('problem KPIs', () => {
  it('completion: closed ÷ due in the period (deadline in force, local days)', () => {
    const r = completionRate(problems, Q2);
    expectKpi(r, 2 / 4, 2, 4); // due: a, b, c, e; closed before `to`: a, b
    expect(r).toMatchObject({ target: 0.9, meetsTarget: false });
    expect(r.gap).toBeCloseTo(0.4, 12);
    expect(completionRate(problems, Q2, { target: 0.5 })).toMatchObject({ meetsTarget: true, gap: 0 });
    expect(completionRate([], Q2)).toMatchObject({ ...EMPTY, target: 0.9 });
  });

  it('on-time: closed on or before the deadline day in the region zone', () => {
    expectKpi(onTimeRate(problems, Q2), 2 / 3, 2, 3); // closed in Q2: a (on time), b (late), d (on time vs extension)
    // Read in UTC, b closes on 05-31 too.
    expectKpi(onTimeRate(problems, Q2, { timeZone: 'UTC' }), 1, 3, 3);
    expect(onTimeRate(problems, Q2)).toMatchObject({ target: null, gap: null, meetsTarget: null });
  });

  it('resolution and mechanism over problems closed in the period', () => {
    expectKpi(resolutionRate(problems, Q2), 1 / 3, 1, 3);
    expectKpi(mechanismRate(problems, Q2), 2 / 3, 2, 3);
    expect(mechanismRate(problems, Q2)).toMatchObject({ target: 0.7, meetsTarget: false });
    expect(resolutionRate([], Q2)).toMatchObject(EMPTY);
  });

  it('three-month: assigned in the period with 90 days elapsed by its end', () => {
    const H1 = { from: at('2024-12-31T16:00:00Z'), to: at('2025-06-30T16:00:00Z') };
    const assigned = at('2025-01-10T02:00:00Z');
    const day90 = new Date(assigned.getTime() + 90 * 86_400_000);
    const ps = [
      problem('x', { assignedAt: assigned, closedAt: day90 }), // exactly 90 days: counts
      problem('y', { assignedAt: assigned, closedAt: new Date(day90.getTime() + 1) }), // one ms late
      problem('z', { assignedAt: assigned }),
      problem('w', { assignedAt: at('2025-05-01T02:00:00Z'), closedAt: at('2025-05-02T02:00:00Z') }), // <90 days old at `to`
    ];
    expectKpi(threeMonthRate(ps, H1), 1 / 3, 1, 3);
    expect(threeMonthRate(ps, H1)).toMatchObject({ target: 0.8, meetsTarget: false });
    expect(threeMonthRate([ps[3]!], H1)).toMatchObject(EMPTY);
  });
});

describe('suggestion, look-back and rating KPIs', () => {
  it('adoption: (adopted + partly) ÷ answered in the period', () => {
    const r = adoptionRate(
      [
        { id: '1', answer: 'adopted', answeredAt: at('2025-04-02T00:00:00Z') },
        { id: '2', answer: 'partly_adopted', answeredAt: at('2025-05-02T00:00:00Z') },
        { id: '3', answer: 'not_adopted', answeredAt: at('2025-05-03T00:00:00Z') },
        { id: '4', answer: null, answeredAt: null },
        { id: '5', answer: 'adopted', answeredAt: at('2025-07-01T00:00:00Z') },
      ],
      Q2,
    );
    expectKpi(r, 2 / 3, 2, 3);
    expect(r.meetsTarget).toBe(false);
  });

  it('rebound: rebounded ÷ look-backs done; lower is better', () => {
    const lbs = Array.from({ length: 20 }, (_, i) => ({
      problemId: `p${i}`,
      doneAt: at('2025-05-01T00:00:00Z'),
      result: i === 0 ? ('rebounded' as const) : ('sustained' as const),
    }));
    const r = reboundRate(lbs, Q2);
    expectKpi(r, 0.05, 1, 20);
    expect(r).toMatchObject({ target: 0.05, meetsTarget: true, gap: 0 });
    const worse = reboundRate(
      [...lbs, { problemId: 'q', doneAt: at('2025-05-02T00:00:00Z'), result: 'rebounded' }],
      Q2,
    );
    expect(worse.meetsTarget).toBe(false);
    expect(worse.gap).toBeCloseTo(2 / 21 - 0.05, 12);
    expect(reboundRate([], Q2)).toMatchObject(EMPTY);
  });

  it('satisfaction: latest rating per subject and rater in the period', () => {
    const rating = (subjectId: string, raterKey: string, value: RatingFact['value'], iso: string): RatingFact => ({
      subjectId,
      raterKey,
      value,
      ratedAt: at(iso),
      isPublic: raterKey.startsWith('public:'),
    });
    const ratings = [
      rating('p1', 'm1', 'dissatisfied', '2025-04-05T00:00:00Z'),
      rating('p1', 'm1', 'satisfied', '2025-04-06T00:00:00Z'), // replaces the one above
      rating('p1', 'public:r1', 'basically_satisfied', '2025-04-07T00:00:00Z'),
      rating('p2', 'm1', 'dissatisfied', '2025-04-08T00:00:00Z'),
      rating('p2', 'm2', 'satisfied', '2025-03-01T00:00:00Z'), // before the period
    ];
    expectKpi(satisfactionRate(ratings, Q2), 2 / 3, 2, 3);
    expect(satisfactionRate([], Q2)).toMatchObject(EMPTY);
  });
});

describe('public KPIs', () => {
  const clue = (id: string, f: Partial<ClueFact>): ClueFact => ({
    id,
    receivedAt: at('2025-04-10T00:00:00Z'),
    firstReplyAt: null,
    town: null,
    reporter: null,
    ...f,
  });

  it('participation: distinct reporters and public raters ÷ population', () => {
    const clues = [
      clue('1', { reporter: 'r1' }),
      clue('2', { reporter: 'r1' }),
      clue('3', { reporter: 'r2' }),
      clue('4', { reporter: null }), // anonymous: not countable
      clue('5', { reporter: 'r9', receivedAt: at('2025-07-01T00:00:00Z') }),
    ];
    const ratings: RatingFact[] = [
      { subjectId: 'c1', raterKey: 'r2', isPublic: true, value: 'satisfied', ratedAt: at('2025-05-01T00:00:00Z') },
      { subjectId: 'c1', raterKey: 'r3', isPublic: true, value: 'satisfied', ratedAt: at('2025-05-01T00:00:00Z') },
      {
        subjectId: 'p1',
        raterKey: 'member-1',
        isPublic: false,
        value: 'satisfied',
        ratedAt: at('2025-05-01T00:00:00Z'),
      },
    ];
    const r = participationRate(clues, ratings, 60, Q2);
    expectKpi(r, 3 / 60, 3, 60);
    expect(r.meetsTarget).toBe(true);
    expect(participationRate(clues, ratings, 0, Q2)).toMatchObject({ value: null, denominator: 0, numerator: 3 });
  });

  it('coverage: towns with at least one clue ÷ towns in region', () => {
    const towns = ['110105001', '110105002', '110105003', '110105004'];
    const clues = [
      clue('1', { town: '110105001' }),
      clue('2', { town: '110105001' }),
      clue('3', { town: '110105003' }),
      clue('4', { town: '310101001' }), // another region
      clue('5', { town: '110105004', receivedAt: at('2025-03-31T15:59:59Z') }), // 03-31 23:59 local: before Q2
    ];
    expectKpi(coverageRate(clues, towns, Q2), 0.5, 2, 4);
    expect(coverageRate(clues, [], Q2)).toMatchObject(EMPTY);
  });

  it('response time: median hours, even count averaging the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 2, 4, 30])).toBe(7);
    const base = at('2025-04-10T00:00:00Z').getTime();
    const replied = (id: string, hours: number) => clue(id, { firstReplyAt: new Date(base + hours * 3_600_000) });
    const clues = [
      replied('1', 2),
      replied('2', 10),
      replied('3', 30),
      replied('4', 50),
      clue('5', {}), // not replied: left out
      clue('6', { firstReplyAt: at('2025-07-05T00:00:00Z') }), // replied after the period: left out
    ];
    const r = responseTime(clues, Q2);
    expect(r).toMatchObject({ value: 20, numerator: 92, denominator: 4, target: 24, meetsTarget: true, gap: 0 });
    const slow = responseTime(clues.slice(1, 4), Q2);
    expect(slow).toMatchObject({ value: 30, meetsTarget: false, gap: 6 });
    expect(responseTime([], Q2)).toMatchObject({ ...EMPTY, target: 24 });
  });
});

describe('unit assessment', () => {
  const k = (value: number | null): KpiResult => ({
    value,
    numerator: 0,
    denominator: value === null ? 0 : 1,
    target: null,
    gap: null,
    meetsTarget: null,
  });

  it('weights completion 30, on-time 20, satisfaction 25, mechanism 15, rebound 10 inverted', () => {
    const a = unitAssessment({
      completion: k(0.9),
      onTime: k(0.8),
      satisfaction: k(1),
      mechanism: k(0.6),
      rebound: k(0.1),
    });
    // 30·0.9 + 20·0.8 + 25·1 + 15·0.6 + 10·0.9 = 27 + 16 + 25 + 9 + 9 = 86
    expect(a.score).toBeCloseTo(86, 10);
    expect(a.exported).toBeCloseTo(8.6, 10);
    expect(a.components.find((c) => c.kpi === 'rebound')?.value).toBeCloseTo(0.9, 12);
  });

  it('re-weights over the KPIs that have a value and accepts other weights', () => {
    const a = unitAssessment({
      completion: k(1),
      onTime: k(0.5),
      satisfaction: k(null),
      mechanism: k(null),
      rebound: k(null),
    });
    expect(a.score).toBeCloseTo(((30 * 1 + 20 * 0.5) / 50) * 100, 10); // 80
    const b = unitAssessment(
      { completion: k(1), onTime: k(0), satisfaction: k(0), mechanism: k(0), rebound: k(0) },
      { weights: { completion: 50, rebound: 0 }, exportWeight: 0.2 },
    );
    expect(b.score).toBeCloseTo((50 / 110) * 100, 10);
    expect(b.exported).toBeCloseTo((50 / 110) * 100 * 0.2, 10);
    const none = unitAssessment({
      completion: k(null),
      onTime: k(null),
      satisfaction: k(null),
      mechanism: k(null),
      rebound: k(null),
    });
    expect(none).toMatchObject({ score: null, exported: null });
    expect(() =>
      unitAssessment(
        { completion: k(1), onTime: k(1), satisfaction: k(1), mechanism: k(1), rebound: k(1) },
        { weights: { completion: -1 } },
      ),
    ).toThrow(RangeError);
  });
});
