import { dedupeKey, shingleHashes } from './shingles.ts';
import { minhash, signatureSimilarity } from './minhash.ts';

/** Union–find over indices 0…n-1. */
export class DisjointSet {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export interface GroupableText {
  subject: string;
  body?: string | null;
}

/**
 * Duplicate groups for a batch (no time window): rows are joined when their canonical subjects
 * are equal, their canonical bodies are equal, or subject+body are near-identical (estimated
 * Jaccard ≥ `threshold` over 3-shingles). Returns a group number (smallest member index) per row.
 * Used to split data so the same text never lands on both sides of a train/test split.
 */
export function duplicateGroups(rows: readonly GroupableText[], threshold = 0.6): number[] {
  const ds = new DisjointSet(rows.length);
  const bySubject = new Map<string, number>();
  const byBody = new Map<string, number>();
  const buckets = Array.from({ length: 16 }, () => new Map<number, number[]>());
  const sigs: Uint32Array[] = [];
  rows.forEach((row, i) => {
    const s = dedupeKey(row.subject);
    // Very short subjects (投诉, 咨询) are not evidence of the same message.
    if (s.length >= 6) {
      const j = bySubject.get(s);
      if (j === undefined) bySubject.set(s, i);
      else ds.union(i, j);
    }
    const b = row.body ? dedupeKey(row.body) : '';
    if (b.length >= 10) {
      const j = byBody.get(b);
      if (j === undefined) byBody.set(b, i);
      else ds.union(i, j);
    }
    const sig = minhash(shingleHashes(s + b, 3), 64);
    sigs.push(sig);
    const candidates = new Set<number>();
    for (let band = 0; band < 16; band++) {
      let h = 0x811c9dc5 ^ band;
      for (let r = 0; r < 4; r++) h = Math.imul(h ^ sig[band * 4 + r]!, 0x01000193);
      const key = h >>> 0;
      const list = buckets[band]!.get(key);
      if (list) {
        for (const j of list) candidates.add(j);
        list.push(i);
      } else buckets[band]!.set(key, [i]);
    }
    for (const j of candidates) if (signatureSimilarity(sig, sigs[j]!) >= threshold) ds.union(i, j);
  });
  return rows.map((_, i) => ds.find(i));
}
