import { InvalidArgumentError, StoreInconsistencyError } from '../errors.ts';
import { HASH_SIZE } from '../hasher.ts';
import type { NodeReader } from '../proof/build.ts';
import type { NodeId } from '../tree/node-id.ts';

/** Default capacity: 2,097,152 hashes = 64 MiB, the whole tree of a log of 1,000,000 events. */
export const DEFAULT_NODE_CACHE_ENTRIES = 1 << 21;

/** At most this many nodes of one level are added to the cache per store call, so no single read is long. */
export const NODE_CACHE_FILL_CHUNK = 1 << 12;

/** Nodes [start, end) of one level of the tree (level 0 = leaf hashes). */
export interface LevelRange {
  readonly level: number;
  readonly start: number;
  readonly end: number;
}

/** What the cache reads from: a LedgerStore, optionally able to read nodes and whole ranges in one round trip. */
export interface NodeSource {
  readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]>;
  readLevel(level: number, start: number, end: number): Promise<Uint8Array[]>;
  /**
   * In one call: the hashes of `ids` (in order; throws if one is missing) and, for every range, the hashes of the
   * nodes of that range the tree has, from its start (fewer than asked where the range passes the right edge).
   */
  readNodesAndLevels?(
    ids: readonly NodeId[],
    ranges: readonly LevelRange[],
  ): Promise<{ nodes: Uint8Array[]; levels: Uint8Array[][] }>;
}

/**
 * An in-memory copy of the tree's perfect-subtree hashes, bounded in size: for each level, the nodes from index 0 up
 * to a frontier, 32 bytes each in one buffer.
 *
 * Only perfect subtrees are ever stored in a LedgerStore, and a perfect subtree's hash never changes once its last
 * leaf is appended: the right edge of a tree is always folded from perfect nodes, never stored. So a hash read from
 * COMMITTED data stays valid for every later tree size, in every process sharing the database — the cache needs no
 * invalidation, only growth. It is filled lazily: a proof that lacks nodes reads them directly (one store call) and
 * starts a background fill that extends the levels (at most NODE_CACHE_FILL_CHUNK nodes per level per call) towards
 * them and, from a SQL store, on to the right edge. Once filled, proofs read nothing but the few nodes the log has
 * grown by. When the capacity is reached the levels stop growing and nodes beyond are read every time.
 *
 * Do not put it in front of a store bound to an open transaction (it could keep a node the transaction later rolls
 * back). A database restored to an older state, or edited behind the log's back, can disagree with the cache:
 * callers that hold a signed root should check the proof against it and `clear()` on a mismatch (the platform does).
 */
export class NodeCache {
  private levels: Uint8Array[] = [];
  private filled: number[] = [];
  private entries = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxEntries: number = DEFAULT_NODE_CACHE_ENTRIES,
    readonly fillChunk: number = NODE_CACHE_FILL_CHUNK,
  ) {
    for (const [what, n] of [
      ['size', maxEntries],
      ['fill chunk', fillChunk],
    ] as const)
      if (!Number.isSafeInteger(n) || n < 1)
        throw new InvalidArgumentError(`node cache ${what} must be a positive integer, got ${n}`);
  }

  /** Number of hashes held. */
  get size(): number {
    return this.entries;
  }

  /** The cached hash of `id` (a copy), if any. */
  get(id: NodeId): Uint8Array | undefined {
    if (id.index >= (this.filled[id.level] ?? 0)) return undefined;
    const at = id.index * HASH_SIZE;
    return this.levels[id.level]!.slice(at, at + HASH_SIZE);
  }

  clear(): void {
    this.levels = [];
    this.filled = [];
    this.entries = 0;
    this.wanted.clear();
    this.atEdge.clear();
  }

  /** Appends `hashes` = nodes [start, …) of `level` if they continue its frontier and fit the capacity. */
  private extend(level: number, start: number, hashes: readonly Uint8Array[]): void {
    const filled = this.filled[level] ?? 0;
    // Another proof may have extended the level meanwhile: keep only what continues the frontier.
    if (start > filled || start + hashes.length <= filled) return;
    const add = hashes.slice(
      filled - start,
      Math.max(0, Math.min(hashes.length, filled - start + this.maxEntries - this.entries)),
    );
    if (add.length === 0) return;
    let buf = this.levels[level] ?? new Uint8Array(0);
    const need = (filled + add.length) * HASH_SIZE;
    if (need > buf.length) {
      const grown = new Uint8Array(Math.max(need, Math.min(buf.length * 2, need + this.fillChunk * HASH_SIZE)));
      grown.set(buf.subarray(0, filled * HASH_SIZE));
      buf = grown;
    }
    add.forEach((h, i) => {
      if (h.length !== HASH_SIZE)
        throw new StoreInconsistencyError(`node ${level}/${filled + i} has ${h.length} bytes`);
      buf.set(h, (filled + i) * HASH_SIZE);
    });
    this.levels[level] = buf;
    this.filled[level] = filled + add.length;
    this.entries += add.length;
  }

  /**
   * A NodeReader answering from the cache. What it lacks it reads directly from `source` (one call, like a store
   * without a cache), and it starts a background fill towards those nodes: a proof never waits for a fill.
   */
  reader(source: NodeSource): NodeReader {
    return async (ids) => {
      const out: (Uint8Array | undefined)[] = ids.map((id) => this.get(id));
      const missing = ids.flatMap((id, i) => (out[i] === undefined ? [{ id, i }] : []));
      this.hits += ids.length - missing.length;
      this.misses += missing.length;
      if (missing.length === 0) return out as Uint8Array[];
      for (const { id } of missing) {
        this.wanted.set(id.level, Math.max(this.wanted.get(id.level) ?? -1, id.index));
        if (id.index >= (this.filled[id.level] ?? 0)) this.atEdge.delete(id.level); // the log grew
      }
      const nodes = await source.readNodes(missing.map(({ id }) => id));
      if (nodes.length !== missing.length)
        throw new StoreInconsistencyError(`node reader returned ${nodes.length} of ${missing.length} hashes`);
      missing.forEach(({ i }, k) => (out[i] = nodes[k]!));
      this.startFill(source);
      return out as Uint8Array[];
    };
  }

  private filling: Promise<void> | undefined;
  /** Per level, the furthest node a proof asked for. */
  private wanted = new Map<number, number>();
  /** Levels whose last fill came back short: the frontier is at the right edge of the tree. */
  private atEdge = new Set<number>();

  /** Resolves once no background fill is running (tests, benchmarks, a warm-up after start). */
  async settled(): Promise<void> {
    while (this.filling) await this.filling;
  }

  /**
   * Fills in the background, one store call at a time, each extending every level that needs it by at most one
   * chunk: up to the furthest node asked for and, from a source that reads ranges as far as they exist, on to the
   * right edge. Stops at the capacity; a failure ends this fill (the next miss starts another).
   */
  private startFill(source: NodeSource): void {
    if (this.filling) return;
    const whole = source.readNodesAndLevels !== undefined;
    this.filling = (async () => {
      for (;;) {
        const ranges: LevelRange[] = [];
        let room = this.maxEntries - this.entries;
        for (const [level, index] of [...this.wanted].sort((a, b) => b[0] - a[0])) {
          const start = this.filled[level] ?? 0;
          const limit = Math.min(start + this.fillChunk, start + room);
          const end = whole && !this.atEdge.has(level) ? limit : Math.min(index + 1, limit);
          if (end > start) {
            ranges.push({ level, start, end });
            room -= end - start;
          }
        }
        if (ranges.length === 0) return;
        const levels = whole
          ? (await source.readNodesAndLevels!([], ranges)).levels
          : await Promise.all(ranges.map((r) => source.readLevel(r.level, r.start, r.end)));
        const before = this.entries;
        ranges.forEach((r, k) => {
          const got = levels[k] ?? [];
          if (got.length < r.end - r.start) this.atEdge.add(r.level);
          this.extend(r.level, r.start, got);
        });
        if (this.entries === before) return; // nothing more to add (e.g. cleared meanwhile)
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        this.filling = undefined;
      });
  }
}
