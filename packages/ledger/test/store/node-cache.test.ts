import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, Ledger, MemoryLedgerStore, NodeCache, bytesEqual } from '../../src/index.ts';
import type { NodeId } from '../../src/index.ts';

const enc = new TextEncoder();

/** A memory store that counts node reads, so the tests see what the cache saves. */
class CountingStore extends MemoryLedgerStore {
  calls = 0;
  nodes = 0;
  override async readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    this.calls++;
    this.nodes += ids.length;
    return super.readNodes(ids);
  }
}

async function grown(n: number, step = 37): Promise<CountingStore> {
  const store = new CountingStore();
  const ledger = new Ledger(store);
  for (let i = 0; i < n; i += step)
    await ledger.append(Array.from({ length: Math.min(step, n - i) }, (_, j) => enc.encode(`leaf ${i + j}`)));
  return store;
}

const same = (a: Uint8Array[], b: Uint8Array[]) => a.length === b.length && a.every((h, i) => bytesEqual(h, b[i]!));

describe('NodeCache', () => {
  it('gives the same proofs and roots as the store, at every size, while the log grows', async () => {
    const store = new CountingStore();
    const plain = new Ledger(store);
    const cached = new Ledger(store, { cache: new NodeCache(64) });
    for (let i = 0; i < 300; i++) {
      await plain.append([enc.encode(`leaf ${i}`)]);
      const size = i + 1;
      // The right edge moves with every append: proofs against the new size must still match.
      expect(bytesEqual(await cached.root(size), await plain.root(size))).toBe(true);
      for (const index of [0, Math.floor(size / 2), size - 1])
        expect(same(await cached.inclusionProof(index, size), await plain.inclusionProof(index, size))).toBe(true);
      for (const size1 of [1, Math.max(1, size - 3), size])
        expect(same(await cached.consistencyProof(size1, size), await plain.consistencyProof(size1, size))).toBe(true);
      // Older sizes too: a cached node is valid at every size that contains it.
      if (size > 10) expect(same(await cached.inclusionProof(3, size - 7), await plain.inclusionProof(3, size - 7))).toBe(true);
    }
  });

  it('reads only the missing nodes, in one store call, and none for a repeated proof', async () => {
    const store = await grown(1000);
    const cache = new NodeCache();
    const ledger = new Ledger(store, { cache });
    store.calls = 0;
    store.nodes = 0;
    const first = await ledger.inclusionProof(500, 1000);
    expect(store.calls).toBe(1);
    const read = store.nodes;
    expect(read).toBeGreaterThanOrEqual(first.length);
    await ledger.inclusionProof(500, 1000);
    expect(store.calls).toBe(1); // all from memory
    // A neighbour shares the upper part of the path: fewer nodes read than the first time.
    await ledger.inclusionProof(501, 1000);
    expect(store.calls).toBe(2);
    expect(store.nodes - read).toBeLessThan(read);
    expect(cache.hits).toBeGreaterThan(0);
  });

  it('stays within its bound and evicts the least recently used', () => {
    const cache = new NodeCache(3);
    const h = (n: number) => Uint8Array.of(n);
    cache.set({ level: 0, index: 1 }, h(1));
    cache.set({ level: 0, index: 2 }, h(2));
    cache.set({ level: 1, index: 1 }, h(3));
    expect(cache.get({ level: 0, index: 1 })).toEqual(h(1)); // now most recent
    cache.set({ level: 2, index: 0 }, h(4));
    expect(cache.size).toBe(3);
    expect(cache.get({ level: 0, index: 2 })).toBeUndefined(); // the oldest went
    expect(cache.get({ level: 0, index: 1 })).toEqual(h(1));
    // Same index on different levels are different nodes.
    expect(cache.get({ level: 1, index: 1 })).toEqual(h(3));
    expect(() => new NodeCache(0)).toThrow(InvalidArgumentError);
  });

  it('refuses a reader that answers with the wrong number of hashes', async () => {
    const read = new NodeCache().reader(async () => [new Uint8Array(32)]);
    await expect(read([{ level: 0, index: 0 }, { level: 0, index: 1 }])).rejects.toThrow(/1 of 2/);
  });
});
