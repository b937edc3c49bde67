import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

/**
 * KPI marks: one narrow row per rating or look-back event of a problem, so the dashboard counts satisfaction and
 * rebounds without reading events. Written by a trigger on `events` in the event's own transaction (every path that
 * stores such an event fills it; migration 0011 filled it for the events before). `value`: the rating's value or the
 * look-back's result, as in the event's input. `supersededAt` (ratings): when the same rater next rated the same problem — a rating
 * counts in a period when it was made in it and not superseded before the period's end (the latest one wins).
 */
export const kpiMarks = pgTable(
  'kpi_marks',
  {
    eventId: bigint('event_id', { mode: 'number' }).primaryKey(),
    problemId: uuid('problem_id').notNull(),
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id'),
    kind: text('kind', { enum: ['rating', 'lookback'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    raterUserId: uuid('rater_user_id'),
    value: text('value'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [index('kpi_marks_problem_idx').on(t.problemId, t.raterUserId)],
);
