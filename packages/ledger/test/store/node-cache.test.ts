import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  Ledger,
  MemoryLedgerStore,
  NodeCache,
  StoreInconsistencyError,
  bytesEqual,
} from '../../src/index.ts';
import type { LevelRange, NodeId } from '../../src/index.ts';

const enc = new TextEncoder();

/** A memory store that counts reads, so the tests see what the cache saves. */
class CountingStore extends MemoryLedgerStore {
  nodeCalls = 0;
  levelCalls = 0;
  override async readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    this.nodeCalls++;
    return super.readNodes(ids);
  }
  override async readLevel(level: number, start: number, end: number): Promise<Uint8Array[]> {
    this.levelCalls++;
    return super.readLevel(level, start, end);
  }
  get calls() {
    return this.nodeCalls + this.levelCalls;
  }
  reset() {
    this.nodeCalls = this.levelCalls = 0;
  }
}

/** The same, reading nodes and ranges in one call as SqlLedgerStore does (one round trip). */
class OneTripStore extends CountingStore {
  trips = 0;
  async readNodesAndLevels(ids: readonly NodeId[], ranges: readonly LevelRange[]) {
    this.trips++;
    // As SqlLedgerStore: a range gives the nodes that exist, from its start.
    const size = await this.size();
    return {
      nodes: await MemoryLedgerStore.prototype.readNodes.call(this, ids),
      levels: await Promise.all(
        ranges.map((r) =>
          MemoryLedgerStore.prototype.readLevel.call(
            this,
            r.level,
            r.start,
            Math.max(r.start, Math.min(r.end, Math.floor(size / 2 ** r.level))),
          ),
        ),
      ),
    };
  }
}

async function grow(store: CountingStore, from: number, to: number) {
  const ledger = new Ledger(store);
  for (let i = from; i < to; i += 37)
    await ledger.append(Array.from({ length: Math.min(37, to - i) }, (_, j) => enc.encode(`leaf ${i + j}`)));
}

const same = (a: Uint8Array[], b: Uint8Array[]) => a.length === b.length && a.every((h, i) => bytesEqual(h, b[i]!));

describe('NodeCache', () => {
  it('gives the same proofs and roots as the store at every size while the log grows, also when full', async () => {
    const shapes: [number, number][] = [
      [1 << 20, 1 << 16],
      [40, 8], // full after a few proofs: nodes beyond the frontier are read every time
    ];
    for (const [maxEntries, fillChunk] of shapes) {
      const store = new CountingStore();
      const plain = new Ledger(store);
      const cache = new NodeCache(maxEntries, fillChunk);
      const cached = new Ledger(store, { cache });
      for (let i = 0; i < 300; i++) {
        await plain.append([enc.encode(`leaf ${i}`)]);
        const size = i + 1;
        // The right edge moves with every append: proofs against the new size must still match.
        expect(bytesEqual(await cached.root(size), await plain.root(size))).toBe(true);
        for (const index of [0, Math.floor(size / 2), size - 1])
          expect(same(await cached.inclusionProof(index, size), await plain.inclusionProof(index, size))).toBe(true);
        for (const size1 of [1, Math.max(1, size - 3), size])
          expect(same(await cached.consistencyProof(size1, size), await plain.consistencyProof(size1, size))).toBe(
            true,
          );
        // Older sizes too: a cached node is valid at every size that contains it.
        if (size > 10)
          expect(same(await cached.inclusionProof(3, size - 7), await plain.inclusionProof(3, size - 7))).toBe(true);
        expect(cache.size).toBeLessThanOrEqual(maxEntries);
      }
    }
  });

  it('fills lazily in the background, then answers from memory; a grown log costs one read', async () => {
    const store = new CountingStore();
    await grow(store, 0, 5000);
    const cache = new NodeCache(1 << 20, 1024);
    const ledger = new Ledger(store, { cache });
    store.reset();
    await ledger.inclusionProof(4321, 5000);
    expect(store.nodeCalls).toBe(1); // the proof's own read; the fill runs behind it
    await cache.settled();
    expect(cache.size).toBeGreaterThan(0);
    const indices = Array.from({ length: 400 }, (_, k) => (k * 7919) % 5000);
    const sizes = Array.from({ length: 199 }, (_, k) => (k + 1) * 25);
    const run = async () => {
      for (const i of indices) await ledger.inclusionProof(i, 5000);
      for (const s1 of sizes) await ledger.consistencyProof(s1, 5000);
    };
    await run();
    await cache.settled(); // the frontiers now reach every node these proofs need
    store.reset();
    await run();
    expect(store.calls).toBe(0);
    expect(cache.size).toBeLessThanOrEqual(5000 + 5000 - 5); // at most the whole tree
    await grow(store, 5000, 5003);
    store.reset();
    const proof = await ledger.inclusionProof(5002, 5003);
    expect(store.nodeCalls).toBe(1); // the new leaves' nodes, in one read
    expect(same(proof, await new Ledger(store).inclusionProof(5002, 5003))).toBe(true);
    await cache.settled();
  });

  it('a proof waits for one read at most; from a SQL-like store the whole tree fills, then proofs read nothing', async () => {
    const store = new OneTripStore();
    await grow(store, 0, 3000);
    const cache = new NodeCache(1 << 20, 256);
    const ledger = new Ledger(store, { cache });
    store.reset();
    for (let k = 0; k < 100; k++) {
      const before = store.nodeCalls;
      await ledger.inclusionProof((k * 7919) % 3000, 3000);
      expect(store.nodeCalls - before).toBeLessThanOrEqual(1);
    }
    await cache.settled();
    expect(cache.size).toBe(3000 + 3000 - 7); // 3000 = 0b101110111000: 7 ones
    expect(store.levelCalls).toBe(0); // fills go through readNodesAndLevels
    store.reset();
    for (let k = 1; k < 300; k++) {
      await ledger.inclusionProof((k * 104729) % 3000, 3000);
      await ledger.consistencyProof(k * 10, 3000);
    }
    expect(store.calls).toBe(0);
  });

  it('stays within its capacity, and clear() empties it', async () => {
    const store = new CountingStore();
    await grow(store, 0, 3000);
    const cache = new NodeCache(500, 64);
    const ledger = new Ledger(store, { cache });
    for (let k = 0; k < 300; k++) await ledger.inclusionProof((k * 7919) % 3000, 3000);
    await cache.settled();
    expect(cache.size).toBe(500);
    const held = { level: 0, index: 0 };
    expect(cache.get(held)).toEqual((await store.readNodes([held]))[0]);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get(held)).toBeUndefined();
    // Still the right proofs, filling again.
    expect(same(await ledger.inclusionProof(2999, 3000), await new Ledger(store).inclusionProof(2999, 3000))).toBe(
      true,
    );
    await cache.settled();
    expect(cache.size).toBeGreaterThan(0);
    expect(() => new NodeCache(0)).toThrow(InvalidArgumentError);
    expect(() => new NodeCache(10, 0.5)).toThrow(InvalidArgumentError);
  });

  it('refuses a source that answers with the wrong number of hashes', async () => {
    const h = new Uint8Array(32);
    const short = new NodeCache().reader({ readNodes: async () => [h], readLevel: async () => [h] });
    await expect(
      short([
        { level: 0, index: 0 },
        { level: 0, index: 1 },
      ]),
    ).rejects.toThrow(StoreInconsistencyError);
  });
});
