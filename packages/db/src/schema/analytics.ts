import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Public-opinion analytics (DESIGN §8). Every row names the model version that produced it; all of it is a
 * suggestion for people to confirm, recomputed from the clues and ratings it was derived from.
 */

/** One hot-topic computation per region subtree and window: when, by which model, over how many clues. */
export const hotTopicRuns = pgTable(
  'hot_topic_runs',
  {
    regionCode: text('region_code').notNull(),
    windowDays: integer('window_days').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    modelVersion: text('model_version').notNull(),
    /** Clues inside the window that were clustered. */
    clueCount: integer('clue_count').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.windowDays] })],
);

/** The topics of the latest run of a region and window (replaced with the run, in one transaction). */
export const hotTopics = pgTable(
  'hot_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    windowDays: integer('window_days').notNull(),
    rank: integer('rank').notNull(),
    heat: doublePrecision('heat').notNull(),
    keywords: text('keywords').array().notNull(),
    clueCount: integer('clue_count').notNull(),
    /** Distinct reporters, counted over hashed reporter keys (never contact data). */
    reporters: integer('reporters').notNull(),
    towns: integer('towns').notNull(),
    /** Recent period ÷ previous period of equal length. */
    growth: doublePrecision('growth').notNull(),
    representatives: jsonb('representatives').notNull().$type<{ clueId: string; title: string }[]>(),
    clueIds: uuid('clue_ids').array().notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    modelVersion: text('model_version').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hot_topics_region_idx').on(t.regionCode, t.windowDays, t.rank)],
);

export const FEEDBACK_SOURCES = ['clue_rating', 'problem_rating'] as const;

/** Sentiment of one piece of public feedback (a clue rating, a problem rating) with its comment. */
export const feedbackSentiments = pgTable(
  'feedback_sentiments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceType: text('source_type', { enum: FEEDBACK_SOURCES }).notNull(),
    /** The clue id (clue ratings) or the rating event's id (problem ratings). */
    sourceId: text('source_id').notNull(),
    /** The rated clue or problem. */
    subjectId: uuid('subject_id').notNull(),
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id'),
    category: text('category'),
    rating: text('rating'),
    /** The comment, personal data masked; empty when the rater gave none. */
    text: text('text').notNull(),
    score: real('score').notNull(),
    label: text('label').notNull(),
    modelVersion: text('model_version').notNull(),
    /** When the feedback was given. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    analysedAt: timestamp('analysed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_sentiments_source_idx').on(t.sourceType, t.sourceId),
    index('feedback_sentiments_region_idx').on(t.regionCode, t.at),
  ],
);

/** 舆情预警: a spike of negative feedback about one subject in one time bucket, raised once. */
export const opinionAlerts = pgTable(
  'opinion_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectKey: text('subject_key').notNull(),
    subjectLabel: text('subject_label').notNull(),
    /** The unit the alert is about (unit subjects), for unit scope. */
    unitId: uuid('unit_id'),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    negativeCount: integer('negative_count').notNull(),
    baselineMean: doublePrecision('baseline_mean').notNull(),
    zScore: doublePrecision('z_score').notNull(),
    examples: jsonb('examples').notNull().$type<{ sourceType: string; sourceId: string; text: string }[]>(),
    /** `open` or `acknowledged` (OPINION_ALERT_STATUSES in @rectify/domain). */
    status: text('status').notNull().$type<'open' | 'acknowledged'>().default('open'),
    modelVersion: text('model_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('opinion_alerts_subject_bucket_idx').on(t.regionCode, t.subjectType, t.subjectKey, t.bucketStart),
    index('opinion_alerts_region_idx').on(t.regionCode, t.status, t.createdAt),
  ],
);

export const REPLY_SUBJECTS = ['clue', 'problem'] as const;

/** Quality of one unit reply to a clue or one progress report on a problem, assessed when it was stored. */
export const replyAssessments = pgTable(
  'reply_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The event that recorded the reply or progress report. */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    subjectType: text('subject_type', { enum: REPLY_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id'),
    relevance: real('relevance').notNull(),
    completeness: real('completeness').notNull(),
    days: real('days'),
    timeliness: real('timeliness').notNull(),
    citesMeasure: boolean('cites_measure').notNull(),
    citesPolicy: boolean('cites_policy').notNull(),
    parts: text('parts').array().notNull(),
    score: real('score').notNull(),
    grade: text('grade').notNull(),
    modelVersion: text('model_version').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reply_assessments_event_idx').on(t.eventId),
    index('reply_assessments_subject_idx').on(t.subjectType, t.subjectId),
  ],
);
