import { eq, inArray } from 'drizzle-orm';
import { addNotifications, schema, snapshotFromJson, type Executor } from '@rectify/db';
import {
  lookbacksDue,
  problemFlags,
  renderTemplate,
  SETTINGS_DEFAULTS,
  type EffectiveSettings,
  type ProblemSnapshot,
} from '@rectify/domain';
import { settingsByRegion } from '../settings/service.ts';

type NewNotification = typeof schema.notifications.$inferInsert;
const DEADLINE_NEAR_DAYS = [7, 3, 1];

/**
 * The reminders one problem calls for today (pure: from its snapshot, the clock, its look-back plan and its region's
 * progress cadence and message templates).
 */
export function remindersFor(
  p: { id: string; title: string; regionCode: string },
  s: ProblemSnapshot,
  now: Date,
  lookbackMonths: readonly number[],
  settings: Pick<EffectiveSettings, 'templates' | 'progressCadenceDays'> = SETTINGS_DEFAULTS,
): NewNotification[] {
  const out: NewNotification[] = [];
  const base = { regionCode: p.regionCode, subjectType: 'problem', subjectId: p.id };
  const lead = s.assignment?.leadUnitId ?? null;
  const flags = problemFlags(s, now, { progressCadenceDays: settings.progressCadenceDays });
  const text = (key: keyof typeof SETTINGS_DEFAULTS.templates, values: Record<string, string | number>) =>
    renderTemplate(settings.templates[key] ?? SETTINGS_DEFAULTS.templates[key]!, { title: p.title, ...values });
  if (lead && flags.planOverdue && s.state === 'assigned') {
    out.push({
      ...base,
      kind: 'plan_overdue',
      recipientUnitId: lead,
      dueOn: flags.planDueDate,
      dedupeKey: `plan_overdue:${p.id}:${flags.planDueDate}`,
      message: text('planOverdue', { planDueDate: flags.planDueDate ?? '' }),
    });
  }
  if (lead && flags.progressLate && s.state === 'rectifying') {
    out.push({
      ...base,
      kind: 'progress_due',
      recipientUnitId: lead,
      dueOn: flags.nextProgressDue,
      dedupeKey: `progress_due:${p.id}:${flags.nextProgressDue}`,
      message: text('progressDue', { dueDate: flags.nextProgressDue ?? '' }),
    });
  }
  if (lead && flags.warning === 'red' && flags.deadline) {
    const values = { deadline: flags.deadline, overdueDays: flags.overdueDays };
    out.push({
      ...base,
      kind: 'overdue',
      recipientUnitId: lead,
      dueOn: flags.deadline,
      dedupeKey: `overdue:${p.id}:${flags.deadline}`,
      message: text('overdue', values),
    });
    out.push({
      ...base,
      kind: 'overdue',
      recipientRole: 'cppcc_staff',
      dueOn: flags.deadline,
      dedupeKey: `overdue-staff:${p.id}:${flags.deadline}`,
      message: text('overdueStaff', values),
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
      message: text('deadlineNear', { deadline: flags.deadline, daysLeft: flags.daysLeft }),
    });
  }
  for (const { months, dueOn, closedOn } of lookbacksDue(s, now, lookbackMonths)) {
    out.push({
      ...base,
      kind: 'lookback_due',
      recipientRole: 'supervisor',
      dueOn,
      dedupeKey: `lookback_due:${p.id}:${closedOn}:${months}`,
      message: text('lookbackDue', { months, dueDate: dueOn, closedOn }),
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
  const settingsOf = await settingsByRegion(
    db,
    rows.map((r) => r.regionCode),
  );
  let created = 0;
  const batch: NewNotification[] = [];
  for (const row of rows) {
    const settings = settingsOf(row.regionCode);
    // The campaign's look-back plan when it sets one, else the region's.
    const months = row.lookbackMonths?.length ? row.lookbackMonths : settings.lookbackMonths;
    batch.push(...remindersFor(row, snapshotFromJson(row.snapshot), now, months, settings));
    if (batch.length >= 500) created += await addNotifications(db, batch.splice(0));
  }
  created += await addNotifications(db, batch);
  return { problems: rows.length, created };
}
