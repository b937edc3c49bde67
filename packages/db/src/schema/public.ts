import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './org.ts';

export const BULLETIN_KINDS = ['notice', 'progress', 'result'] as const;
export const BULLETIN_STATES = ['draft', 'published', 'withdrawn'] as const;

/**
 * Bulletins (通报/公告) staff publish to the portal and the region's feed: notices of a campaign, progress reports of
 * the rectification, results. A withdrawn bulletin leaves the portal but stays here.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: BULLETIN_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    campaignId: uuid('campaign_id'),
    state: text('state', { enum: BULLETIN_STATES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('bulletins_public_idx').on(t.state, t.regionCode, t.publishedAt),
    index('bulletins_region_idx').on(t.regionCode, t.createdAt),
  ],
);

/**
 * Light public accounts (轻量账号): a reporter who signs in with a phone number or email address sees all their reports
 * without keeping tracking codes. The contact is identified by a keyed digest (`contact_digest`, HMAC-SHA256 of the
 * normalised contact) and otherwise stored only encrypted, like clue contacts. Clues of an account carry
 * `reporter_key = 'account:' || id`.
 */
export const publicAccounts = pgTable('public_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  contactDigest: text('contact_digest').notNull().unique(),
  contactKind: text('contact_kind', { enum: ['phone', 'email'] }).notNull(),
  contactCiphertext: text('contact_ciphertext').notNull(),
  contactKeyId: text('contact_key_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
});

/** One-time sign-in codes sent to a contact; only the code's SHA-256 is kept, with an attempt counter. */
export const publicSignInCodes = pgTable(
  'public_sign_in_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactDigest: text('contact_digest').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('public_sign_in_codes_contact_idx').on(t.contactDigest, t.createdAt)],
);

/** Sessions of light accounts; the cookie carries a random token whose SHA-256 is `id` (as for staff sessions). */
export const publicSessions = pgTable(
  'public_sessions',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => publicAccounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_sessions_account_idx').on(t.accountId)],
);
