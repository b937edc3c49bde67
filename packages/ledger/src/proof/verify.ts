import { bytesEqual } from '../encoding.ts';
import { InvalidArgumentError, ProofShapeError, RootMismatchError } from '../errors.ts';
import { HASH_SIZE, hashChildren } from '../hasher.ts';

/*
 * Verification follows transparency-dev/merkle's proof/verify.go contract, which the vectors in
 * test/fixtures encode. BigInt keeps the bit arithmetic exact for any uint64 size.
 */

function bitLen(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

function onesCount(x: bigint): number {
  let c = 0;
  for (const ch of x.toString(2)) if (ch === '1') c++;
  return c;
}

function trailingZeros(x: bigint): number {
  let z = 0;
  while (x > 0n && (x & 1n) === 0n) {
    x >>= 1n;
    z++;
  }
  return z;
}

// Splits an inclusion proof into the part below the point where the leaf's path leaves the
// right border (inner) and the part along it (border).
function decompose(index: bigint, size: bigint): { inner: number; border: number } {
  const inner = bitLen(index ^ (size - 1n));
  const border = onesCount(index >> BigInt(inner));
  return { inner, border };
}

function chainInner(seed: Uint8Array, proof: readonly Uint8Array[], index: bigint): Uint8Array {
  let h = seed;
  proof.forEach((p, i) => {
    h = ((index >> BigInt(i)) & 1n) === 0n ? hashChildren(h, p) : hashChildren(p, h);
  });
  return h;
}

function chainInnerRight(seed: Uint8Array, proof: readonly Uint8Array[], index: bigint): Uint8Array {
  let h = seed;
  proof.forEach((p, i) => {
    if (((index >> BigInt(i)) & 1n) === 1n) h = hashChildren(p, h);
  });
  return h;
}

function chainBorderRight(seed: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  let h = seed;
  for (const p of proof) h = hashChildren(p, h);
  return h;
}

function toBig(n: number | bigint, what: string): bigint {
  if (typeof n === 'number' && (!Number.isSafeInteger(n) || n < 0)) throw new InvalidArgumentError(`${what} must be a non-negative integer`);
  const b = BigInt(n);
  if (b < 0n || b >= 1n << 64n) throw new InvalidArgumentError(`${what} must fit in uint64`);
  return b;
}

function match(calculated: Uint8Array, expected: Uint8Array, what: string): void {
  if (!bytesEqual(calculated, expected)) throw new RootMismatchError(`${what}: calculated root does not match the expected root`, expected, calculated);
}

/**
 * Root implied by an inclusion proof. Preconditions: index < size; leafHash is 32 bytes; the proof
 * has exactly the RFC 6962 length for (index, size). Throws InvalidArgumentError / ProofShapeError.
 */
export function rootFromInclusionProof(index: number | bigint, size: number | bigint, leafHash: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  const i = toBig(index, 'index');
  const n = toBig(size, 'size');
  if (i >= n) throw new InvalidArgumentError(`index is beyond size: ${i} >= ${n}`);
  if (leafHash.length !== HASH_SIZE) throw new ProofShapeError(`leaf hash has ${leafHash.length} bytes, want ${HASH_SIZE}`);
  const { inner, border } = decompose(i, n);
  if (proof.length !== inner + border) throw new ProofShapeError(`wrong proof size ${proof.length}, want ${inner + border}`);
  const res = chainInner(leafHash, proof.slice(0, inner), i);
  return chainBorderRight(res, proof.slice(inner));
}

/**
 * Verifies that `leafHash` is leaf `index` of the tree of `size` leaves with root `root`.
 * Throws (never returns false) so that the reason is always available.
 */
export function verifyInclusion(index: number | bigint, size: number | bigint, leafHash: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  match(rootFromInclusionProof(index, size, leafHash, proof), root, 'inclusion');
}

/**
 * Strict consistency verification (transparency-dev semantics): size1 = 0 is always an error,
 * even 0 → 0, because such a proof proves nothing; size1 = size2 needs an empty proof and equal
 * roots; otherwise the proof must have exactly the RFC 6962 length and yield both roots.
 * For the tlog-witness rule that accepts old size 0, see `verifyConsistencyFromWitness`.
 */
export function verifyConsistency(size1: number | bigint, size2: number | bigint, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): void {
  const s1 = toBig(size1, 'size1');
  const s2 = toBig(size2, 'size2');
  if (s2 < s1) throw new InvalidArgumentError(`size2 (${s2}) < size1 (${s1})`);
  if (s1 === 0n) throw new InvalidArgumentError('consistency check with the empty tree is useless (size1 = 0)');
  if (s1 === s2) {
    if (proof.length > 0) throw new ProofShapeError('size1 = size2, but proof is not empty');
    match(root1, root2, 'consistency');
    return;
  }
  if (proof.length === 0) throw new ProofShapeError('empty proof');
  for (const p of proof) if (p.length !== HASH_SIZE) throw new ProofShapeError(`proof element has ${p.length} bytes, want ${HASH_SIZE}`);

  const { inner: fullInner, border } = decompose(s1 - 1n, s2);
  const shift = trailingZeros(s1);
  const inner = fullInner - shift;
  // The proof starts with the hash of the subtree of size 2^shift where the old tree ends,
  // unless the old tree is exactly that subtree, whose hash is root1 itself.
  let seed: Uint8Array;
  let start: number;
  if (s1 === 1n << BigInt(shift)) {
    seed = root1;
    start = 0;
  } else {
    seed = proof[0]!;
    start = 1;
  }
  if (proof.length !== start + inner + border) throw new ProofShapeError(`wrong proof size ${proof.length}, want ${start + inner + border}`);
  const rest = proof.slice(start);
  const mask = (s1 - 1n) >> BigInt(shift);

  const hash1 = chainBorderRight(chainInnerRight(seed, rest.slice(0, inner), mask), rest.slice(inner));
  match(hash1, root1, 'consistency (old root)');
  const hash2 = chainBorderRight(chainInner(seed, rest.slice(0, inner), mask), rest.slice(inner));
  match(hash2, root2, 'consistency (new root)');
}

/**
 * The C2SP tlog-witness rule: from old size 0 the proof MUST be empty and is accepted (nothing to
 * check); any other old size is verified strictly with `verifyConsistency`.
 */
export function verifyConsistencyFromWitness(oldSize: number | bigint, newSize: number | bigint, proof: readonly Uint8Array[], oldRoot: Uint8Array | undefined, newRoot: Uint8Array): void {
  if (toBig(oldSize, 'old size') === 0n) {
    if (proof.length !== 0) throw new ProofShapeError('consistency proof from old size 0 must be empty');
    toBig(newSize, 'new size');
    return;
  }
  if (oldRoot === undefined) throw new InvalidArgumentError('old root is required when old size > 0');
  verifyConsistency(oldSize, newSize, proof, oldRoot, newRoot);
}
