import { NLP_VERSION } from '../version.ts';
import { dedupeKey, shingleHashes } from './shingles.ts';
import { minhash, signatureSimilarity } from './minhash.ts';

export interface DedupeItem {
  id: string;
  text: string;
  /** When the text was received; items further apart than the window are never linked. */
  time?: Date | number | string;
  /** Region code; with `sameRegion` only items of the same region (or without one) are linked. */
  region?: string;
}

export interface DuplicateMatch {
  id: string;
  /** Estimated Jaccard similarity of the character-shingle sets, 0–1. */
  similarity: number;
}

export interface DedupeResult {
  id: string;
  /** Earlier items at or above the threshold, most similar first. */
  duplicates: DuplicateMatch[];
  /** The most similar earlier item, if any: the one to merge into. */
  duplicateOf: string | undefined;
  version: string;
}

export interface NearDuplicateOptions {
  /** Minimum estimated Jaccard similarity to call two texts near-duplicates (default 0.6, see
   * bench/RESULTS.md: precision ≥ 0.90, recall 0.98 on edited real messages). */
  threshold?: number;
  /** Window in days (default 30; Infinity links across any time). */
  windowDays?: number;
  /** Link only within one region (default true). */
  sameRegion?: boolean;
  /** Character shingle length (default 3). */
  shingle?: number;
  /** LSH layout: bands × rows = signature length (default 16 × 4 = 64). */
  bands?: number;
  rows?: number;
  /** Cap on returned duplicates per item (default 10). */
  maxMatches?: number;
}

interface Entry {
  id: string;
  time: number;
  region: string | undefined;
  sig: Uint32Array;
}

const DAY_MS = 86_400_000;

export function toEpochMs(t: Date | number | string | undefined): number {
  if (t === undefined) return 0;
  if (typeof t === 'number') return t;
  if (t instanceof Date) return t.getTime();
  // The source data mixes 2019/2/28 11:25:05 and 2019-08-01 10:00:00; both parse as local time.
  const ms = Date.parse(t.replace(/\//g, '-').replace(' ', 'T'));
  if (!Number.isNaN(ms)) return ms;
  const fallback = Date.parse(t);
  return Number.isNaN(fallback) ? 0 : fallback;
}

export const DEDUPE_VERSION = `${NLP_VERSION}/minhash-64-k3`;

/**
 * Links each new text to earlier near-duplicates: MinHash over character shingles with
 * locality-sensitive hashing (bands of rows), so a lookup touches only candidate buckets, then
 * the estimated Jaccard similarity is checked against the threshold. With 16 bands of 4 rows a
 * pair at Jaccard 0.5 becomes a candidate with probability 1-(1-0.5^4)^16 ≈ 0.64 and at 0.6 with
 * 0.89, at 0.7 with 0.99: measured precision/recall are in bench/RESULTS.md.
 */
export class NearDuplicateIndex {
  private readonly threshold: number;
  private readonly windowMs: number;
  private readonly sameRegion: boolean;
  private readonly k: number;
  private readonly bands: number;
  private readonly rows: number;
  private readonly maxMatches: number;
  private readonly buckets: Map<number, Entry[]>[];
  private count = 0;

  constructor(options: NearDuplicateOptions = {}) {
    this.threshold = options.threshold ?? 0.6;
    this.windowMs = (options.windowDays ?? 30) * DAY_MS;
    this.sameRegion = options.sameRegion ?? true;
    this.k = options.shingle ?? 3;
    this.bands = options.bands ?? 16;
    this.rows = options.rows ?? 4;
    this.maxMatches = options.maxMatches ?? 10;
    this.buckets = Array.from({ length: this.bands }, () => new Map<number, Entry[]>());
  }

  get size(): number {
    return this.count;
  }

  signature(text: string): Uint32Array {
    return minhash(shingleHashes(dedupeKey(text), this.k), this.bands * this.rows);
  }

  private bandKey(sig: Uint32Array, band: number): number {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < this.rows; r++) {
      h ^= sig[band * this.rows + r]!;
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  private findWith(sig: Uint32Array, time: number, region: string | undefined): DuplicateMatch[] {
    const seen = new Set<Entry>();
    const out: DuplicateMatch[] = [];
    for (let b = 0; b < this.bands; b++) {
      const list = this.buckets[b]!.get(this.bandKey(sig, b));
      if (!list) continue;
      for (const e of list) {
        if (seen.has(e)) continue;
        seen.add(e);
        if (Math.abs(e.time - time) > this.windowMs) continue;
        if (this.sameRegion && region !== undefined && e.region !== undefined && e.region !== region) continue;
        const sim = signatureSimilarity(sig, e.sig);
        if (sim >= this.threshold) out.push({ id: e.id, similarity: sim });
      }
    }
    out.sort((x, y) => y.similarity - x.similarity);
    return out.slice(0, this.maxMatches);
  }

  /** Near-duplicates of `item` among indexed items, without adding it. */
  query(item: DedupeItem): DuplicateMatch[] {
    return this.findWith(this.signature(item.text), toEpochMs(item.time), item.region);
  }

  /** Looks `item` up, then indexes it. */
  add(item: DedupeItem): DedupeResult {
    const sig = this.signature(item.text);
    const time = toEpochMs(item.time);
    const duplicates = this.findWith(sig, time, item.region);
    const entry: Entry = { id: item.id, time, region: item.region, sig };
    for (let b = 0; b < this.bands; b++) {
      const key = this.bandKey(sig, b);
      const map = this.buckets[b]!;
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    }
    this.count++;
    return { id: item.id, duplicates, duplicateOf: duplicates[0]?.id, version: DEDUPE_VERSION };
  }

  /** Drops entries received before `before` (epoch ms or date): keeps memory bounded when items
   * arrive in time order and the window is finite. */
  prune(before: Date | number | string): number {
    const limit = toEpochMs(before);
    const removed = new Set<Entry>();
    for (const map of this.buckets) {
      for (const [key, list] of map) {
        const kept = list.filter((e) => {
          if (e.time < limit) {
            removed.add(e);
            return false;
          }
          return true;
        });
        if (kept.length === 0) map.delete(key);
        else if (kept.length !== list.length) map.set(key, kept);
      }
    }
    this.count -= removed.size;
    return removed.size;
  }
}
