import { shingleHashes } from './shingles.ts';

export const DEFAULT_PERMUTATIONS = 64;

// Fixed odd multipliers and offsets (from a seeded generator) define the hash permutations, so
// signatures are comparable across processes and versions.
function makeParams(n: number): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(n);
  const b = new Uint32Array(n);
  let s = 0x9e3779b9;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  for (let i = 0; i < n; i++) {
    a[i] = next() | 1;
    b[i] = next();
  }
  return { a, b };
}

const PARAMS = makeParams(256);

/** MinHash signature of a set of 32-bit shingle hashes. */
export function minhash(hashes: Uint32Array, permutations = DEFAULT_PERMUTATIONS): Uint32Array {
  const sig = new Uint32Array(permutations).fill(0xffffffff);
  const { a, b } = PARAMS;
  for (let p = 0; p < permutations; p++) {
    const ap = a[p]!;
    const bp = b[p]!;
    let min = 0xffffffff;
    for (let i = 0; i < hashes.length; i++) {
      // Multiply-add then an xorshift finaliser: a plain affine map mod 2^32 permutes badly in
      // the low bits.
      let h = (Math.imul(hashes[i]!, ap) + bp) >>> 0;
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d) >>> 0;
      h ^= h >>> 12;
      if (h >>> 0 < min) min = h >>> 0;
    }
    sig[p] = min;
  }
  return sig;
}

/** Estimated Jaccard similarity: share of equal signature positions. */
export function signatureSimilarity(x: Uint32Array, y: Uint32Array): number {
  const n = Math.min(x.length, y.length);
  if (n === 0) return 0;
  let eq = 0;
  for (let i = 0; i < n; i++) if (x[i] === y[i]) eq++;
  return eq / n;
}

/** Exact Jaccard similarity of two shingle-hash sets (used to verify and to measure). */
export function jaccard(x: Uint32Array, y: Uint32Array): number {
  if (x.length === 0 && y.length === 0) return 1;
  const s = new Set(x);
  let inter = 0;
  for (const v of y) if (s.has(v)) inter++;
  return inter / (x.length + y.length - inter);
}

export { shingleHashes };
