import type { NodeId } from '../tree/node-id.ts';
import type { CompletedNode } from '../tree/compact-range.ts';

/** A stored leaf. */
export interface LeafRecord {
  readonly index: number;
  readonly data: Uint8Array;
  /** RFC 6962 leaf hash of `data`. */
  readonly hash: Uint8Array;
}

/** One atomic append, computed by `Ledger` from the frontier. */
export interface AppendBatch {
  /** Index of the first leaf; must equal the store's current size. */
  readonly start: number;
  readonly leaves: readonly { readonly data: Uint8Array; readonly hash: Uint8Array }[];
  /** Interior nodes (level ≥ 1) completed by these leaves. */
  readonly nodes: readonly CompletedNode[];
}

/** A signed checkpoint kept by the store. */
export interface StoredCheckpoint {
  readonly size: number;
  /** The full signed note (body + signature lines). */
  readonly note: string;
}

/**
 * Persistence for one append-only Merkle log. Implementations hold every leaf and every perfect
 * subtree hash, so any root or proof needs O(log n) node reads.
 * All sizes and indices are non-negative safe integers.
 */
export interface LedgerStore {
  /** Number of leaves. */
  size(): Promise<number>;
  /**
   * Writes a batch atomically: all of it or nothing. Throws AppendConflictError when `batch.start`
   * is not the current size (another writer got there first); the caller then re-reads the frontier.
   */
  appendBatch(batch: AppendBatch): Promise<void>;
  /** Current size and the compact-range hashes of [0, size), largest subtree first. */
  readFrontier(): Promise<{ size: number; hashes: Uint8Array[] }>;
  /** Hashes of the given perfect nodes, in order; throws StoreInconsistencyError if one is missing. */
  readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]>;
  /** Hashes of the perfect nodes at `level` with indices [start, end) (level 0 = leaf hashes). */
  readLevel(level: number, start: number, end: number): Promise<Uint8Array[]>;
  /** Leaves [start, end). Precondition: end ≤ size. */
  readLeaves(start: number, end: number): Promise<LeafRecord[]>;
  /** Records a signed checkpoint (idempotent per size). */
  putCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  /** The checkpoint with the largest size, if any. */
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
}
