import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { regionPrefix, type ClueSnapshot } from '@rectify/domain';
import { normaliseTrackingCode } from '@rectify/domain/schemas/clues';
import type { Executor } from '../client.ts';
import { clues, problemPublications, problems } from '../schema/index.ts';
import { registerScopedTable, type Scope } from '../scope.ts';

export type ClueRow = typeof clues.$inferSelect;
export type NewClueRow = typeof clues.$inferInsert;
export type ProblemPublicationRow = typeof problemPublications.$inferSelect;

// Unit grants see the clues their unit handles (set at triage or by acceptance into a problem).
registerScopedTable(clues, { region: clues.regionCode, unit: (ids) => inArray(clues.handlingUnitId, ids) });
registerScopedTable(problemPublications, { region: problemPublications.regionCode });

/** JSON keeps dates as strings; the machine needs `Date`s back. */
export function clueSnapshotFromJson(json: unknown): ClueSnapshot {
  const s = structuredClone(json) as ClueSnapshot;
  s.receivedAt = new Date(s.receivedAt);
  if (s.firstReplyAt) s.firstReplyAt = new Date(s.firstReplyAt);
  return s;
}

/**
 * Inserts a clue unless its idempotency key (or tracking code) is taken. Returns the row and whether this call
 * created it; on a key collision the existing row is returned (a retried submit). Safe under concurrency: the
 * unique index decides, `ON CONFLICT DO NOTHING` waits for a competing transaction and then yields.
 */
export async function insertClueOnce(db: Executor, row: NewClueRow): Promise<{ row: ClueRow; created: boolean }> {
  const [created] = await db.insert(clues).values(row).onConflictDoNothing().returning();
  if (created) return { row: created, created: true };
  if (row.idempotencyKey) {
    const [existing] = await db.select().from(clues).where(eq(clues.idempotencyKey, row.idempotencyKey));
    if (existing) return { row: existing, created: false };
  }
  // Only a tracking-code collision is left (about 1 in 10^14 per pair): the caller draws a new code.
  throw new TrackingCodeCollision();
}

export class TrackingCodeCollision extends Error {
  constructor() {
    super('tracking code collision');
  }
}

export async function findClueByCode(db: Executor, code: string): Promise<ClueRow | undefined> {
  const [row] = await db.select().from(clues).where(eq(clues.trackingCode, code));
  return row;
}

export async function findClue(db: Executor, scope: Scope, id: string): Promise<ClueRow | undefined> {
  const [row] = await db
    .select()
    .from(clues)
    .where(and(scope.where(clues), eq(clues.id, id)));
  return row;
}

/** The current row, unscoped and locked: for the state machine, which applies its own role-and-scope rules. */
export async function loadClueForCommand(db: Executor, id: string): Promise<ClueRow | undefined> {
  const [row] = await db.select().from(clues).where(eq(clues.id, id)).for('update');
  return row;
}

/** Writes a change guarded by `version`; undefined when the version is stale. */
export async function updateClue(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewClueRow>,
): Promise<ClueRow | undefined> {
  const [row] = await db
    .update(clues)
    .set({ ...changes, updatedAt: sql`now()`, version: sql`${clues.version} + 1` })
    .where(and(eq(clues.id, id), eq(clues.version, version)))
    .returning();
  return row;
}

/** Clues with the same normalised content received since `since` (duplicate-flood detection). */
export async function countSameContent(db: Executor, contentHash: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(clues)
    .where(and(eq(clues.contentHash, contentHash), sql`${clues.receivedAt} >= ${since.toISOString()}`));
  return Number(row?.n ?? 0);
}

export interface ClueFilters {
  state?: string[] | undefined;
  moderation?: string | undefined;
  channel?: string | undefined;
  region?: string | undefined;
  category?: string | undefined;
  unit?: string | undefined;
  problem?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** With `reviewBelow`: true → analysed clues whose suggestion confidence is below it (待人工判断); false → the rest. */
  needsReview?: boolean | undefined;
  reviewBelow?: number | undefined;
}

export function clueFilter(scope: Scope, f: ClueFilters): SQL {
  const q = f.q?.replace(/[%_\\]/g, '\\$&');
  return scope.filter(
    clues,
    f.state?.length ? inArray(clues.state, f.state) : undefined,
    f.moderation ? eq(clues.moderation, f.moderation as ClueRow['moderation']) : undefined,
    f.channel ? eq(clues.channel, f.channel as ClueRow['channel']) : undefined,
    f.region ? sql`${clues.regionCode} like ${`${regionPrefix(f.region)}%`}` : undefined,
    f.category ? eq(clues.category, f.category) : undefined,
    f.unit ? eq(clues.handlingUnitId, f.unit) : undefined,
    f.problem ? eq(clues.problemId, f.problem) : undefined,
    q
      ? (or(
          ilike(clues.title, `%${q}%`),
          ilike(clues.body, `%${q}%`),
          // A tracking code as people write it (ABCD-EFGH-JK, lower case) finds the clue too.
          eq(clues.trackingCode, normaliseTrackingCode(f.q!) ?? f.q!),
        ) as SQL)
      : undefined,
    f.from ? sql`${clues.receivedAt} >= ${f.from}` : undefined,
    f.to ? sql`${clues.receivedAt} < ${f.to}` : undefined,
    f.needsReview !== undefined && f.reviewBelow !== undefined
      ? f.needsReview
        ? sql`${clues.modelVersion} is not null and coalesce(${clues.suggestionConfidence}, 0) < ${f.reviewBelow}`
        : sql`${clues.modelVersion} is not null and ${clues.suggestionConfidence} >= ${f.reviewBelow}`
      : undefined,
  );
}

export const CLUE_SORTS = {
  received: desc(clues.receivedAt),
  oldest: asc(clues.receivedAt),
  updated: desc(clues.updatedAt),
} as const;

export async function listClues(
  db: Executor,
  scope: Scope,
  f: ClueFilters,
  sort: keyof typeof CLUE_SORTS,
  page?: { limit: number; offset: number },
) {
  const where = clueFilter(scope, f);
  const query = db.select().from(clues).where(where).orderBy(CLUE_SORTS[sort], asc(clues.id));
  const [items, [total]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query,
    db.select({ n: count() }).from(clues).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** Clues linked to a problem (their reporters may rate it; the tracking page follows it). */
export async function cluesOfProblem(db: Executor, problemId: string): Promise<ClueRow[]> {
  return db.select().from(clues).where(eq(clues.problemId, problemId)).orderBy(asc(clues.receivedAt));
}

export async function findPublication(db: Executor, problemId: string): Promise<ProblemPublicationRow | undefined> {
  const [row] = await db.select().from(problemPublications).where(eq(problemPublications.problemId, problemId));
  return row;
}

export async function upsertPublication(
  db: Executor,
  row: typeof problemPublications.$inferInsert,
): Promise<ProblemPublicationRow> {
  const { problemId: _id, publishedAt: _at, ...changes } = row;
  const [saved] = await db
    .insert(problemPublications)
    .values(row)
    .onConflictDoUpdate({ target: problemPublications.problemId, set: { ...changes, updatedAt: sql`now()` } })
    .returning();
  return saved!;
}

/** Published problems (the disclosure list), newest first; `region` is a code prefix, `q` searches the text. */
export async function listPublishedProblems(
  db: Executor,
  f: { region?: string | undefined; q?: string | undefined; state?: string | undefined },
  page: { limit: number; offset: number },
) {
  const q = f.q?.replace(/[%_\\]/g, '\\$&');
  const where = and(
    eq(problemPublications.published, true),
    f.region ? sql`${problems.regionCode} like ${`${regionPrefix(f.region)}%`}` : undefined,
    f.state ? eq(problems.state, f.state) : undefined,
    q ? (or(ilike(problems.title, `%${q}%`), ilike(problems.description, `%${q}%`)) as SQL) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({ problem: problems, publication: problemPublications })
      .from(problemPublications)
      .innerJoin(problems, eq(problems.id, problemPublications.problemId))
      .where(where)
      .orderBy(desc(problemPublications.publishedAt), asc(problems.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(problemPublications)
      .innerJoin(problems, eq(problems.id, problemPublications.problemId))
      .where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function findPublishedProblem(db: Executor, id: string) {
  const [row] = await db
    .select({ problem: problems, publication: problemPublications })
    .from(problemPublications)
    .innerJoin(problems, eq(problems.id, problemPublications.problemId))
    .where(and(eq(problemPublications.problemId, id), eq(problemPublications.published, true)));
  return row;
}

export interface TrackedEvent {
  at: Date;
  type: string;
  payload: unknown;
}

/** The clue fields a public tracking page shows (nothing else is read on the hot path). */
const trackedColumns = {
  id: clues.id,
  trackingCode: clues.trackingCode,
  title: clues.title,
  body: clues.body,
  category: clues.category,
  regionCode: clues.regionCode,
  channel: clues.channel,
  state: clues.state,
  moderation: clues.moderation,
  receivedAt: clues.receivedAt,
  rating: clues.rating,
  problemId: clues.problemId,
  duplicateOf: clues.duplicateOf,
  events: sql<{ at: string; type: string; payload: unknown }[] | string>`coalesce((
    select json_agg(json_build_object('at', e.at, 'type', e.type, 'payload', e.payload) order by e.id)
    from events e where e.subject_type = 'clue' and e.subject_id = "clues"."id"::text), '[]'::json)`,
};

function prepareTrack(db: Executor) {
  return db
    .select(trackedColumns)
    .from(clues)
    .where(eq(clues.trackingCode, sql.placeholder('code')))
    .prepare('rectify_track_clue_by_code');
}
const preparedTrack = new WeakMap<object, ReturnType<typeof prepareTrack>>();

export type TrackedClue = Omit<Awaited<ReturnType<ReturnType<typeof prepareTrack>['execute']>>[number], 'events'>;

/**
 * The public tracking read in one round trip and one prepared statement: the clue by its code with its events (the
 * hot path of the portal). Events of a clue are read unscoped: the tracking code itself is the reporter's entitlement.
 */
export async function trackClueByCode(
  db: Executor,
  code: string,
): Promise<{ clue: TrackedClue; events: TrackedEvent[] } | undefined> {
  let query = preparedTrack.get(db);
  if (!query) {
    query = prepareTrack(db);
    preparedTrack.set(db, query);
  }
  const [row] = await query.execute({ code });
  if (!row) return undefined;
  const { events, ...clue } = row;
  const list = typeof events === 'string' ? (JSON.parse(events) as Exclude<typeof events, string>) : events;
  return { clue, events: list.map((e) => ({ at: new Date(e.at), type: e.type, payload: e.payload })) };
}
