import { assertIndex } from './encoding.ts';
import { AppendConflictError, InvalidArgumentError } from './errors.ts';
import { hashLeaf } from './hasher.ts';
import { buildConsistencyProof, buildInclusionProof, rootAt } from './proof/build.ts';
import { CompactRange } from './tree/compact-range.ts';
import type { CompletedNode } from './tree/compact-range.ts';
import { formatCheckpoint } from './checkpoint/checkpoint.ts';
import { signNote } from './note/sign.ts';
import type { NoteSigner } from './note/signer.ts';
import type { NodeCache } from './store/node-cache.ts';
import type { LedgerStore } from './store/types.ts';
import type { NodeReader } from './proof/build.ts';

/** Largest leaf accepted: tlog-tiles entry bundles prefix each entry with a uint16 length. */
export const MAX_LEAF_BYTES = 0xffff;

/**
 * An append-only RFC 6962 log over a LedgerStore: computes leaf and node hashes, and serves roots,
 * proofs and signed checkpoints.
 */
export class Ledger {
  private readonly read: NodeReader;

  /**
   * `opts.cache` keeps complete-subtree hashes in memory for roots and proofs (see NodeCache: only over a store that
   * reads committed data, never one bound to an open transaction). Appends never touch it.
   */
  constructor(
    readonly store: LedgerStore,
    opts: { cache?: NodeCache } = {},
  ) {
    this.read = opts.cache ? opts.cache.reader(store) : (ids) => this.store.readNodes(ids);
  }

  /**
   * Appends leaves in one atomic store batch and returns the index of the first one and the new
   * size. Each leaf must be at most 65,535 bytes (so the log can always be published as tiles).
   * On a concurrent append by another writer the frontier is re-read and the batch retried.
   */
  async append(leaves: readonly Uint8Array[], maxRetries = 5): Promise<{ firstIndex: number; size: number }> {
    for (const l of leaves) if (l.length > MAX_LEAF_BYTES) throw new InvalidArgumentError(`leaf of ${l.length} bytes exceeds ${MAX_LEAF_BYTES}`);
    const hashed = leaves.map((data) => ({ data, hash: hashLeaf(data) }));
    for (let attempt = 0; ; attempt++) {
      const { size, hashes } = await this.store.readFrontier();
      if (leaves.length === 0) return { firstIndex: size, size };
      const range = new CompactRange(size, hashes);
      const nodes: CompletedNode[] = [];
      for (const l of hashed) range.append(l.hash, (n) => nodes.push(n));
      try {
        await this.store.appendBatch({ start: size, leaves: hashed, nodes });
        return { firstIndex: size, size: range.size };
      } catch (e) {
        if (!(e instanceof AppendConflictError) || attempt >= maxRetries) throw e;
      }
    }
  }

  /** Current number of leaves. */
  size(): Promise<number> {
    return this.store.size();
  }

  /** Root at `size` (default: current size). Precondition: size ≤ current size. */
  async root(size?: number): Promise<Uint8Array> {
    const n = size ?? (await this.store.size());
    return rootAt(n, this.read);
  }

  /** Inclusion proof of leaf `index` in the tree of `size` leaves (default: current size). */
  async inclusionProof(index: number, size?: number): Promise<Uint8Array[]> {
    const n = size ?? (await this.store.size());
    return buildInclusionProof(index, n, this.read);
  }

  /** Consistency proof from `size1` to `size2` (default: current size). Precondition: 0 < size1 ≤ size2. */
  async consistencyProof(size1: number, size2?: number): Promise<Uint8Array[]> {
    const n = size2 ?? (await this.store.size());
    return buildConsistencyProof(size1, n, this.read);
  }

  /**
   * Signs and stores a checkpoint for the current size (or `size`) with the given origin.
   * Returns the signed note text.
   */
  async signCheckpoint(origin: string, signers: NoteSigner[], opts: { size?: number; extensions?: string[] } = {}): Promise<string> {
    const size = opts.size ?? (await this.store.size());
    assertIndex(size, 'size');
    const body = formatCheckpoint({ origin, size, root: await this.root(size), extensions: opts.extensions ?? [] });
    const note = signNote(body, ...signers);
    await this.store.putCheckpoint({ size, note });
    return note;
  }
}
