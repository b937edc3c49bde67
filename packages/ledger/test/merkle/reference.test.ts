import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  EMPTY_ROOT,
  Ledger,
  MemoryLedgerStore,
  buildConsistencyProof,
  buildInclusionProof,
  hashChildren,
  hashLeaf,
  rangeNodes,
  rootFromLeafHashes,
  verifyConsistency,
  verifyConsistencyFromWitness,
  verifyInclusion,
} from '../../src/index.ts';
import { fixture, hex, toHex } from '../helpers.ts';

interface Reference {
  hasher_vectors: { kind: string; input_hex?: string; left_hex?: string; right_hex?: string; want_hex: string }[];
  leaf_inputs_hex: string[];
  node_hashes_by_level_hex: string[][];
  root_hashes_by_size_hex: string[];
  compact_range_by_size_hex: string[][];
  inclusion_proofs: { leaf_index: number; tree_size: number; leaf_input_hex: string; leaf_hash_hex: string; root_hex: string; proof_hex: string[] }[];
  consistency_proofs: { size1: number; size2: number; root1_hex: string; root2_hex: string; proof_hex: string[] }[];
}

const ref = fixture<Reference>('merkle/rfc6962-reference.json');
const leaves = ref.leaf_inputs_hex.map(hex);

async function ledgerOf(n: number): Promise<Ledger> {
  const ledger = new Ledger(new MemoryLedgerStore());
  await ledger.append(leaves.slice(0, n));
  return ledger;
}

describe('RFC 6962 hasher vectors', () => {
  it.each(ref.hasher_vectors.map((v, i) => [i, v] as const))('vector %i', (_i, v) => {
    const got = v.kind === 'empty_root' ? EMPTY_ROOT : v.kind === 'leaf' ? hashLeaf(hex(v.input_hex!)) : hashChildren(hex(v.left_hex!), hex(v.right_hex!));
    expect(toHex(got)).toBe(v.want_hex);
  });
});

describe('reference tree', () => {
  it('leaf and node hashes by level', () => {
    const level0 = leaves.map(hashLeaf);
    expect(level0.map(toHex)).toEqual(ref.node_hashes_by_level_hex[0]);
    let level = level0;
    for (let l = 1; l < ref.node_hashes_by_level_hex.length; l++) {
      const next: Uint8Array[] = [];
      for (let i = 0; i + 1 < level.length; i += 2) next.push(hashChildren(level[i]!, level[i + 1]!));
      expect(next.map(toHex)).toEqual(ref.node_hashes_by_level_hex[l]);
      level = next;
    }
  });

  it.each(ref.root_hashes_by_size_hex.map((h, n) => [n, h] as const))('root of size %i (direct, compact range, store)', async (n, want) => {
    expect(toHex(rootFromLeafHashes(leaves.slice(0, n).map(hashLeaf)))).toBe(want);
    const cr = new CompactRange();
    for (const l of leaves.slice(0, n)) cr.append(hashLeaf(l));
    expect(toHex(cr.root())).toBe(want);
    expect(cr.nodes.map(toHex)).toEqual(ref.compact_range_by_size_hex[n]);
    const ledger = await ledgerOf(8);
    expect(toHex(await ledger.root(n))).toBe(want);
  });

  it('compact range node ids match the frontier sizes', () => {
    for (let n = 0; n <= 8; n++) expect(rangeNodes(0, n)).toHaveLength(ref.compact_range_by_size_hex[n]!.length);
  });
});

describe('reference inclusion proofs', () => {
  it.each(ref.inclusion_proofs.map((p) => [p.leaf_index, p.tree_size, p] as const))('leaf %i in size %i: builds and verifies', async (_i, _n, p) => {
    expect(toHex(hashLeaf(hex(p.leaf_input_hex)))).toBe(p.leaf_hash_hex);
    const ledger = await ledgerOf(8);
    const built = await ledger.inclusionProof(p.leaf_index, p.tree_size);
    expect(built.map(toHex)).toEqual(p.proof_hex);
    expect(() => verifyInclusion(p.leaf_index, p.tree_size, hex(p.leaf_hash_hex), p.proof_hex.map(hex), hex(p.root_hex))).not.toThrow();
    expect(() => verifyInclusion(p.leaf_index, p.tree_size, hashLeaf(hex('ff')), p.proof_hex.map(hex), hex(p.root_hex))).toThrow();
  });
});

describe('reference consistency proofs', () => {
  it.each(ref.consistency_proofs.map((p) => [p.size1, p.size2, p] as const))('%i → %i: builds and verifies', async (_a, _b, p) => {
    const ledger = await ledgerOf(8);
    expect((await ledger.consistencyProof(p.size1, p.size2)).map(toHex)).toEqual(p.proof_hex);
    expect(() => verifyConsistency(p.size1, p.size2, p.proof_hex.map(hex), hex(p.root1_hex), hex(p.root2_hex))).not.toThrow();
    if (p.size1 !== p.size2) expect(() => verifyConsistency(p.size1, p.size2, p.proof_hex.map(hex), hex(p.root2_hex), hex(p.root1_hex))).toThrow();
  });
});

describe('generated trees', () => {
  it('every inclusion and consistency proof of every tree up to 40 leaves verifies, and tampering fails', async () => {
    const data = Array.from({ length: 40 }, (_, i) => new TextEncoder().encode(`leaf ${i}`));
    const store = new MemoryLedgerStore();
    const ledger = new Ledger(store);
    for (const d of data) await ledger.append([d]);
    const read = store.readNodes.bind(store);
    const roots: Uint8Array[] = [];
    for (let n = 0; n <= 40; n++) roots.push(rootFromLeafHashes(data.slice(0, n).map(hashLeaf)));
    for (let n = 1; n <= 40; n++) {
      expect(await ledger.root(n)).toEqual(roots[n]);
      for (let i = 0; i < n; i++) {
        const proof = await buildInclusionProof(i, n, read);
        verifyInclusion(i, n, hashLeaf(data[i]!), proof, roots[n]!);
        if (proof.length > 0) {
          const bad = proof.map((p) => p.slice());
          bad[0]![0]! ^= 1;
          expect(() => verifyInclusion(i, n, hashLeaf(data[i]!), bad, roots[n]!)).toThrow();
        }
      }
      for (let m = 1; m <= n; m++) {
        const proof = await buildConsistencyProof(m, n, read);
        verifyConsistency(m, n, proof, roots[m]!, roots[n]!);
        if (m < n) expect(() => verifyConsistency(m, n, proof, roots[m - 1]!, roots[n]!)).toThrow();
      }
    }
  });

  it('append batches of any size give the same nodes as one-by-one appends', async () => {
    const data = Array.from({ length: 300 }, (_, i) => Uint8Array.of(i & 0xff, i >> 8));
    const a = new Ledger(new MemoryLedgerStore());
    const b = new Ledger(new MemoryLedgerStore());
    for (const d of data) await a.append([d]);
    for (let i = 0; i < data.length; i += 37) await b.append(data.slice(i, i + 37));
    for (const n of [1, 37, 64, 255, 256, 257, 300]) expect(await b.root(n)).toEqual(await a.root(n));
    expect(await b.inclusionProof(123, 300)).toEqual(await a.inclusionProof(123, 300));
  });

  it('witness rule accepts old size 0 only with an empty proof; strict verifier refuses it', () => {
    const root = rootFromLeafHashes([hashLeaf(Uint8Array.of(1))]);
    expect(() => verifyConsistencyFromWitness(0, 1, [], undefined, root)).not.toThrow();
    expect(() => verifyConsistencyFromWitness(0, 1, [root], undefined, root)).toThrow();
    expect(() => verifyConsistency(0, 1, [], EMPTY_ROOT, root)).toThrow();
    expect(() => verifyConsistency(0, 0, [], EMPTY_ROOT, EMPTY_ROOT)).toThrow();
  });
});
