import { InvalidArgumentError, StoreInconsistencyError } from '../errors.ts';
import type { NodeReader } from '../proof/build.ts';
import type { NodeId } from '../tree/node-id.ts';

/** Default capacity: 131,072 hashes, about 12 MiB with the map's overhead. */
export const DEFAULT_NODE_CACHE_ENTRIES = 1 << 17;

// level < 64 and index < 2^47 (a 2^47-leaf log is beyond any JS-number tree): key fits a safe integer.
const key = (id: NodeId) => id.index * 64 + id.level;

/**
 * A bounded in-memory cache of perfect-subtree hashes, least recently used evicted first.
 *
 * Only perfect subtrees are ever stored in a LedgerStore, and a perfect subtree's hash never changes once its last
 * leaf is appended: the right edge of a tree is always folded from perfect nodes, never stored. So a hash read from
 * COMMITTED data stays valid for every later tree size, in every process sharing the database — the cache needs no
 * invalidation. It is filled lazily by `reader()`: each proof reads only its missing nodes, in one store call.
 *
 * Do not put it in front of a store bound to an open transaction (it could keep a node the transaction later rolls
 * back). A database restored to an older state, or edited behind the log's back, can disagree with the cache:
 * callers that hold a signed root should check the proof against it and `clear()` on a mismatch (the platform does).
 */
export class NodeCache {
  private readonly entries = new Map<number, Uint8Array>();
  hits = 0;
  misses = 0;

  constructor(readonly maxEntries: number = DEFAULT_NODE_CACHE_ENTRIES) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1)
      throw new InvalidArgumentError(`node cache size must be a positive integer, got ${maxEntries}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached hash of `id` (marked most recently used), if any. */
  get(id: NodeId): Uint8Array | undefined {
    const k = key(id);
    const h = this.entries.get(k);
    if (h !== undefined) {
      // Map keeps insertion order: re-inserting makes this the most recently used entry.
      this.entries.delete(k);
      this.entries.set(k, h);
    }
    return h;
  }

  /** Remembers the hash of a perfect node read from committed data. */
  set(id: NodeId, hash: Uint8Array): void {
    const k = key(id);
    this.entries.delete(k);
    this.entries.set(k, hash);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  /** A NodeReader answering from the cache and reading only the missing nodes from `read` (at most one call). */
  reader(read: NodeReader): NodeReader {
    return async (ids) => {
      const out: (Uint8Array | undefined)[] = ids.map((id) => this.get(id));
      const missing: NodeId[] = [];
      const at: number[] = [];
      out.forEach((h, i) => {
        if (h === undefined) {
          missing.push(ids[i]!);
          at.push(i);
        }
      });
      this.hits += ids.length - missing.length;
      this.misses += missing.length;
      if (missing.length > 0) {
        const fetched = await read(missing);
        if (fetched.length !== missing.length)
          throw new StoreInconsistencyError(`node reader returned ${fetched.length} of ${missing.length} hashes`);
        fetched.forEach((h, j) => {
          // A compact copy: a driver's buffer may be a view into a whole response, which the cache must not pin.
          const copy = Uint8Array.from(h);
          this.set(missing[j]!, copy);
          out[at[j]!] = copy;
        });
      }
      return out as Uint8Array[];
    };
  }
}
