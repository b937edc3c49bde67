import { hashChildren } from '../hasher.ts';
import { InvalidArgumentError } from '../errors.ts';
import { assertIndex } from '../encoding.ts';
import type { NodeId } from './node-id.ts';
import { rangeNodes } from './node-id.ts';
import { foldRange } from './root.ts';

/** A perfect-subtree hash produced while appending. */
export interface CompletedNode extends NodeId {
  readonly hash: Uint8Array;
}

/**
 * The frontier of a tree: the hashes of the perfect subtrees covering [0, size), left to right.
 * Appending a leaf merges equal-sized right-most subtrees, so each append costs amortised O(1)
 * hashes and reports every newly completed interior node (which is what a store persists).
 */
export class CompactRange {
  private readonly hashes: Uint8Array[];
  private n: number;

  /**
   * Precondition: `hashes` are exactly the compact-range hashes of [0, size), i.e. one per set bit
   * of `size`, largest subtree first (the order `rangeNodes(0, size)` lists them).
   */
  constructor(size = 0, hashes: readonly Uint8Array[] = []) {
    assertIndex(size, 'size');
    if (rangeNodes(0, size).length !== hashes.length) {
      throw new InvalidArgumentError(`compact range of size ${size} needs ${rangeNodes(0, size).length} hashes, got ${hashes.length}`);
    }
    this.n = size;
    this.hashes = [...hashes];
  }

  /** Number of leaves covered. */
  get size(): number {
    return this.n;
  }

  /** Copy of the frontier hashes, largest subtree first. */
  get nodes(): Uint8Array[] {
    return [...this.hashes];
  }

  /**
   * Appends one leaf hash. `onNode` receives every interior node (level ≥ 1) completed by this
   * append, bottom-up.
   */
  append(leafHash: Uint8Array, onNode?: (node: CompletedNode) => void): void {
    let cur = leafHash;
    let level = 0;
    let index = this.n;
    // Each trailing one bit of the old size is a same-sized subtree to merge with.
    let s = this.n;
    while (s % 2 === 1) {
      const left = this.hashes.pop()!;
      cur = hashChildren(left, cur);
      level++;
      index = (index - 1) / 2;
      onNode?.({ level, index, hash: cur });
      s = (s - 1) / 2;
    }
    this.hashes.push(cur);
    this.n++;
  }

  /** RFC 6962 root of the covered tree. */
  root(): Uint8Array {
    return foldRange(this.hashes);
  }

  /** An independent copy. */
  clone(): CompactRange {
    return new CompactRange(this.n, this.hashes);
  }
}
