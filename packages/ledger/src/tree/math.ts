/*
 * Integer helpers for tree sizes up to 2^53-1. JavaScript bitwise operators truncate to 32 bits,
 * so these use arithmetic instead.
 */

/** Largest power of two strictly less than n. Precondition: n ≥ 2. */
export function largestPowerOfTwoBelow(n: number): number {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
}

/** Number of trailing zero bits of n. Precondition: n ≥ 1. */
export function trailingZeros(n: number): number {
  let z = 0;
  while (n % 2 === 0) {
    n /= 2;
    z++;
  }
  return z;
}

/** floor(n / 2^k). Precondition: n ≥ 0. */
export function shiftRight(n: number, k: number): number {
  return Math.floor(n / 2 ** k);
}

/** Whether bit k of n is set. Precondition: n ≥ 0. */
export function bitSet(n: number, k: number): boolean {
  return shiftRight(n, k) % 2 === 1;
}

/** Number of bits needed to represent n (0 for 0). */
export function bitLength(n: number): number {
  let l = 0;
  while (n >= 1) {
    n = Math.floor(n / 2);
    l++;
  }
  return l;
}
