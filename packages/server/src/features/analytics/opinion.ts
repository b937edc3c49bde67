import { inArray } from 'drizzle-orm';
import {
  alertsOfBucket,
  feedbackBetween,
  insertFeedbackSentiments,
  insertOpinionAlertOnce,
  latestHotTopics,
  schema,
  Scope,
  unscoredClueRatings,
  unscoredProblemRatings,
  type Executor,
  type FeedbackSentimentRow,
  type NewFeedbackSentimentRow,
} from '@rectify/db';
import type { RatingValue } from '@rectify/domain';
import { detectNegativeSpikes, maskPersonalData, sentimentOf, type FeedbackEvent } from '@rectify/nlp';

const DAY_MS = 86_400_000;
const BATCH = 2000;
/** A rating is the rater's own verdict, blended into the text's sentiment on a 1–5 scale. */
const RATING_STARS: Record<RatingValue, number> = { satisfied: 5, basically_satisfied: 3, dissatisfied: 1 };

export interface OpinionOptions {
  /** Alerts are raised for buckets within this many days before now. */
  lookbackDays: number;
  bucketHours: number;
  baselineBuckets: number;
  minCount: number;
  z: number;
}

function scored(
  base: Omit<NewFeedbackSentimentRow, 'score' | 'label' | 'modelVersion' | 'text'>,
  comment: string | null | undefined,
): NewFeedbackSentimentRow {
  const text = comment ? maskPersonalData(comment) : '';
  const stars = base.rating ? RATING_STARS[base.rating as RatingValue] : undefined;
  const s = sentimentOf(text, stars);
  return { ...base, text, score: s.score, label: s.label, modelVersion: s.version };
}

/** Sentiment of every clue rating and problem rating not scored yet. Idempotent (one row per rating). */
export async function scoreNewFeedback(db: Executor): Promise<number> {
  const scope = Scope.system();
  let total = 0;
  for (;;) {
    const clueRatings = await unscoredClueRatings(db, scope, BATCH);
    const problemRatings = await unscoredProblemRatings(db, scope, BATCH);
    const rows = [
      ...clueRatings.map((c) =>
        scored(
          {
            sourceType: 'clue_rating',
            sourceId: c.id,
            subjectId: c.id,
            regionCode: c.regionCode,
            unitId: c.unitId,
            category: c.category,
            rating: c.rating,
            at: c.at!,
          },
          c.comment,
        ),
      ),
      ...problemRatings.map((p) => {
        const input = ((p.payload as { input?: { value?: string; comment?: string } }).input ?? {}) as {
          value?: string;
          comment?: string;
        };
        return scored(
          {
            sourceType: 'problem_rating',
            sourceId: String(p.eventId),
            subjectId: p.problemId,
            regionCode: p.regionCode,
            unitId: p.unitId,
            category: p.category,
            rating: input.value ?? null,
            at: p.at,
          },
          input.comment,
        );
      }),
    ];
    total += await insertFeedbackSentiments(db, rows);
    if (clueRatings.length < BATCH && problemRatings.length < BATCH) return total;
  }
}

interface Subject {
  regionCode: string;
  subjectType: 'unit' | 'category' | 'topic';
  subjectKey: string;
  subjectLabel: string;
  unitId: string | null;
}

const countyOf = (code: string) => code.slice(0, 6);

/**
 * The subjects one piece of feedback counts for: the unit it is about (alerting in the unit's own region), its
 * category within its county, and the county's hot topic its clue belongs to.
 */
function subjectsOf(
  f: FeedbackSentimentRow,
  units: Map<string, { name: string; regionCode: string }>,
  topicOfClue: Map<string, { county: string; keywords: string[]; id: string }>,
): [string, Subject][] {
  const out: [string, Subject][] = [];
  const unit = f.unitId ? units.get(f.unitId) : undefined;
  if (f.unitId && unit) {
    out.push([
      `unit:${f.unitId}`,
      {
        regionCode: unit.regionCode,
        subjectType: 'unit',
        subjectKey: f.unitId,
        subjectLabel: unit.name,
        unitId: f.unitId,
      },
    ]);
  }
  const county = countyOf(f.regionCode);
  if (f.category) {
    out.push([
      `category:${county}:${f.category}`,
      { regionCode: county, subjectType: 'category', subjectKey: f.category, subjectLabel: f.category, unitId: null },
    ]);
  }
  const topic = f.sourceType === 'clue_rating' ? topicOfClue.get(f.subjectId) : undefined;
  if (topic) {
    // Keyed by the topic's id, which recomputes carry over while the topic keeps most of its clues; the keywords
    // (which shift between runs) are only the label.
    out.push([
      `topic:${topic.county}:${topic.id}`,
      {
        regionCode: topic.county,
        subjectType: 'topic',
        subjectKey: topic.id,
        subjectLabel: `热点：${topic.keywords.slice(0, 3).join('、')}`,
        unitId: null,
      },
    ]);
  }
  return out;
}

const exampleText = (f: FeedbackSentimentRow) =>
  f.text || (f.rating === 'dissatisfied' ? '不满意（未填写评价意见）' : `评价：${f.rating ?? '无'}`);

/**
 * The `opinion-alerts` job (舆情预警): scores new feedback, then looks for spikes of negative feedback per unit, per
 * category and per hot topic, and stores each spike once (the same subject and bucket alert only once, whatever
 * happened to the first alert).
 */
export async function detectOpinionAlerts(
  db: Executor,
  options: OpinionOptions,
  windowDays: number,
  now = new Date(),
): Promise<{ scored: number; feedback: number; alerts: number }> {
  const scope = Scope.system();
  const scoredNow = await scoreNewFeedback(db);
  const from = new Date(
    now.getTime() - (options.lookbackDays * DAY_MS + options.baselineBuckets * options.bucketHours * 3_600_000),
  );
  const feedback = await feedbackBetween(db, scope, from, now);
  const unitIds = [...new Set(feedback.flatMap((f) => (f.unitId ? [f.unitId] : [])))];
  const unitRows = unitIds.length
    ? await db
        .select({ id: schema.units.id, name: schema.units.name, regionCode: schema.units.regionCode })
        .from(schema.units)
        .where(inArray(schema.units.id, unitIds))
    : [];
  const units = new Map(unitRows.map((u) => [u.id, u]));
  const topicOfClue = new Map<string, { county: string; keywords: string[]; id: string }>();
  for (const county of new Set(feedback.map((f) => countyOf(f.regionCode)))) {
    const snapshot = await latestHotTopics(db, scope, county, windowDays, 50);
    for (const t of snapshot?.topics ?? [])
      for (const id of t.clueIds) topicOfClue.set(id, { county, keywords: t.keywords, id: t.id });
  }

  const subjects = new Map<string, Subject>();
  const events: (FeedbackEvent & { row: FeedbackSentimentRow })[] = [];
  for (const f of feedback) {
    for (const [key, subject] of subjectsOf(f, units, topicOfClue)) {
      subjects.set(key, subject);
      events.push({ key, time: f.at, negative: f.label === 'negative', row: f });
    }
  }
  const bucketMs = options.bucketHours * 3_600_000;
  const since = now.getTime() - options.lookbackDays * DAY_MS;
  const spikes = detectNegativeSpikes(events, options).filter((s) => Date.parse(s.bucketStart) >= since);
  let alerts = 0;
  for (const spike of spikes) {
    const subject = subjects.get(spike.key)!;
    const bucketStart = new Date(spike.bucketStart);
    const negatives = events.filter(
      (e) =>
        e.key === spike.key &&
        e.negative &&
        Math.floor(e.row.at.getTime() / bucketMs) * bucketMs === bucketStart.getTime(),
    );
    const examples = negatives
      .sort((a, b) => a.row.score - b.row.score)
      .slice(0, 5)
      .map((e) => ({ sourceType: e.row.sourceType, sourceId: e.row.subjectId, text: exampleText(e.row) }));
    if (subject.subjectType === 'topic' && (await topicAlreadyAlerted(db, subject.regionCode, bucketStart, examples)))
      continue;
    const created = await insertOpinionAlertOnce(db, {
      ...subject,
      bucketStart,
      negativeCount: spike.count,
      baselineMean: spike.baselineMean,
      zScore: spike.zScore,
      examples,
      modelVersion: spike.version,
    });
    if (created) alerts++;
  }
  return { scored: scoredNow, feedback: feedback.length, alerts };
}

/** A topic that split or merged gets a new id: the same bucket alerted under another topic id shares its feedback. */
async function topicAlreadyAlerted(
  db: Executor,
  regionCode: string,
  bucketStart: Date,
  examples: { sourceId: string }[],
): Promise<boolean> {
  const ids = new Set(examples.map((e) => e.sourceId));
  const earlier = await alertsOfBucket(db, regionCode, 'topic', bucketStart);
  return earlier.some((a) => a.examples.some((e) => ids.has(e.sourceId)));
}
