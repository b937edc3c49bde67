import { hash as oneShotHash, createHash } from 'node:crypto';
import { HASH_SIZE } from '../hasher.ts';

// Verification hashes about two million nodes per million leaves, so this path avoids per-node
// allocations beyond the digest itself: children sit side by side in the tile buffer and are
// copied once into a scratch buffer behind the 0x01 prefix.
const digest: (b: Uint8Array) => Uint8Array =
  typeof oneShotHash === 'function'
    ? (b) => oneShotHash('sha256', b, 'buffer') as unknown as Uint8Array
    : (b) => createHash('sha256').update(b).digest();

const scratch = new Uint8Array(1 + 2 * HASH_SIZE);
scratch[0] = 1;

/**
 * Root of the perfect subtree formed by `count` consecutive 32-byte hashes starting at hash
 * position `first` of `hashes`. Precondition: count is a power of two and the range is in bounds.
 * Returns a fresh 32-byte array.
 */
export function perfectSubtreeRoot(hashes: Uint8Array, first: number, count: number): Uint8Array {
  if (count === 1) return hashes.slice(first * HASH_SIZE, (first + 1) * HASH_SIZE);
  let level = new Uint8Array(hashes.buffer, hashes.byteOffset + first * HASH_SIZE, count * HASH_SIZE);
  let n = count;
  while (n > 1) {
    const next = new Uint8Array((n / 2) * HASH_SIZE);
    for (let i = 0; i < n / 2; i++) {
      scratch.set(level.subarray(i * 2 * HASH_SIZE, (i + 1) * 2 * HASH_SIZE), 1);
      next.set(digest(scratch), i * HASH_SIZE);
    }
    level = next;
    n /= 2;
  }
  return level;
}

/**
 * The compact range of the first `width` hashes of a tile: one perfect-subtree root per set bit of
 * `width`, largest first. Precondition: width ≤ number of hashes in `hashes`.
 */
export function tileCompactRange(hashes: Uint8Array, width: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  for (let bit = 128; bit >= 1; bit /= 2) {
    if (width & bit) {
      out.push(perfectSubtreeRoot(hashes, pos, bit));
      pos += bit;
    }
  }
  return out;
}

/**
 * RFC 6962 leaf hashes of the entries in `bundle`, written into a new buffer of 32-byte hashes.
 * Mutates `bundle`: each entry's length prefix byte just before it is overwritten with the 0x00
 * leaf prefix so that the entry can be hashed in place. Precondition: offsets come from
 * `scanEntryBundle(bundle)`.
 */
export function hashBundleEntriesInPlace(bundle: Uint8Array, starts: readonly number[], lengths: readonly number[]): Uint8Array {
  const out = new Uint8Array(starts.length * HASH_SIZE);
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    bundle[s - 1] = 0;
    out.set(digest(bundle.subarray(s - 1, s + lengths[i]!)), i * HASH_SIZE);
  }
  return out;
}
