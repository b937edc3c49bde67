import { normalizeText } from '../normalize/normalize.ts';

/**
 * Canonical text for duplicate detection: normalised, then only letters and digits kept, so
 * changed punctuation, spacing or full-width characters do not change the shingle set.
 */
export function dedupeKey(text: string): string {
  return normalizeText(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** 32-bit FNV-1a of s[start, end): a cheap, stable hash for shingles. */
export function fnv1a(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of the distinct character k-shingles of `key` (the whole key if shorter than k). */
export function shingleHashes(key: string, k = 3): Uint32Array {
  if (key.length === 0) return new Uint32Array(0);
  if (key.length <= k) return Uint32Array.of(fnv1a(key));
  const set = new Set<number>();
  for (let i = 0; i + k <= key.length; i++) set.add(fnv1a(key, i, i + k));
  return Uint32Array.from(set);
}
