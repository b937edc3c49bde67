import { bigserial, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Indicator schemes (评议指标体系): each version is a row; versions of one scheme share `familyId`. */
export const indicatorSchemes = pgTable(
  'indicator_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    indicators: jsonb('indicators').notNull(),
    regionCode: text('region_code').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_schemes_family_version_uq').on(t.familyId, t.version)],
);

/** Review campaigns (评议活动). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    phase: text('phase').notNull().default('planning'),
    schemeId: uuid('scheme_id'),
    targetUnitIds: uuid('target_unit_ids').array().notNull().default([]),
    memberIds: uuid('member_ids').array().notNull().default([]),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    sourceWeights: jsonb('source_weights'),
    lookbackMonths: integer('lookback_months').array().notNull().default([3, 6]),
    phaseChangedAt: timestamp('phase_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('campaigns_region_idx').on(t.regionCode)],
);

/** One rater's score of one unit on one indicator; re-submitting replaces it. */
export const campaignScores = pgTable(
  'campaign_scores',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    source: text('source').notNull(),
    raterId: text('rater_id').notNull(),
    value: real('value').notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_scores_uq').on(t.campaignId, t.unitId, t.indicatorKey, t.source, t.raterId),
    index('campaign_scores_campaign_idx').on(t.campaignId),
  ],
);

/** Research records (调研/走访/座谈). */
export const researchRecords = pgTable(
  'research_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull(),
    evidence: text('evidence').array().notNull().default([]),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('research_records_campaign_idx').on(t.campaignId), index('research_records_region_idx').on(t.regionCode)],
);

/** Members' suggestions (意见建议) on a problem, answered by the lead unit. */
export const suggestions = pgTable(
  'suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id').notNull(),
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id'),
    memberId: uuid('member_id').notNull(),
    text: text('text').notNull(),
    answer: text('answer'),
    answerReason: text('answer_reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('suggestions_problem_idx').on(t.problemId), index('suggestions_region_idx').on(t.regionCode)],
);

/** Long-term mechanisms (长效机制) and the problems they settle. */
export const mechanisms = pgTable(
  'mechanisms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    documentNo: text('document_no'),
    summary: text('summary').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mechanisms_region_idx').on(t.regionCode)],
);

export const problemMechanisms = pgTable(
  'problem_mechanisms',
  {
    problemId: uuid('problem_id').notNull(),
    mechanismId: uuid('mechanism_id')
      .notNull()
      .references(() => mechanisms.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('problem_mechanisms_uq').on(t.problemId, t.mechanismId)],
);

/** Uploaded evidence, stored on disk by SHA-256; this row is what the platform knows about the bytes. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    sha256: text('sha256').primaryKey(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name'),
    regionCode: text('region_code').notNull(),
    uploadedBy: uuid('uploaded_by'),
    exif: jsonb('exif'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_files_region_idx').on(t.regionCode)],
);
