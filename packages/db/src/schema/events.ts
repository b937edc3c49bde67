import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every state change of the platform, written in the same transaction as the change (DESIGN §3).
 * Append-only: a trigger refuses UPDATE and DELETE. `unitId` is the unit the subject belongs to (for unit scope).
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id'),
    payload: jsonb('payload').notNull().default({}),
    evidence: text('evidence').array().notNull().default([]),
  },
  (t) => [
    index('events_subject_idx').on(t.subjectType, t.subjectId, t.id),
    index('events_region_idx').on(t.regionCode, t.id),
    index('events_type_at_idx').on(t.type, t.at),
  ],
);
