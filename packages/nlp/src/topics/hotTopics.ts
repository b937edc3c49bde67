import { NLP_VERSION } from '../version.ts';
import { toEpochMs } from '../dedupe/nearDuplicateIndex.ts';
import { corpusIdf, dot, topicTerms, toTopicVector } from './vector.ts';
import { getSegmenter } from '../segment/segmenter.ts';
import { mergeCloseClusters } from './merge.ts';
import { TopicClusterer, type Cluster, type ClustererOptions, type TopicItem } from './clusterer.ts';
import { DEFAULT_HEAT_WEIGHTS, heatFactors, heatIndex, type HeatFactors, type HeatWeights } from './heat.ts';

export interface HotTopicOptions extends ClustererOptions {
  /** End of the window (default: the latest item time). */
  now?: Date | number | string;
  /** Only items within this many days before `now` are considered (default: all). */
  windowDays?: number;
  /** Recent-vs-previous period for the growth factor (default 7 days). */
  growthDays?: number;
  /** Clusters whose centroids have at least this cosine are merged after clustering (default 0.3, the join
   * threshold: two clusters as close as a message must be to its cluster; 1 disables). */
  mergeThreshold?: number;
  /** Smallest cluster reported (default 2). */
  minSize?: number;
  topN?: number;
  keywords?: number;
  weights?: HeatWeights;
}

export interface HotTopic {
  rank: number;
  heat: number;
  factors: HeatFactors;
  region: string | undefined;
  keywords: string[];
  /** Members closest to the centroid, best first (ids and subjects). */
  representatives: { id: string; subject: string }[];
  memberIds: string[];
  firstTime: string;
  lastTime: string;
  version: string;
}

export const TOPICS_VERSION = `${NLP_VERSION}/topics-2`;
export const DEFAULT_MERGE_THRESHOLD = 0.3;

function summarise(c: Cluster, nKeywords: number): { keywords: string[]; representatives: { id: string; subject: string }[] } {
  const keywords = [...c.centroid].sort((a, b) => b[1] - a[1]).slice(0, nKeywords).map(([t]) => t);
  const reps = c.members
    .map((m) => ({ m, s: dot(m.vector, c.centroid) / c.centroidNorm + 0.01 * Math.log1p(m.likes) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 3)
    .map(({ m }) => ({ id: m.id, subject: m.subject }));
  return { keywords, representatives: reps };
}

/**
 * Hot topics (热点问题) of a time window: messages clustered per region in time order, clusters
 * ranked by heat index (size, distinct reporters, places, likes, growth), each with keywords and
 * representative messages.
 */
export function findHotTopics(items: readonly TopicItem[], options: HotTopicOptions = {}): HotTopic[] {
  const sorted = items.map((it) => ({ it, t: toEpochMs(it.time) })).sort((a, b) => a.t - b.t);
  const now = options.now !== undefined ? toEpochMs(options.now) : (sorted[sorted.length - 1]?.t ?? 0);
  const from = options.windowDays !== undefined ? now - options.windowDays * 86_400_000 : -Infinity;
  const inWindow = sorted.filter(({ t }) => t >= from && t <= now).map(({ it }) => it);
  const seg = options.segmenter ?? getSegmenter();
  const terms = inWindow.map((it) => topicTerms(seg, it.subject, it.body ?? ''));
  const idf = corpusIdf(terms);
  const clusterer = new TopicClusterer({ ...options, segmenter: seg, windowDays: options.windowDays ?? 3650 });
  inWindow.forEach((it, i) => clusterer.add(it, toTopicVector(terms[i]!, idf)));
  const minSize = options.minSize ?? 2;
  const mergeThreshold = options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD;
  const clusters =
    mergeThreshold < 1
      ? mergeCloseClusters(clusterer.clusters, mergeThreshold, (options.windowDays ?? 3650) * 86_400_000)
      : clusterer.clusters;
  const ranked = clusters
    .filter((c) => c.members.length >= minSize)
    .map((c) => {
      const factors = heatFactors(c, now, options.growthDays ?? 7);
      return { c, factors, heat: heatIndex(factors, options.weights ?? DEFAULT_HEAT_WEIGHTS) };
    })
    .sort((a, b) => b.heat - a.heat)
    .slice(0, options.topN ?? 10);
  return ranked.map(({ c, factors, heat }, i) => {
    const times = c.members.map((m) => m.time);
    return {
      rank: i + 1,
      heat,
      factors,
      region: c.region,
      ...summarise(c, options.keywords ?? 6),
      memberIds: c.members.map((m) => m.id),
      firstTime: new Date(Math.min(...times)).toISOString(),
      lastTime: new Date(Math.max(...times)).toISOString(),
      version: TOPICS_VERSION,
    };
  });
}
