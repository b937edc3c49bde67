import { index, integer, jsonb, pgTable, text, timestamp, uuid, date } from 'drizzle-orm/pg-core';

/**
 * Problems (问题): the unit of work. The state machine in @rectify/domain owns `state` and `snapshot` (everything its
 * guards read); the other columns are copies of snapshot fields and derived flags, kept in the same UPDATE so the
 * three lists can filter, sort and count with indexes.
 */
export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category'),
    severity: text('severity', { enum: ['normal', 'important', 'critical'] })
      .notNull()
      .default('normal'),
    source: text('source', { enum: ['campaign', 'clue', 'research', 'data'] }).notNull(),
    regionCode: text('region_code').notNull(),
    campaignId: uuid('campaign_id'),
    state: text('state').notNull(),
    leadUnitId: uuid('lead_unit_id'),
    coUnitIds: uuid('co_unit_ids').array().notNull().default([]),
    deadline: date('deadline', { mode: 'string' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    warning: text('warning'),
    overdueDays: integer('overdue_days').notNull().default(0),
    escalation: integer('escalation').notNull().default(0),
    reopened: integer('reopened').notNull().default(0),
    snapshot: jsonb('snapshot').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('problems_region_idx').on(t.regionCode),
    index('problems_state_idx').on(t.state, t.regionCode),
    index('problems_lead_unit_idx').on(t.leadUnitId),
    index('problems_co_units_idx').using('gin', t.coUnitIds),
    index('problems_deadline_idx').on(t.deadline),
    index('problems_campaign_idx').on(t.campaignId),
  ],
);
