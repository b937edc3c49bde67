import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Typical cases (典型案例): a rectified problem written up as an example for other regions and units. */
export const typicalCases = pgTable(
  'typical_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id').notNull(),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    lessons: text('lessons').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('typical_cases_region_idx').on(t.regionCode)],
);

/** Policy-optimisation items (政策优化清单): a policy gap a problem revealed, followed until the policy changes. */
export const policyItems = pgTable(
  'policy_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id'),
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id'),
    title: text('title').notNull(),
    proposal: text('proposal').notNull(),
    status: text('status').notNull().default('proposed'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_items_region_idx').on(t.regionCode)],
);
