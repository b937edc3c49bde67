import { toEpochMs } from '../dedupe/nearDuplicateIndex.ts';
import { SENTIMENT_VERSION } from './score.ts';

export interface FeedbackEvent {
  /** What the alert is about: a topic id, a unit, a category. */
  key: string;
  time: Date | number | string;
  negative: boolean;
}

export interface SpikeOptions {
  /** Bucket length in hours (default 24). */
  bucketHours?: number;
  /** Buckets of history forming the baseline (default 14). */
  baselineBuckets?: number;
  /** Fewest negative items in a bucket to alert at all (default 3). */
  minCount?: number;
  /** Standard deviations above the baseline mean (default 3). */
  z?: number;
}

export interface SpikeAlert {
  key: string;
  bucketStart: string;
  count: number;
  baselineMean: number;
  /** (count − mean) / max(sd, √mean, 1): the spike's size in baseline units. */
  zScore: number;
  version: string;
}

/**
 * 舆情预警: per key, negative items are counted per bucket and a bucket alerts when its count is
 * at least `minCount` and more than `z` deviations above the previous `baselineBuckets` buckets
 * (empty buckets count as zero). The deviation floor of √mean (Poisson) and 1 stops a quiet key
 * from alerting on its second complaint.
 */
export function detectNegativeSpikes(events: readonly FeedbackEvent[], options: SpikeOptions = {}): SpikeAlert[] {
  const bucketMs = (options.bucketHours ?? 24) * 3_600_000;
  const nBase = options.baselineBuckets ?? 14;
  const minCount = options.minCount ?? 3;
  const z = options.z ?? 3;
  const byKey = new Map<string, Map<number, number>>();
  for (const e of events) {
    if (!e.negative) continue;
    const b = Math.floor(toEpochMs(e.time) / bucketMs);
    let m = byKey.get(e.key);
    if (!m) byKey.set(e.key, (m = new Map()));
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  const alerts: SpikeAlert[] = [];
  for (const [key, counts] of byKey) {
    for (const [b, count] of counts) {
      if (count < minCount) continue;
      let sum = 0;
      let sq = 0;
      for (let j = b - nBase; j < b; j++) {
        const c = counts.get(j) ?? 0;
        sum += c;
        sq += c * c;
      }
      const mean = sum / nBase;
      const sd = Math.sqrt(Math.max(0, sq / nBase - mean * mean));
      const zScore = (count - mean) / Math.max(sd, Math.sqrt(mean), 1);
      if (zScore >= z) {
        alerts.push({ key, bucketStart: new Date(b * bucketMs).toISOString(), count, baselineMean: Math.round(mean * 100) / 100, zScore: Math.round(zScore * 100) / 100, version: SENTIMENT_VERSION });
      }
    }
  }
  return alerts.sort((a, b) => a.bucketStart.localeCompare(b.bucketStart) || b.zScore - a.zScore);
}
