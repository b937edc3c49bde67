import { TileError } from '../errors.ts';

/**
 * Encodes an entry bundle: each entry prefixed with its length as a big-endian uint16.
 * Precondition: every entry is at most 65,535 bytes.
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const e of entries) {
    if (e.length > 0xffff) throw new TileError(`entry of ${e.length} bytes does not fit a uint16 length`);
    len += 2 + e.length;
  }
  const out = new Uint8Array(len);
  let off = 0;
  for (const e of entries) {
    out[off] = e.length >> 8;
    out[off + 1] = e.length & 0xff;
    out.set(e, off + 2);
    off += 2 + e.length;
  }
  return out;
}

/**
 * Offsets of the entries in a bundle: entry i is bytes [starts[i], starts[i] + lengths[i]).
 * Throws TileError if the bundle is truncated or has trailing bytes or more than `maxEntries`.
 */
export function scanEntryBundle(bundle: Uint8Array, maxEntries = 256): { starts: number[]; lengths: number[] } {
  const starts: number[] = [];
  const lengths: number[] = [];
  let off = 0;
  while (off < bundle.length) {
    if (off + 2 > bundle.length) throw new TileError('entry bundle truncated in a length prefix');
    const len = (bundle[off]! << 8) | bundle[off + 1]!;
    if (off + 2 + len > bundle.length) throw new TileError('entry bundle truncated in an entry');
    starts.push(off + 2);
    lengths.push(len);
    off += 2 + len;
    if (starts.length > maxEntries) throw new TileError(`entry bundle holds more than ${maxEntries} entries`);
  }
  return { starts, lengths };
}

/** Decodes an entry bundle into copies of its entries. Throws TileError when malformed. */
export function decodeEntryBundle(bundle: Uint8Array): Uint8Array[] {
  const { starts, lengths } = scanEntryBundle(bundle, Number.MAX_SAFE_INTEGER);
  return starts.map((s, i) => bundle.slice(s, s + lengths[i]!));
}
