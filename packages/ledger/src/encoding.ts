import { InvalidArgumentError } from './errors.ts';

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes standard (RFC 4648 §4) padded base64, or returns undefined.
 * Node's Buffer decoder silently skips invalid characters, which would let a mangled key or
 * signature decode to something; the regex plus re-encoding round trip rejects that and any
 * non-canonical trailing bits.
 */
export function decodeBase64Strict(s: string): Uint8Array | undefined {
  if (!BASE64_RE.test(s)) return undefined;
  const bytes = Buffer.from(s, 'base64');
  if (bytes.toString('base64') !== s) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Encodes bytes as standard padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Precondition: `hex` has even length and only hex digits. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new InvalidArgumentError(`not hex: ${hex}`);
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** Constant-shape byte equality (not constant-time: only public data is compared). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

export const utf8 = new TextEncoder();

/**
 * Asserts that `n` is a non-negative safe integer. Sizes and indices are JS numbers: exact up to
 * 2^53-1 leaves, far beyond any log this package will hold.
 */
export function assertIndex(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${what} must be a non-negative safe integer, got ${n}`);
}
