import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Reminders and tasks for people (待办提醒): addressed to a unit (its liaisons and head) or to a role within a region.
 * `dedupeKey` makes a job that runs twice, or in two processes, produce one notification.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    regionCode: text('region_code').notNull(),
    recipientUnitId: uuid('recipient_unit_id'),
    recipientRole: text('recipient_role'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    message: text('message').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey),
    index('notifications_unit_idx').on(t.recipientUnitId, t.createdAt),
    index('notifications_region_idx').on(t.regionCode, t.createdAt),
  ],
);
