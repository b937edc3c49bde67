import { dot } from './vector.ts';
import type { Cluster } from './clusterer.ts';

/**
 * A merge pass after online clustering: single-pass clustering in time order splits a topic when its first messages
 * use other words than its later ones (each part's centroid drifts on its own). Clusters of the same region whose
 * centroids are close (cosine ≥ `threshold`) and whose spans are within `windowMs` of each other are joined, largest
 * first; a merged centroid is the sum of the two (so a cluster's centroid stays the sum of its member vectors, up to
 * the pruning of weak terms). Returns new cluster objects; the input is not modified.
 */
export function mergeCloseClusters(clusters: readonly Cluster[], threshold: number, windowMs: number, centroidTerms = 60): Cluster[] {
  const order = [...clusters].sort((a, b) => b.members.length - a.members.length || a.id - b.id);
  const kept: (Cluster & { firstTime: number })[] = [];
  const byTerm = new Map<string, number[]>();
  for (const c of order) {
    const firstTime = Math.min(...c.members.map((m) => m.time));
    let best = -1;
    let bestSim = threshold;
    const seen = new Set<number>();
    for (const t of topTerms(c.centroid, 8)) {
      for (const k of byTerm.get(t) ?? []) {
        if (seen.has(k)) continue;
        seen.add(k);
        const o = kept[k]!;
        if (o.region !== c.region) continue;
        if (firstTime - o.lastTime > windowMs || o.firstTime - c.lastTime > windowMs) continue;
        const sim = dot(c.centroid, o.centroid) / (c.centroidNorm * o.centroidNorm);
        if (sim >= bestSim) {
          bestSim = sim;
          best = k;
        }
      }
    }
    if (best < 0) {
      const copy = { ...c, members: [...c.members], centroid: new Map(c.centroid), firstTime };
      kept.push(copy);
      for (const t of topTerms(copy.centroid, 8)) {
        let list = byTerm.get(t);
        if (!list) byTerm.set(t, (list = []));
        list.push(kept.length - 1);
      }
      continue;
    }
    const into = kept[best]!;
    into.members.push(...c.members);
    for (const [t, w] of c.centroid) into.centroid.set(t, (into.centroid.get(t) ?? 0) + w);
    if (into.centroid.size > centroidTerms * 2) {
      into.centroid = new Map([...into.centroid].sort((a, b) => b[1] - a[1]).slice(0, centroidTerms));
    }
    let n = 0;
    for (const w of into.centroid.values()) n += w * w;
    into.centroidNorm = Math.sqrt(n) || 1;
    into.lastTime = Math.max(into.lastTime, c.lastTime);
    into.firstTime = Math.min(into.firstTime, firstTime);
  }
  return kept.map(({ firstTime: _f, ...c }) => {
    c.members.sort((a, b) => a.time - b.time);
    return c;
  });
}

function topTerms(centroid: Map<string, number>, n: number): string[] {
  return [...centroid].sort((a, b) => b[1] - a[1]).slice(0, n).map(([t]) => t);
}
