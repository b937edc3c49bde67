import { describe, expect, it } from 'vitest';
import { dutyOf, lookbacksDue } from '../../src/problem/duties.ts';
import { actor, NOW, problemIn, REGION } from './fixtures.ts';

const DAY = 86_400_000;
const supervisor = actor('00000000-0000-4000-8000-0000000000ee', [
  { role: 'supervisor', regionCode: REGION, unitId: null },
]);
const member = actor('00000000-0000-4000-8000-0000000000ef', [{ role: 'member', regionCode: REGION, unitId: null }]);

describe('duties (待办)', () => {
  it('asks for a look-back only once one is due, and the next one only after the first is done', () => {
    const closedAt = new Date(NOW.getTime() - 100 * DAY);
    const closed = problemIn('closed', { closedAt });
    expect(lookbacksDue(closed, NOW).map((d) => d.months)).toEqual([3]);
    expect(dutyOf(closed, supervisor, NOW)).toMatchObject({ command: 'lookback', label: '开展回头看' });
    expect(dutyOf({ ...closed, lookbacks: 1 }, supervisor, NOW)).toBeNull();
    expect(dutyOf(problemIn('closed', { closedAt: new Date(NOW.getTime() - 30 * DAY) }), supervisor, NOW)).toBeNull();
    // A campaign that looks back after one month makes it due sooner.
    const early = problemIn('closed', { closedAt: new Date(NOW.getTime() - 31 * DAY) });
    expect(dutyOf(early, supervisor, NOW, { lookbackMonths: [1] })?.command).toBe('lookback');
  });

  it('asks only the member who raised a problem to rate it, though any member in the region may', () => {
    const closed = problemIn('closed', { closedAt: NOW, raisedBy: member.userId });
    expect(dutyOf(closed, member, NOW)?.command).toBe('rate');
    expect(dutyOf({ ...closed, raisedBy: 'someone-else' }, member, NOW)).toBeNull();
    expect(dutyOf({ ...closed, raters: [member.userId] }, member, NOW)).toBeNull();
  });
});
