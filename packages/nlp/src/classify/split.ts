import { createHash } from 'node:crypto';
import { duplicateGroups, type GroupableText } from '../dedupe/groups.ts';
import { dedupeKey } from '../dedupe/shingles.ts';

export interface GroupSplit {
  train: number[];
  test: number[];
  groups: number[];
  groupCount: number;
}

/**
 * Deterministic train/test split BY DUPLICATE GROUP: rows with the same or near-identical
 * subject/body share a group, and a whole group goes to one side, so no text the model was
 * trained on is scored as "unseen". The side is decided by a hash of the group's first member
 * and the seed, so the split is stable across runs and machines.
 */
export function splitByGroup(rows: readonly GroupableText[], testFraction = 0.2, seed = 'rectify-1'): GroupSplit {
  const groups = duplicateGroups(rows);
  const side = new Map<number, boolean>();
  for (const g of new Set(groups)) {
    const key = dedupeKey(rows[g]!.subject) + '\u0000' + dedupeKey(rows[g]!.body ?? '');
    const h = createHash('sha256').update(seed + '\u0000' + key).digest().readUInt32BE(0);
    side.set(g, h / 4294967296 < testFraction);
  }
  const train: number[] = [];
  const test: number[] = [];
  groups.forEach((g, i) => (side.get(g) ? test : train).push(i));
  return { train, test, groups, groupCount: side.size };
}

/** K folds over the groups of `indices` (for out-of-fold calibration scores). */
export function groupFolds(indices: readonly number[], groups: readonly number[], k: number): number[][] {
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (const i of indices) {
    const g = groups[i]!;
    // Multiplicative hashing spreads consecutive group ids over the folds.
    folds[(Math.imul(g + 1, 0x9e3779b1) >>> 0) % k]!.push(i);
  }
  return folds;
}
