import type { KeyObject } from 'node:crypto';
import { utf8 } from '../encoding.ts';
import { InvalidKeyError } from '../errors.ts';
import { ed25519PrivateKey, ed25519PublicFromSeed, ed25519Sign } from '../note/ed25519.ts';
import { computeKeyId, SigType } from '../note/key-id.ts';
import { isValidKeyName } from '../note/name.ts';
import { signatureLine } from '../note/sign.ts';
import { formatVerifierKey } from '../note/verifier.ts';
import { parseCheckpoint } from '../checkpoint/checkpoint.ts';
import { cosignatureMessage } from './message.ts';

/** A C2SP tlog-cosignature (cosignature/v1, type 0x04) Ed25519 cosigner. */
export interface Cosigner {
  readonly name: string;
  readonly keyId: number;
  /** Verifier key `name+keyid+base64(0x04 ‖ pubkey)`. */
  readonly vkey: string;
  /** Signature payload after the key ID: u64be(timestamp) ‖ Ed25519 signature (72 bytes). */
  cosign(body: string, timestamp: number): Uint8Array;
  /** A complete note signature line over `body` at `timestamp` (seconds since the epoch). */
  cosignatureLine(body: string, timestamp: number): string;
}

/**
 * Builds a cosigner from a key name and a 32-byte Ed25519 seed.
 * `cosign` requires `body` to be a valid checkpoint body (the spec only cosigns checkpoints) and
 * `timestamp` a non-negative safe integer.
 */
export function cosignerFromSeed(name: string, seed: Uint8Array): Cosigner {
  if (!isValidKeyName(name)) throw new InvalidKeyError('invalid key name');
  if (seed.length !== 32) throw new InvalidKeyError('Ed25519 seed must be 32 bytes');
  const pub = ed25519PublicFromSeed(seed);
  const priv: KeyObject = ed25519PrivateKey(seed);
  const keyId = computeKeyId(name, SigType.CosignatureV1, pub);
  const cosign = (body: string, timestamp: number): Uint8Array => {
    parseCheckpoint(body);
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new InvalidKeyError('timestamp must be a non-negative integer');
    const sig = ed25519Sign(priv, cosignatureMessage(timestamp, utf8.encode(body)));
    const out = Buffer.alloc(72);
    out.writeBigUInt64BE(BigInt(timestamp), 0);
    out.set(sig, 8);
    return new Uint8Array(out);
  };
  return {
    name,
    keyId,
    vkey: formatVerifierKey(name, SigType.CosignatureV1, pub),
    cosign,
    cosignatureLine: (body, timestamp) => signatureLine(name, keyId, cosign(body, timestamp)),
  };
}
