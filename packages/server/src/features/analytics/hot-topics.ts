import { createHash, randomUUID } from 'node:crypto';
import {
  cluesForTopics,
  latestHotTopics,
  replaceHotTopics,
  topicRegions,
  type Executor,
  type HotTopicRow,
  type HotTopicRunRow,
  type NewHotTopicRow,
  Scope,
} from '@rectify/db';
import { regionPrefix } from '@rectify/domain';
import type { HotTopicsView } from '@rectify/domain/schemas/analytics';
import { findHotTopics, maskPersonalData, TOPICS_VERSION, type TopicItem } from '@rectify/nlp';

const DAY_MS = 86_400_000;
/** Topics kept per snapshot: the most any reader may ask for (hotTopicsQuery.limit). */
const TOPICS_KEPT = 50;

/** Reporters are told apart by a hash of their opaque key (device or account), never by their contact. */
const reporterHash = (key: string) => createHash('sha256').update(`reporter:${key}`).digest('hex').slice(0, 24);

const townOf = (c: { townCode: string | null; regionCode: string }) =>
  c.townCode ?? (c.regionCode.length === 9 ? c.regionCode : undefined);

/** A new topic continues an earlier one when at least this share of the smaller of the two is shared clues. */
const CARRY_OVER_SHARE = 0.5;

/**
 * Topic identity across recomputes: each new topic takes the id of the earlier topic of the same snapshot it shares
 * the most clues with (at least half of the smaller one), each earlier id at most once, best overlaps first. So a topic
 * keeps its id — and alerts keyed by it stay put — when its keywords or rank shift; a topic that is really new gets a
 * new id.
 */
export function carryOverTopicIds(
  previous: readonly { id: string; clueIds: readonly string[] }[],
  next: readonly { clueIds: readonly string[] }[],
): (string | undefined)[] {
  const owner = new Map<string, number>();
  previous.forEach((p, j) => p.clueIds.forEach((id) => owner.set(id, j)));
  const pairs: { i: number; j: number; share: number; shared: number }[] = [];
  next.forEach((t, i) => {
    const shared = new Map<number, number>();
    for (const id of t.clueIds) {
      const j = owner.get(id);
      if (j !== undefined) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, n] of shared) {
      const share = n / Math.min(t.clueIds.length, previous[j]!.clueIds.length);
      if (share >= CARRY_OVER_SHARE) pairs.push({ i, j, share, shared: n });
    }
  });
  pairs.sort((a, b) => b.share - a.share || b.shared - a.shared || a.i - b.i || a.j - b.j);
  const ids: (string | undefined)[] = next.map(() => undefined);
  const used = new Set<number>();
  for (const p of pairs) {
    if (ids[p.i] !== undefined || used.has(p.j)) continue;
    ids[p.i] = previous[p.j]!.id;
    used.add(p.j);
  }
  return ids;
}

/**
 * Computes the hot topics (热点问题) of one region subtree over the `windowDays` before `now` from its clues, and
 * replaces the stored snapshot of that region and window. Clue text is masked before it is analysed, so neither
 * keywords nor representatives can carry a phone number or an ID.
 */
export async function computeHotTopics(
  db: Executor,
  scope: Scope,
  regionCode: string,
  windowDays: number,
  now = new Date(),
): Promise<{ run: HotTopicRunRow; topics: NewHotTopicRow[] }> {
  const started = performance.now();
  const rows = await cluesForTopics(
    db,
    scope,
    regionPrefix(regionCode),
    new Date(now.getTime() - windowDays * DAY_MS),
    now,
  );
  const towns = new Map(rows.map((r) => [r.id, townOf(r)]));
  const items: TopicItem[] = rows.map((r) => ({
    id: r.id,
    subject: maskPersonalData(r.title),
    body: maskPersonalData(r.body),
    time: r.receivedAt,
    // One region for the whole subtree: a topic of the city may span its counties.
    region: regionCode,
    place: townOf(r),
    reporter: r.reporterKey ? reporterHash(r.reporterKey) : undefined,
  }));
  const found = findHotTopics(items, { now, windowDays, topN: TOPICS_KEPT });
  const previous = await latestHotTopics(db, scope, regionCode, windowDays, TOPICS_KEPT);
  const carried = carryOverTopicIds(
    previous?.topics ?? [],
    found.map((t) => ({ clueIds: t.memberIds })),
  );
  const topics: NewHotTopicRow[] = found.map((t, i) => ({
    id: carried[i] ?? randomUUID(),
    regionCode,
    windowDays,
    rank: t.rank,
    heat: t.heat,
    keywords: t.keywords,
    clueCount: t.factors.size,
    reporters: t.factors.reporters,
    towns: new Set(t.memberIds.map((id) => towns.get(id)).filter((x) => x !== undefined)).size,
    growth: Math.round(2 ** t.factors.growth * 100) / 100,
    representatives: t.representatives.map((r) => ({ clueId: r.id, title: r.subject })),
    clueIds: t.memberIds,
    firstAt: new Date(t.firstTime),
    lastAt: new Date(t.lastTime),
    modelVersion: t.version,
    computedAt: now,
  }));
  const run: HotTopicRunRow = {
    regionCode,
    windowDays,
    computedAt: now,
    modelVersion: TOPICS_VERSION,
    clueCount: rows.length,
    durationMs: Math.round(performance.now() - started),
  };
  await replaceHotTopics(db, run, topics);
  return { run, topics };
}

/** A city code for a county code (330502 → 330500). */
const cityOf = (county: string) => `${county.slice(0, 4)}00`;

/**
 * The `hot-topics` job: the snapshot of every county with clues in the window, of their cities, and of every region
 * with an earlier snapshot of this window (so a region gone quiet gets an empty one rather than stale topics).
 */
export async function refreshHotTopics(
  db: Executor,
  windowDays: number,
  now = new Date(),
): Promise<{ regions: number; topics: number; clues: number }> {
  const scope = Scope.system();
  const counties = await topicRegions(db, scope, new Date(now.getTime() - windowDays * DAY_MS), windowDays);
  const regions = [...new Set([...counties, ...counties.map(cityOf)])].sort();
  let topics = 0;
  let clues = 0;
  for (const region of regions) {
    const result = await computeHotTopics(db, scope, region, windowDays, now);
    topics += result.topics.length;
    if (region.endsWith('00')) clues += result.run.clueCount;
  }
  return { regions: regions.length, topics, clues };
}

/** The stored snapshot of a region and window, computed now when there is none yet. */
export async function hotTopicsOf(
  db: Executor,
  scope: Scope,
  regionCode: string,
  windowDays: number,
  limit: number,
): Promise<HotTopicsView> {
  let found = await latestHotTopics(db, scope, regionCode, windowDays, limit);
  if (!found) {
    await computeHotTopics(db, scope, regionCode, windowDays);
    found = await latestHotTopics(db, scope, regionCode, windowDays, limit);
  }
  return {
    regionCode,
    windowDays,
    computedAt: found?.run.computedAt.toISOString() ?? null,
    modelVersion: found?.run.modelVersion ?? null,
    items: (found?.topics ?? []).map(presentTopic),
  };
}

function presentTopic(t: HotTopicRow) {
  return {
    id: t.id,
    rank: t.rank,
    heat: t.heat,
    regionCode: t.regionCode,
    keywords: t.keywords,
    clueCount: t.clueCount,
    reporters: t.reporters,
    towns: t.towns,
    growth: t.growth,
    representatives: t.representatives,
    clueIds: t.clueIds,
    firstAt: t.firstAt.toISOString(),
    lastAt: t.lastAt.toISOString(),
  };
}
