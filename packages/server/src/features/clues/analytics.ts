import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { schema, unitRefs, type ClueRow, type Executor } from '@rectify/db';
import { classifyMessage, NearDuplicateIndex } from '@rectify/nlp';
import { effectiveSettingsFor } from '../settings/service.ts';

const WINDOW_DAYS = 30;

/**
 * Analytics suggestions for one clue: category and lead unit from the classifier, near-duplicates among the clues of
 * the same county received within 30 days before it. Stored with the model version; staff see them as suggestions
 * and decide themselves.
 */
export async function analyseClue(db: Executor, clue: ClueRow): Promise<ClueRow> {
  const c = classifyMessage({ subject: clue.title, body: clue.body });
  const since = new Date(clue.receivedAt.getTime() - WINDOW_DAYS * 86_400_000);
  const earlier = await db
    .select({
      id: schema.clues.id,
      title: schema.clues.title,
      body: schema.clues.body,
      receivedAt: schema.clues.receivedAt,
    })
    .from(schema.clues)
    .where(
      and(
        sql`${schema.clues.regionCode} like ${`${clue.regionCode.slice(0, 6)}%`}`,
        sql`${schema.clues.receivedAt} >= ${since.toISOString()}`,
        sql`${schema.clues.receivedAt} <= ${clue.receivedAt.toISOString()}`,
        ne(schema.clues.id, clue.id),
        ne(schema.clues.moderation, 'spam'),
      ),
    )
    .orderBy(desc(schema.clues.receivedAt))
    .limit(2000);
  const index = new NearDuplicateIndex({ windowDays: WINDOW_DAYS, sameRegion: false });
  for (const e of earlier) index.add({ id: e.id, text: `${e.title}\n${e.body}`, time: e.receivedAt });
  const duplicates = index
    .query({ id: clue.id, text: `${clue.title}\n${clue.body}`, time: clue.receivedAt })
    .map((d) => ({ id: d.id, similarity: Math.round(d.similarity * 1000) / 1000 }));
  const [row] = await db
    .update(schema.clues)
    .set({
      suggestedCategory: c.category,
      suggestedUnit: (await routedUnitName(db, clue.regionCode, c.category)) ?? c.suggestedUnit.lead ?? null,
      suggestionConfidence: c.confidence,
      suggestedDuplicates: duplicates,
      modelVersion: `${c.modelVersion}+${c.nlpVersion}`,
    })
    .where(eq(schema.clues.id, clue.id))
    .returning();
  return row ?? clue;
}

/**
 * The lead unit (by name, as the suggestion is shown) that the clue's region routes `category` to in its settings
 * (地区配置的路由表, inherited from the city); undefined when the region has no rule for it, so the classifier's
 * name-based default table applies.
 */
async function routedUnitName(db: Executor, regionCode: string, category: string): Promise<string | undefined> {
  const rule = (await effectiveSettingsFor(db, regionCode)).routing.find((r) => r.category === category);
  if (!rule) return undefined;
  const [unit] = await unitRefs(db, [rule.leadUnitId]);
  return unit?.name;
}

/** The `clue-analytics` job: suggestions for clues that have none yet, oldest first. Idempotent. */
export async function analysePendingClues(db: Executor, limit = 200): Promise<number> {
  const pending = await db
    .select()
    .from(schema.clues)
    .where(isNull(schema.clues.modelVersion))
    .orderBy(asc(schema.clues.receivedAt))
    .limit(limit);
  for (const clue of pending) await analyseClue(db, clue);
  return pending.length;
}
