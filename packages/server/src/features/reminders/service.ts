import { eq, inArray } from 'drizzle-orm';
import { addNotifications, schema, snapshotFromJson, type Executor } from '@rectify/db';
import { DEFAULT_LOOKBACK_MONTHS, lookbacksDue, problemFlags, type ProblemSnapshot } from '@rectify/domain';

type NewNotification = typeof schema.notifications.$inferInsert;
const DEADLINE_NEAR_DAYS = [7, 3, 1];

/** The reminders one problem calls for today (pure: from its snapshot, the clock and its campaign's look-back plan). */
export function remindersFor(
  p: { id: string; title: string; regionCode: string },
  s: ProblemSnapshot,
  now: Date,
  lookbackMonths: readonly number[],
): NewNotification[] {
  const out: NewNotification[] = [];
  const base = { regionCode: p.regionCode, subjectType: 'problem', subjectId: p.id };
  const lead = s.assignment?.leadUnitId ?? null;
  const flags = problemFlags(s, now);
  if (lead && flags.planOverdue && s.state === 'assigned') {
    out.push({
      ...base,
      kind: 'plan_overdue',
      recipientUnitId: lead,
      dueOn: flags.planDueDate,
      dedupeKey: `plan_overdue:${p.id}:${flags.planDueDate}`,
      message: `“${p.title}”的整改方案已逾期未报送（应于 ${flags.planDueDate} 前报送）`,
    });
  }
  if (lead && flags.progressLate && s.state === 'rectifying') {
    out.push({
      ...base,
      kind: 'progress_due',
      recipientUnitId: lead,
      dueOn: flags.nextProgressDue,
      dedupeKey: `progress_due:${p.id}:${flags.nextProgressDue}`,
      message: `“${p.title}”的整改进展应于 ${flags.nextProgressDue} 报送，请尽快报送`,
    });
  }
  if (lead && flags.warning === 'red' && flags.deadline) {
    const message = `“${p.title}”已超过整改时限（${flags.deadline}）${flags.overdueDays} 天`;
    out.push({
      ...base,
      kind: 'overdue',
      recipientUnitId: lead,
      dueOn: flags.deadline,
      dedupeKey: `overdue:${p.id}:${flags.deadline}`,
      message,
    });
    out.push({
      ...base,
      kind: 'overdue',
      recipientRole: 'cppcc_staff',
      dueOn: flags.deadline,
      dedupeKey: `overdue-staff:${p.id}:${flags.deadline}`,
      message: `${message}，请研究催办`,
    });
  }
  if (
    lead &&
    flags.deadline &&
    flags.daysLeft !== null &&
    DEADLINE_NEAR_DAYS.includes(flags.daysLeft) &&
    s.state !== 'closure_review' &&
    s.state !== 'verifying'
  ) {
    out.push({
      ...base,
      kind: 'deadline_near',
      recipientUnitId: lead,
      dueOn: flags.deadline,
      dedupeKey: `deadline_near:${p.id}:${flags.deadline}:${flags.daysLeft}`,
      message: `“${p.title}”距整改时限（${flags.deadline}）还有 ${flags.daysLeft} 天`,
    });
  }
  for (const { months, dueOn, closedOn } of lookbacksDue(s, now, lookbackMonths)) {
    out.push({
      ...base,
      kind: 'lookback_due',
      recipientRole: 'supervisor',
      dueOn,
      dedupeKey: `lookback_due:${p.id}:${closedOn}:${months}`,
      message: `“${p.title}”销号满 ${months} 个月，请开展回头看`,
    });
  }
  return out;
}

/**
 * The reminder job: walks every open or closed problem and files what is due. Idempotent (dedupe keys), so a second
 * run — or a second process — adds nothing.
 */
export async function runReminders(db: Executor, now = new Date()): Promise<{ problems: number; created: number }> {
  const rows = await db
    .select({
      id: schema.problems.id,
      title: schema.problems.title,
      regionCode: schema.problems.regionCode,
      snapshot: schema.problems.snapshot,
      lookbackMonths: schema.campaigns.lookbackMonths,
    })
    .from(schema.problems)
    .leftJoin(schema.campaigns, eq(schema.campaigns.id, schema.problems.campaignId))
    .where(
      inArray(schema.problems.state, [
        'assigned',
        'disputed',
        'plan_review',
        'rectifying',
        'closure_review',
        'verifying',
        'closed',
      ]),
    );
  let created = 0;
  const batch: NewNotification[] = [];
  for (const row of rows) {
    batch.push(...remindersFor(row, snapshotFromJson(row.snapshot), now, row.lookbackMonths ?? DEFAULT_LOOKBACK_MONTHS));
    if (batch.length >= 500) created += await addNotifications(db, batch.splice(0));
  }
  created += await addNotifications(db, batch);
  return { problems: rows.length, created };
}
