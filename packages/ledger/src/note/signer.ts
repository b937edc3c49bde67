import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { concatBytes, decodeBase64Strict, encodeBase64 } from '../encoding.ts';
import { InvalidKeyError } from '../errors.ts';
import { ed25519PrivateKey, ed25519PublicFromSeed, ed25519Sign } from './ed25519.ts';
import { computeKeyId, formatKeyId, SigType } from './key-id.ts';
import { isValidKeyName } from './name.ts';
import { formatVerifierKey } from './verifier.ts';

/** Produces the signature bytes that follow the key ID in a note signature line. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(msg: Uint8Array): Uint8Array;
}

/** An Ed25519 (type 0x01) note signer with its matching verifier key. */
export interface Ed25519Signer extends NoteSigner {
  readonly vkey: string;
  /** The 32-byte seed; the same seed can back a cosignature/v1 key (see `Cosigner`). */
  readonly seed: Uint8Array;
}

/** Builds a type-0x01 signer from a name and a 32-byte Ed25519 seed. */
export function ed25519SignerFromSeed(name: string, seed: Uint8Array): Ed25519Signer {
  if (!isValidKeyName(name)) throw new InvalidKeyError('invalid key name');
  if (seed.length !== 32) throw new InvalidKeyError('Ed25519 seed must be 32 bytes');
  const pub = ed25519PublicFromSeed(seed);
  const priv: KeyObject = ed25519PrivateKey(seed);
  return {
    name,
    keyId: computeKeyId(name, SigType.Ed25519, pub),
    vkey: formatVerifierKey(name, SigType.Ed25519, pub),
    seed: new Uint8Array(seed),
    sign: (msg) => ed25519Sign(priv, msg),
  };
}

/**
 * Parses a signer key `PRIVATE+KEY+name+keyid+base64(0x01 ‖ 32-byte seed)` (golang.org/x/mod
 * format). The key ID must match the derived public key. Throws InvalidKeyError.
 */
export function parseSignerKey(skey: string): Ed25519Signer {
  if (!skey.startsWith('PRIVATE+KEY+')) throw new InvalidKeyError('signer key must start with PRIVATE+KEY+');
  const rest = skey.slice('PRIVATE+KEY+'.length);
  const p1 = rest.indexOf('+');
  const p2 = p1 < 0 ? -1 : rest.indexOf('+', p1 + 1);
  if (p1 < 0 || p2 < 0) throw new InvalidKeyError('signer key must be PRIVATE+KEY+name+keyid+key');
  const name = rest.slice(0, p1);
  const idHex = rest.slice(p1 + 1, p2);
  const key = decodeBase64Strict(rest.slice(p2 + 1));
  if (!/^[0-9a-fA-F]{8}$/.test(idHex)) throw new InvalidKeyError('key ID must be 8 hex digits');
  if (key === undefined || key.length !== 33 || key[0] !== SigType.Ed25519) throw new InvalidKeyError('signer key must hold 0x01 and a 32-byte Ed25519 seed');
  const signer = ed25519SignerFromSeed(name, key.subarray(1));
  if (signer.keyId !== parseInt(idHex, 16)) throw new InvalidKeyError('key ID does not match the key');
  return signer;
}

/** Formats a signer key string for a type-0x01 signer. */
export function formatSignerKey(signer: Ed25519Signer): string {
  return `PRIVATE+KEY+${signer.name}+${formatKeyId(signer.keyId)}+${encodeBase64(concatBytes(Uint8Array.of(SigType.Ed25519), signer.seed))}`;
}

/** Generates a fresh Ed25519 key pair: `{ skey, vkey }` strings. */
export function generateSignerKey(name: string): { skey: string; vkey: string } {
  const signer = ed25519SignerFromSeed(name, new Uint8Array(randomBytes(32)));
  return { skey: formatSignerKey(signer), vkey: signer.vkey };
}
