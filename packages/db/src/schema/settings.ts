import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RegionSettings } from '@rectify/domain';
import { regions } from './org.ts';

/**
 * What each region sets for itself and its subtree (KPI targets, assessment weights, dispute window, routing table,
 * templates…). One row per region that has saved anything; `settings` holds only the keys it sets, validated by the
 * domain's `regionSettings` schema on every write. Resolution up the region tree is the domain's `effectiveSettings`.
 */
export const regionSettings = pgTable('region_settings', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  settings: jsonb('settings').notNull().$type<RegionSettings>(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
