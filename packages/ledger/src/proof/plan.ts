import { largestPowerOfTwoBelow } from '../tree/math.ts';
import type { NodeId } from '../tree/node-id.ts';
import { rangeNodes } from '../tree/node-id.ts';

/** A subtree [begin, end) whose hash is one proof element (not necessarily perfect). */
export interface ProofRange {
  readonly begin: number;
  readonly end: number;
}

/**
 * Subtrees whose hashes form the RFC 6962 §2.1.1 audit path for leaf `index` in a tree of `size`,
 * ordered leaf to root. Precondition: 0 ≤ index < size.
 */
export function inclusionRanges(index: number, size: number): ProofRange[] {
  const out: ProofRange[] = [];
  let lo = 0;
  let hi = size;
  // Top-down descent collects siblings root-first; the proof lists them leaf-first.
  while (hi - lo > 1) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (index < lo + k) {
      out.push({ begin: lo + k, end: hi });
      hi = lo + k;
    } else {
      out.push({ begin: lo, end: lo + k });
      lo = lo + k;
    }
  }
  return out.reverse();
}

/**
 * Subtrees whose hashes form the RFC 6962 §2.1.2 consistency proof from `size1` to `size2`.
 * Precondition: 0 < size1 ≤ size2 (size1 = size2 gives an empty proof).
 */
export function consistencyRanges(size1: number, size2: number): ProofRange[] {
  const siblings: ProofRange[] = [];
  let base: ProofRange | undefined;
  let m = size1;
  let lo = 0;
  let hi = size2;
  let complete = true;
  // Iterative SUBPROOF(m, D[lo:hi], complete): siblings are found top-down, the proof lists them
  // bottom-up after the (optional) hash of the subtree where the old tree ends.
  while (m < hi - lo) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m <= k) {
      siblings.push({ begin: lo + k, end: hi });
      hi = lo + k;
    } else {
      siblings.push({ begin: lo, end: lo + k });
      m -= k;
      lo += k;
      complete = false;
    }
  }
  if (!complete) base = { begin: lo, end: hi };
  siblings.reverse();
  return base === undefined ? siblings : [base, ...siblings];
}

/** The stored perfect nodes needed to hash all the given ranges (deduplicated). */
export function nodesForRanges(ranges: readonly ProofRange[]): NodeId[] {
  const seen = new Set<string>();
  const out: NodeId[] = [];
  for (const r of ranges) {
    for (const id of rangeNodes(r.begin, r.end)) {
      const key = `${id.level}/${id.index}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(id);
      }
    }
  }
  return out;
}
