import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, like, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  clues,
  events,
  feedbackSentiments,
  hotTopicRuns,
  hotTopics,
  opinionAlerts,
  problems,
  replyAssessments,
} from '../schema/index.ts';
import { registerScopedTable, type Scope } from '../scope.ts';

export type HotTopicRunRow = typeof hotTopicRuns.$inferSelect;
export type HotTopicRow = typeof hotTopics.$inferSelect;
export type NewHotTopicRow = typeof hotTopics.$inferInsert;
export type FeedbackSentimentRow = typeof feedbackSentiments.$inferSelect;
export type NewFeedbackSentimentRow = typeof feedbackSentiments.$inferInsert;
export type OpinionAlertRow = typeof opinionAlerts.$inferSelect;
export type NewOpinionAlertRow = typeof opinionAlerts.$inferInsert;
export type ReplyAssessmentRow = typeof replyAssessments.$inferSelect;
export type NewReplyAssessmentRow = typeof replyAssessments.$inferInsert;

// Topics are about a region, not a unit: unit grants see none. Feedback, alerts and reply assessments follow the
// unit they are about.
registerScopedTable(hotTopicRuns, { region: hotTopicRuns.regionCode });
registerScopedTable(hotTopics, { region: hotTopics.regionCode });
registerScopedTable(feedbackSentiments, {
  region: feedbackSentiments.regionCode,
  unit: (ids) => inArray(feedbackSentiments.unitId, ids),
});
registerScopedTable(opinionAlerts, {
  region: opinionAlerts.regionCode,
  unit: (ids) => inArray(opinionAlerts.unitId, ids),
});
registerScopedTable(replyAssessments, {
  region: replyAssessments.regionCode,
  unit: (ids) => inArray(replyAssessments.unitId, ids),
});

/* ---------- hot topics ---------- */

/** The latest stored run of one region and window with its best `limit` topics; undefined when never computed. */
export async function latestHotTopics(
  db: Executor,
  scope: Scope,
  regionCode: string,
  windowDays: number,
  limit: number,
): Promise<{ run: HotTopicRunRow; topics: HotTopicRow[] } | undefined> {
  const [run] = await db
    .select()
    .from(hotTopicRuns)
    .where(
      scope.filter(hotTopicRuns, eq(hotTopicRuns.regionCode, regionCode), eq(hotTopicRuns.windowDays, windowDays)),
    );
  if (!run) return undefined;
  const topics = await db
    .select()
    .from(hotTopics)
    .where(scope.filter(hotTopics, eq(hotTopics.regionCode, regionCode), eq(hotTopics.windowDays, windowDays)))
    .orderBy(asc(hotTopics.rank))
    .limit(limit);
  return { run, topics };
}

/**
 * Replaces the snapshot of one region and window in one transaction. The run row is written first: its row lock
 * makes a concurrent replacement of the same snapshot wait, so two writers never leave both sets of topics behind.
 */
export async function replaceHotTopics(db: Executor, run: HotTopicRunRow, topics: NewHotTopicRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(hotTopicRuns)
      .values(run)
      .onConflictDoUpdate({
        target: [hotTopicRuns.regionCode, hotTopicRuns.windowDays],
        set: {
          computedAt: run.computedAt,
          modelVersion: run.modelVersion,
          clueCount: run.clueCount,
          durationMs: run.durationMs,
        },
      });
    await tx
      .delete(hotTopics)
      .where(and(eq(hotTopics.regionCode, run.regionCode), eq(hotTopics.windowDays, run.windowDays)));
    if (topics.length > 0) await tx.insert(hotTopics).values(topics);
  });
}

/** What topic detection reads of a clue: its text, place and an opaque reporter key (never the contact). */
export async function cluesForTopics(db: Executor, scope: Scope, regionPrefix: string, from: Date, to: Date) {
  return db
    .select({
      id: clues.id,
      title: clues.title,
      body: clues.body,
      regionCode: clues.regionCode,
      townCode: clues.townCode,
      reporterKey: clues.reporterKey,
      receivedAt: clues.receivedAt,
    })
    .from(clues)
    .where(
      scope.filter(
        clues,
        like(clues.regionCode, `${regionPrefix}%`),
        gte(clues.receivedAt, from),
        lte(clues.receivedAt, to),
        eq(clues.moderation, 'ok'),
      ),
    )
    .orderBy(asc(clues.receivedAt));
}

/** Counties (6-digit codes) with clues received since `from`, and the regions with a stored run of the window. */
export async function topicRegions(db: Executor, scope: Scope, from: Date, windowDays: number): Promise<string[]> {
  const counties = await db
    .selectDistinct({ code: sql<string>`substr(${clues.regionCode}, 1, 6)` })
    .from(clues)
    .where(scope.filter(clues, gte(clues.receivedAt, from), eq(clues.moderation, 'ok')));
  const stored = await db
    .select({ code: hotTopicRuns.regionCode })
    .from(hotTopicRuns)
    .where(scope.filter(hotTopicRuns, eq(hotTopicRuns.windowDays, windowDays)));
  return [...new Set([...counties.map((c) => c.code), ...stored.map((s) => s.code)])].sort();
}

/* ---------- feedback sentiment ---------- */

/** Rated clues whose rating has no sentiment yet, oldest first. */
export async function unscoredClueRatings(db: Executor, scope: Scope, limit: number) {
  return db
    .select({
      id: clues.id,
      regionCode: clues.regionCode,
      unitId: clues.handlingUnitId,
      category: clues.category,
      rating: clues.rating,
      comment: clues.ratingComment,
      at: clues.ratedAt,
    })
    .from(clues)
    .leftJoin(
      feedbackSentiments,
      and(eq(feedbackSentiments.sourceType, 'clue_rating'), eq(feedbackSentiments.sourceId, sql`${clues.id}::text`)),
    )
    .where(scope.filter(clues, isNotNull(clues.rating), isNotNull(clues.ratedAt), isNull(feedbackSentiments.id)))
    .orderBy(asc(clues.ratedAt))
    .limit(limit);
}

/** Problem-rating events without a sentiment yet, oldest first, with the rated problem's category. */
export async function unscoredProblemRatings(db: Executor, scope: Scope, limit: number) {
  return db
    .select({
      eventId: events.id,
      problemId: problems.id,
      regionCode: events.regionCode,
      unitId: events.unitId,
      category: problems.category,
      payload: events.payload,
      at: events.at,
    })
    .from(events)
    .innerJoin(problems, and(eq(events.subjectType, 'problem'), eq(sql`${problems.id}::text`, events.subjectId)))
    .leftJoin(
      feedbackSentiments,
      and(
        eq(feedbackSentiments.sourceType, 'problem_rating'),
        eq(feedbackSentiments.sourceId, sql`${events.id}::text`),
      ),
    )
    .where(scope.filter(events, eq(events.type, 'problem.rated'), isNull(feedbackSentiments.id)))
    .orderBy(asc(events.id))
    .limit(limit);
}

export async function insertFeedbackSentiments(db: Executor, rows: NewFeedbackSentimentRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(feedbackSentiments)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: feedbackSentiments.id });
  return inserted.length;
}

/** Feedback given in [from, to], oldest first (what spike detection reads). */
export async function feedbackBetween(db: Executor, scope: Scope, from: Date, to: Date) {
  return db
    .select()
    .from(feedbackSentiments)
    .where(scope.filter(feedbackSentiments, gte(feedbackSentiments.at, from), lte(feedbackSentiments.at, to)))
    .orderBy(asc(feedbackSentiments.at));
}

/* ---------- opinion alerts ---------- */

/** Stores an alert unless the same subject and bucket already alerted; returns the new row or undefined. */
export async function insertOpinionAlertOnce(db: Executor, row: NewOpinionAlertRow) {
  const [created] = await db.insert(opinionAlerts).values(row).onConflictDoNothing().returning();
  return created;
}

/** Alerts of one subject type in a region and bucket (to recognise a topic already alerted under other keywords). */
export async function alertsOfBucket(db: Executor, regionCode: string, subjectType: string, bucketStart: Date) {
  return db
    .select()
    .from(opinionAlerts)
    .where(
      and(
        eq(opinionAlerts.regionCode, regionCode),
        eq(opinionAlerts.subjectType, subjectType),
        eq(opinionAlerts.bucketStart, bucketStart),
      ),
    );
}

export interface OpinionAlertFilters {
  regionPrefix?: string | undefined;
  status?: 'open' | 'acknowledged' | undefined;
  limit: number;
}

export async function listOpinionAlerts(db: Executor, scope: Scope, f: OpinionAlertFilters) {
  const conditions: (SQL | undefined)[] = [
    f.regionPrefix ? like(opinionAlerts.regionCode, `${f.regionPrefix}%`) : undefined,
    f.status ? eq(opinionAlerts.status, f.status) : undefined,
  ];
  return db
    .select()
    .from(opinionAlerts)
    .where(scope.filter(opinionAlerts, ...conditions))
    .orderBy(desc(opinionAlerts.bucketStart), desc(opinionAlerts.zScore))
    .limit(f.limit);
}

export async function findOpinionAlert(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(opinionAlerts)
    .where(scope.filter(opinionAlerts, eq(opinionAlerts.id, id)));
  return row;
}

/** Marks an open alert acknowledged; undefined when it was not open (someone acknowledged it first). */
export async function acknowledgeOpinionAlert(db: Executor, id: string, userId: string, at: Date) {
  const [row] = await db
    .update(opinionAlerts)
    .set({ status: 'acknowledged', acknowledgedBy: userId, acknowledgedAt: at })
    .where(and(eq(opinionAlerts.id, id), eq(opinionAlerts.status, 'open')))
    .returning();
  return row;
}

/* ---------- reply quality ---------- */

export async function insertReplyAssessment(db: Executor, row: NewReplyAssessmentRow) {
  const [created] = await db.insert(replyAssessments).values(row).onConflictDoNothing().returning();
  return created;
}

/** The latest assessment of each subject (the reply currently in force), by subject id. */
export async function latestReplyAssessments(
  db: Executor,
  scope: Scope,
  subjectType: 'clue' | 'problem',
  subjectIds: string[],
): Promise<Map<string, ReplyAssessmentRow>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(replyAssessments)
    .where(
      scope.filter(
        replyAssessments,
        eq(replyAssessments.subjectType, subjectType),
        inArray(replyAssessments.subjectId, subjectIds),
      ),
    )
    .orderBy(asc(replyAssessments.eventId));
  return new Map(rows.map((r) => [r.subjectId, r]));
}

export async function replyAssessmentsOfEvents(
  db: Executor,
  scope: Scope,
  eventIds: number[],
): Promise<Map<number, ReplyAssessmentRow>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(replyAssessments)
    .where(scope.filter(replyAssessments, inArray(replyAssessments.eventId, eventIds)));
  return new Map(rows.map((r) => [r.eventId, r]));
}
