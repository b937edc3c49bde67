import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { concatBytes } from '../encoding.ts';

// Fixed DER prefixes wrapping a raw 32-byte Ed25519 key, so node:crypto can import raw keys
// without JWK round trips.
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

/** Imports a raw 32-byte Ed25519 public key. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(concatBytes(SPKI_PREFIX, raw)), format: 'der', type: 'spki' });
}

/** Imports a 32-byte Ed25519 seed as a private key. */
export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(concatBytes(PKCS8_PREFIX, seed)), format: 'der', type: 'pkcs8' });
}

/** Raw 32-byte public key of a seed. */
export function ed25519PublicFromSeed(seed: Uint8Array): Uint8Array {
  const der = createPublicKey(ed25519PrivateKey(seed)).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

/** Deterministic Ed25519 signature (RFC 8032). */
export function ed25519Sign(key: KeyObject, msg: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, msg, key));
}

/** Ed25519 verification; false for a wrong-length signature instead of throwing. */
export function ed25519Verify(key: KeyObject, msg: Uint8Array, sig: Uint8Array): boolean {
  if (sig.length !== 64) return false;
  return verify(null, msg, key, sig);
}
