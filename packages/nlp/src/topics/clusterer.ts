import { getSegmenter, type Segmenter } from '../segment/segmenter.ts';
import { toEpochMs } from '../dedupe/nearDuplicateIndex.ts';
import { dot, topicVector, type TermVector } from './vector.ts';

export interface TopicItem {
  id: string;
  subject: string;
  body?: string | null;
  time: Date | number | string;
  /** Region code: clusters never span two regions. */
  region?: string;
  /** Place (community, street, village) if known; else places are read from the text. */
  place?: string;
  /** Reporter (user id, phone hash): distinct reporters weigh more than repeated posts. */
  reporter?: string;
  /** Support votes (点赞). */
  likes?: number;
}

export interface ClusterMember {
  id: string;
  subject: string;
  time: number;
  reporter: string | undefined;
  likes: number;
  places: string[];
  vector: TermVector;
}

export interface Cluster {
  id: number;
  region: string | undefined;
  members: ClusterMember[];
  /** Sum of member vectors, pruned to the strongest terms. */
  centroid: Map<string, number>;
  centroidNorm: number;
  lastTime: number;
}

export interface ClustererOptions {
  /** Minimum cosine between a message and a cluster centroid to join it (default 0.3). */
  threshold?: number;
  /** A cluster idle for longer than this stops accepting members (default 30 days). */
  windowDays?: number;
  /** Terms kept per centroid (default 60). */
  centroidTerms?: number;
  segmenter?: Segmenter;
}

const DAY_MS = 86_400_000;
const MAX_SCAN = 200;
// Places: named communities, roads, villages, schools as jieba tags them, and the anonymised
// districts (A3区) of the source data.
const PLACE_TAGS = new Set(['ns', 'nt']);

/**
 * Single-pass online clustering of messages in time order: each message joins the most similar
 * active cluster of its region (cosine to the centroid ≥ threshold) or starts a new one. An
 * inverted index from centroid terms to clusters keeps a lookup to the clusters sharing a term.
 * Works as a stream, so the same code serves a 4,000-message window and a 500,000-message batch.
 */
export class TopicClusterer {
  readonly clusters: Cluster[] = [];
  /** term → clusters whose centroid holds it, oldest first (a cluster may appear twice after
   * pruning its centroid and re-gaining the term; `seen` below de-duplicates). */
  private readonly byTerm = new Map<string, Cluster[]>();
  private readonly threshold: number;
  private readonly windowMs: number;
  private readonly centroidTerms: number;
  private readonly seg: Segmenter;

  constructor(options: ClustererOptions = {}) {
    this.threshold = options.threshold ?? 0.3;
    this.windowMs = (options.windowDays ?? 30) * DAY_MS;
    this.centroidTerms = options.centroidTerms ?? 60;
    this.seg = options.segmenter ?? getSegmenter();
  }

  private placesOf(item: TopicItem): string[] {
    if (item.place) return [item.place];
    const out = new Set<string>();
    for (const m of item.subject.matchAll(/A\d{1,2}[区县市]/g)) out.add(m[0]);
    for (const t of this.seg.tag(item.subject)) if (PLACE_TAGS.has(t.tag) && t.word.length >= 2) out.add(t.word);
    return [...out];
  }

  /** Adds one message; returns the cluster it joined or started. `vector` may be precomputed
   * (e.g. with a batch IDF); by default it uses jieba's IDF. */
  add(item: TopicItem, vector: TermVector = topicVector(this.seg, item.subject, item.body ?? '')): Cluster {
    const time = toEpochMs(item.time);
    const member: ClusterMember = {
      id: item.id,
      subject: item.subject,
      time,
      reporter: item.reporter,
      likes: item.likes ?? 0,
      places: this.placesOf(item),
      vector,
    };
    let best: Cluster | undefined;
    let bestSim = this.threshold;
    const seen = new Set<Cluster>();
    // Candidates come from the message's strongest terms only: a cluster sharing none of its
    // top terms cannot reach the threshold in practice, and common terms index many clusters.
    const lookup = [...vector].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([t]) => t);
    for (const t of lookup) {
      const list = this.byTerm.get(t) ?? [];
      // Only the most recent clusters per term: on a long stream a common term indexes
      // thousands of clusters, and the recent ones are those still inside the window.
      for (let j = list.length - 1; j >= 0 && j >= list.length - MAX_SCAN; j--) {
        const c = list[j]!;
        if (seen.has(c)) continue;
        seen.add(c);
        if (c.region !== item.region || Math.abs(time - c.lastTime) > this.windowMs) continue;
        const sim = dot(vector, c.centroid) / c.centroidNorm;
        if (sim >= bestSim) {
          bestSim = sim;
          best = c;
        }
      }
    }
    if (!best) {
      best = { id: this.clusters.length, region: item.region, members: [], centroid: new Map(), centroidNorm: 1, lastTime: time };
      this.clusters.push(best);
    }
    best.members.push(member);
    best.lastTime = Math.max(best.lastTime, time);
    this.updateCentroid(best, vector);
    return best;
  }

  private updateCentroid(c: Cluster, v: TermVector): void {
    for (const [t, w] of v) c.centroid.set(t, (c.centroid.get(t) ?? 0) + w);
    if (c.centroid.size > this.centroidTerms * 2) {
      const kept = new Map([...c.centroid].sort((a, b) => b[1] - a[1]).slice(0, this.centroidTerms));
      c.centroid = kept;
    }
    let n = 0;
    for (const w of c.centroid.values()) n += w * w;
    c.centroidNorm = Math.sqrt(n) || 1;
    for (const t of v.keys()) {
      if (!c.centroid.has(t)) continue;
      let list = this.byTerm.get(t);
      if (!list) this.byTerm.set(t, (list = []));
      // Move the cluster to the recent end when it grows.
      if (list[list.length - 1] !== c) list.push(c);
    }
  }

  /** Forgets clusters idle since before `before` (keeps memory bounded on a stream). */
  prune(before: number): Cluster[] {
    const gone = this.clusters.filter((c) => c.lastTime < before);
    if (gone.length === 0) return gone;
    const goneSet = new Set(gone);
    for (const [t, list] of this.byTerm) {
      const once = new Set<Cluster>();
      const kept: Cluster[] = [];
      // Keep each live cluster once, at its most recent position.
      for (let j = list.length - 1; j >= 0; j--) {
        const c = list[j]!;
        if (goneSet.has(c) || once.has(c) || !c.centroid.has(t)) continue;
        once.add(c);
        kept.push(c);
      }
      kept.reverse();
      if (kept.length === 0) this.byTerm.delete(t);
      else this.byTerm.set(t, kept);
    }
    const kept = this.clusters.filter((c) => !goneSet.has(c));
    this.clusters.length = 0;
    this.clusters.push(...kept);
    return gone;
  }
}
