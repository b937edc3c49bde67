import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const CLUE_INTAKE_CHANNELS = ['portal', 'hotline', 'open311', 'platform', 'member', 'staff'] as const;
export const CLUE_MODERATION = ['ok', 'held', 'spam'] as const;

/**
 * Public-opinion clues (民意线索) from every channel. The clue machine in @rectify/domain owns `state` and
 * `snapshot`; the other lifecycle columns copy snapshot fields so the triage queue can filter and count with
 * indexes. The reporter's contact is only ever stored encrypted (`contact_ciphertext`, AES-256-GCM, the key id
 * beside it for rotation).
 */
export const clues = pgTable(
  'clues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short code the reporter tracks the clue with: random, unambiguous alphabet, unique. */
    trackingCode: text('tracking_code').notNull(),
    /** Client-chosen key (portal, Open311) or derived one (imports): a retried submit finds the first one. */
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of the submitted content: a retry with the same key but other content is refused. */
    requestHash: text('request_hash'),
    /** Normalised-text hash for duplicate-flood detection. */
    contentHash: text('content_hash').notNull(),
    regionCode: text('region_code').notNull(),
    townCode: text('town_code'),
    channel: text('channel', { enum: CLUE_INTAKE_CHANNELS }).notNull(),
    /** Reference in the source system (12345 work-order number, Open311 partner id …). */
    externalRef: text('external_ref'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The reporter's category, then the triaged one. */
    category: text('category'),
    /** Analytics suggestions (category, unit, near-duplicates) — shown as suggestions only. */
    suggestedCategory: text('suggested_category'),
    suggestedUnit: text('suggested_unit'),
    suggestionConfidence: real('suggestion_confidence'),
    suggestedDuplicates: jsonb('suggested_duplicates').$type<{ id: string; similarity: number }[]>(),
    modelVersion: text('model_version'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    address: text('address'),
    /** SHA-256 of the attached evidence files (≤ 9 photos). */
    attachments: text('attachments').array().notNull().default([]),
    contactCiphertext: text('contact_ciphertext'),
    contactKeyId: text('contact_key_id'),
    anonymous: boolean('anonymous').notNull().default(false),
    state: text('state').notNull(),
    moderation: text('moderation', { enum: CLUE_MODERATION }).notNull().default('ok'),
    moderationReason: text('moderation_reason'),
    /** Merged into this clue (state `merged`). */
    duplicateOf: uuid('duplicate_of'),
    problemId: uuid('problem_id'),
    handlingUnitId: uuid('handling_unit_id'),
    /** Opaque key of the reporter (device or account), for rate limits and "rated once". */
    reporterKey: text('reporter_key'),
    createdBy: uuid('created_by'),
    snapshot: jsonb('snapshot').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    firstReplyAt: timestamp('first_reply_at', { withTimezone: true }),
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('clues_tracking_code_idx').on(t.trackingCode),
    uniqueIndex('clues_idempotency_key_idx').on(t.idempotencyKey),
    index('clues_region_idx').on(t.regionCode, t.receivedAt),
    index('clues_state_idx').on(t.state, t.regionCode),
    index('clues_moderation_idx').on(t.moderation, t.receivedAt),
    index('clues_content_idx').on(t.contentHash, t.receivedAt),
    index('clues_problem_idx').on(t.problemId),
    index('clues_handling_unit_idx').on(t.handlingUnitId),
    index('clues_reporter_idx').on(t.reporterKey, t.receivedAt),
  ],
);

/**
 * What staff chose to publish of a problem (DESIGN §6): the problem itself, and separately its measures, progress
 * and result. A problem without a row here is not public.
 */
export const problemPublications = pgTable(
  'problem_publications',
  {
    problemId: uuid('problem_id').primaryKey(),
    regionCode: text('region_code').notNull(),
    published: boolean('published').notNull().default(true),
    measures: boolean('measures').notNull().default(false),
    progress: boolean('progress').notNull().default(false),
    result: boolean('result').notNull().default(false),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('problem_publications_region_idx').on(t.regionCode, t.publishedAt)],
);

/** One import run of hotline / platform work orders (dry runs included), for the record and progress. */
export const clueImports = pgTable(
  'clue_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileSha256: text('file_sha256').notNull(),
    filename: text('filename').notNull(),
    channel: text('channel').notNull(),
    regionCode: text('region_code').notNull(),
    mapping: jsonb('mapping').notNull(),
    dryRun: boolean('dry_run').notNull(),
    total: integer('total').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('clue_imports_file_idx').on(t.fileSha256)],
);
