import { z } from 'zod';
import { isoDateTime, regionCode, uuid } from './common.ts';

/**
 * Public-opinion analytics (DESIGN §8) as the platform stores and serves them: hot topics per region and window,
 * negative-feedback alerts (舆情预警), reply-quality assessments. Every result names the model version that made it
 * and is a suggestion for people to confirm.
 */

export const hotTopicsQuery = z.object({
  regionCode: regionCode.optional().describe('region subtree (default: the caller’s scope)'),
  windowDays: z.coerce.number().int().min(1).max(365).default(30),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const hotTopicView = z.object({
  /** Stable across recomputes: a topic keeps its id while most of its clues stay in it. */
  id: uuid,
  rank: z.number().int(),
  heat: z.number(),
  regionCode,
  keywords: z.array(z.string()),
  clueCount: z.number().int(),
  reporters: z.number().int(),
  towns: z.number().int(),
  /** Recent period ÷ previous period of equal length (1 = flat). */
  growth: z.number(),
  representatives: z.array(z.object({ clueId: uuid, title: z.string() })),
  clueIds: z.array(uuid),
  firstAt: isoDateTime,
  lastAt: isoDateTime,
});
export type HotTopicView = z.infer<typeof hotTopicView>;

export const hotTopicsView = z.object({
  regionCode,
  windowDays: z.number().int(),
  computedAt: isoDateTime.nullable(),
  modelVersion: z.string().nullable(),
  items: z.array(hotTopicView),
});
export type HotTopicsView = z.infer<typeof hotTopicsView>;

export const OPINION_ALERT_SUBJECTS = ['unit', 'category', 'topic'] as const;
export const OPINION_ALERT_STATUSES = ['open', 'acknowledged'] as const;

export const opinionAlertsQuery = z.object({
  regionCode: regionCode.optional(),
  status: z.enum(OPINION_ALERT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const opinionAlertView = z.object({
  id: uuid,
  regionCode,
  subjectType: z.enum(OPINION_ALERT_SUBJECTS),
  /** Unit id, category name or hot-topic id (stable across recomputes), per subjectType. */
  subjectKey: z.string(),
  subjectLabel: z.string(),
  bucketStart: isoDateTime,
  negativeCount: z.number().int(),
  baselineMean: z.number(),
  zScore: z.number(),
  examples: z.array(z.object({ sourceType: z.string(), sourceId: uuid, text: z.string() })),
  status: z.enum(OPINION_ALERT_STATUSES),
  modelVersion: z.string(),
  createdAt: isoDateTime,
});
export type OpinionAlertView = z.infer<typeof opinionAlertView>;

export const opinionAlertsView = z.object({ items: z.array(opinionAlertView) });

export const replyQualityView = z.object({
  relevance: z.number(),
  completeness: z.number(),
  days: z.number().nullable(),
  timeliness: z.number(),
  citesMeasure: z.boolean(),
  citesPolicy: z.boolean(),
  parts: z.array(z.string()),
  score: z.number(),
  grade: z.enum(['优', '良', '中', '差']),
  modelVersion: z.string(),
});
export type ReplyQualityView = z.infer<typeof replyQualityView>;

/**
 * The analytics part of a staff clue view (`suggestions` on GET /api/clues, GET /api/clues/:id and the command
 * responses): the classifier's category and lead unit with a calibrated confidence, near-duplicates, the model version.
 * `needsReview`: the confidence is below the review threshold of the classifier, so a person must decide the category
 * (待人工判断). Everything here is a suggestion; nothing is applied without a person.
 */
export const clueSuggestionsView = z.object({
  category: z.string().nullable(),
  unit: z.string().nullable(),
  confidence: z.number().nullable(),
  needsReview: z.boolean(),
  /** The confidence below which a suggestion needs a person (the active model's threshold). */
  reviewThreshold: z.number(),
  duplicates: z.array(z.object({ id: uuid, similarity: z.number() })),
  modelVersion: z.string(),
});
export type ClueSuggestionsView = z.infer<typeof clueSuggestionsView>;

/** `needsReview=true|false` on the triage queue (GET /api/clues): only clues whose suggestion does (not) need a person. */
export const needsReviewParam = z
  .enum(['true', 'false'], { message: 'needsReview 只能是 true 或 false' })
  .transform((v) => v === 'true')
  .optional()
  .describe('true: only clues whose category suggestion needs a person (待人工判断); false: only confident ones');
