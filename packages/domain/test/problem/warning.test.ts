import { describe, expect, it } from 'vitest';
import { daysBetween, localDate } from '../../src/problem/calendar.ts';
import { problemFlags } from '../../src/problem/warning.ts';
import { problemIn } from './fixtures.ts';

// Fixture deadline: 2025-09-30; the tests move it with extendedDeadline / patches.
const at = (iso: string) => new Date(iso);

describe('calendar days in the region zone', () => {
  it('reads the local date across the UTC day boundary', () => {
    expect(localDate(at('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(localDate(at('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
    expect(localDate(at('2025-06-30T16:00:00Z'), 'UTC')).toBe('2025-06-30');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('warning light', () => {
  const p = problemIn('rectifying', {
    extendedDeadline: '2025-06-30',
    rectifyingSince: at('2025-06-29T01:00:00Z'),
  });

  it('is yellow on the deadline day until local midnight, then red', () => {
    const last = problemFlags(p, at('2025-06-30T15:59:59Z'));
    expect(last).toMatchObject({ warning: 'yellow', daysLeft: 0, overdueDays: 0, reasons: ['deadline_near'] });
    const first = problemFlags(p, at('2025-06-30T16:00:00Z'));
    expect(first).toMatchObject({ warning: 'red', daysLeft: -1, overdueDays: 1, reasons: ['overdue'] });
    // The same instant is still the deadline day in UTC.
    expect(problemFlags(p, at('2025-06-30T16:00:00Z'), { timeZone: 'UTC' }).warning).toBe('yellow');
    expect(problemFlags(p, at('2025-07-10T16:00:00Z')).overdueDays).toBe(11);
  });

  it('turns yellow exactly 7 local days before the deadline', () => {
    const fresh = { ...p, rectifyingSince: at('2025-06-22T01:00:00Z') };
    expect(problemFlags(fresh, at('2025-06-22T15:59:00Z'))).toMatchObject({ warning: 'green', daysLeft: 8 });
    expect(problemFlags(fresh, at('2025-06-22T16:00:00Z'))).toMatchObject({ warning: 'yellow', daysLeft: 7 });
    expect(problemFlags(fresh, at('2025-06-22T16:00:00Z'), { yellowDays: 3 }).warning).toBe('green');
  });

  it('flags a late progress report from the day after it was due', () => {
    const q = problemIn('rectifying', { rectifyingSince: at('2025-06-02T01:00:00Z') }); // 06-02 local → due 06-09
    expect(problemFlags(q, at('2025-06-09T15:59:00Z'))).toMatchObject({
      warning: 'green',
      nextProgressDue: '2025-06-09',
    });
    expect(problemFlags(q, at('2025-06-09T16:00:00Z'))).toMatchObject({
      warning: 'yellow',
      progressLate: true,
      reasons: ['progress_late'],
    });
    const reported = { ...q, lastProgressAt: at('2025-06-09T10:00:00Z') }; // 06-09 18:00 local → due 06-16
    expect(problemFlags(reported, at('2025-06-16T12:00:00Z'))).toMatchObject({
      warning: 'green',
      nextProgressDue: '2025-06-16',
    });
    expect(problemFlags(q, at('2025-06-10T16:00:00Z'), { progressCadenceDays: 14 }).progressLate).toBe(false);
  });

  it('flags a missing plan N local days after assignment', () => {
    // Assigned 2025-06-02 00:30 in Beijing (still 06-01 in UTC): plan due 06-17 local.
    const q = problemIn('assigned', {
      assignment: { ...problemIn('assigned').assignment!, assignedAt: at('2025-06-01T16:30:00Z') },
    });
    expect(problemFlags(q, at('2025-06-17T15:00:00Z'))).toMatchObject({
      planDueDate: '2025-06-17',
      planOverdue: false,
      warning: 'green',
    });
    expect(problemFlags(q, at('2025-06-17T16:00:00Z'))).toMatchObject({
      planOverdue: true,
      warning: 'yellow',
      reasons: ['plan_overdue'],
    });
    expect(problemFlags(q, at('2025-06-17T15:00:00Z'), { timeZone: 'UTC' }).planOverdue).toBe(true);
    expect(problemFlags(q, at('2025-06-17T16:00:00Z'), { planDueDays: 20 }).planOverdue).toBe(false);
  });

  it('does not blame the unit for staff review of a closure requested on time', () => {
    const onTime = problemIn('verifying', {
      extendedDeadline: '2025-06-30',
      closureRequestedAt: at('2025-06-30T10:00:00Z'),
    });
    expect(problemFlags(onTime, at('2025-07-05T02:00:00Z'))).toMatchObject({ warning: 'green', overdueDays: 0 });
    const late = { ...onTime, closureRequestedAt: at('2025-06-30T16:30:00Z') };
    expect(problemFlags(late, at('2025-07-05T02:00:00Z'))).toMatchObject({ warning: 'red', overdueDays: 5 });
  });

  it('uses the extended deadline and carries the counters', () => {
    const q = problemIn('rectifying', { extendedDeadline: '2025-12-31', extensions: 1, reopened: 2, escalation: 2 });
    expect(problemFlags(q, at('2025-10-15T02:00:00Z'))).toMatchObject({
      deadline: '2025-12-31',
      escalation: 2,
      extensions: 1,
      reopened: 2,
    });
  });

  it('has no light outside open work', () => {
    for (const s of ['draft', 'listed', 'rejected', 'closed'] as const) {
      expect(problemFlags(problemIn(s), at('2026-01-01T00:00:00Z')).warning).toBeNull();
    }
  });
});
