import { shiftRight } from './math.ts';

/**
 * A perfect subtree: the node at `level` (0 = leaves) with position `index` on that level,
 * covering leaves [index·2^level, (index+1)·2^level).
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** Stable map key for a node id. */
export function nodeKey(id: NodeId): string {
  return `${id.level}/${id.index}`;
}

/**
 * The perfect subtrees covering leaves [begin, end), left to right (the compact range).
 * Precondition: 0 ≤ begin ≤ end.
 */
export function rangeNodes(begin: number, end: number): NodeId[] {
  const left: NodeId[] = [];
  const right: NodeId[] = [];
  let level = 0;
  let b = begin;
  let e = end;
  // Walk up: at each level peel an odd node off the left edge and off the right edge.
  while (b < e) {
    if (b % 2 === 1) {
      left.push({ level, index: b });
      b++;
    }
    if (e % 2 === 1 && b < e) {
      e--;
      right.push({ level, index: e });
    }
    b /= 2;
    e /= 2;
    level++;
  }
  return left.concat(right.reverse());
}

/** Number of perfect nodes at `level` in a tree of `size` leaves. */
export function completeNodesAtLevel(size: number, level: number): number {
  return shiftRight(size, level);
}
