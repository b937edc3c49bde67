import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { decodeBase64Strict, concatBytes, encodeBase64 } from '../encoding.ts';
import { InvalidKeyError } from '../errors.ts';
import { parseCheckpoint } from '../checkpoint/checkpoint.ts';
import { computeKeyId, formatKeyId, SigType } from './key-id.ts';
import { ed25519PublicKey, ed25519Verify } from './ed25519.ts';
import { isValidKeyName } from './name.ts';
import { cosignatureMessage } from '../cosignature/message.ts';

/**
 * A note verifier: checks the signature bytes that follow the 4-byte key ID in a signature line.
 * `verify` returns false (never throws) for any signature that does not check out.
 */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  /** The verifier key string it was parsed from (`name+keyid+base64`). */
  readonly vkey: string;
  verify(msg: Uint8Array, sig: Uint8Array): boolean;
}

function ecdsaPublicKey(spki: Uint8Array) {
  try {
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new InvalidKeyError('invalid DER SPKI public key', { cause });
  }
}

function readU64(b: Uint8Array, off: number): bigint {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).readBigUInt64BE(off);
}

// RFC 6962 §3.5 TreeHeadSignature: version v1 (0), signature_type tree_hash (1).
function treeHeadSignatureInput(timestamp: bigint, size: number, root: Uint8Array): Uint8Array {
  const b = Buffer.alloc(2 + 8 + 8 + 32);
  b[0] = 0;
  b[1] = 1;
  b.writeBigUInt64BE(timestamp, 2);
  b.writeBigUInt64BE(BigInt(size), 10);
  b.set(root, 18);
  return new Uint8Array(b);
}

/**
 * Parses a verifier key `name+keyid+base64(type ‖ material)`, splitting on the first two '+' only
 * (base64 may contain '+'). Accepts types 0x01 Ed25519, 0x02 ECDSA (DER SPKI), 0x04 Ed25519
 * cosignature/v1 and 0x05 RFC 6962 tree-head signatures (DER SPKI). The key ID must recompute from
 * the material. Throws InvalidKeyError otherwise.
 */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const p1 = vkey.indexOf('+');
  const p2 = p1 < 0 ? -1 : vkey.indexOf('+', p1 + 1);
  if (p1 < 0 || p2 < 0) throw new InvalidKeyError('verifier key must be name+keyid+key');
  const name = vkey.slice(0, p1);
  const idHex = vkey.slice(p1 + 1, p2);
  const key = decodeBase64Strict(vkey.slice(p2 + 1));
  if (!isValidKeyName(name)) throw new InvalidKeyError('invalid key name');
  if (!/^[0-9a-fA-F]{8}$/.test(idHex)) throw new InvalidKeyError('key ID must be 8 hex digits');
  if (key === undefined || key.length < 2) throw new InvalidKeyError('key material is not valid base64');
  const type = key[0]!;
  const material = key.subarray(1);
  const keyId = parseInt(idHex, 16);
  if (type !== SigType.Ed25519 && type !== SigType.ECDSA && type !== SigType.CosignatureV1 && type !== SigType.RFC6962TreeHead) {
    throw new InvalidKeyError(`unknown signature type 0x${type.toString(16).padStart(2, '0')}`);
  }
  if (computeKeyId(name, type, material) !== keyId) throw new InvalidKeyError('key ID does not match the key');

  switch (type) {
    case SigType.Ed25519: {
      if (material.length !== 32) throw new InvalidKeyError('Ed25519 key must be 32 bytes');
      const pub = ed25519PublicKey(material);
      return { name, keyId, type, vkey, verify: (msg, sig) => ed25519Verify(pub, msg, sig) };
    }
    case SigType.CosignatureV1: {
      if (material.length !== 32) throw new InvalidKeyError('Ed25519 key must be 32 bytes');
      const pub = ed25519PublicKey(material);
      return {
        name,
        keyId,
        type,
        vkey,
        // Payload after the key ID: u64be timestamp ‖ Ed25519 signature over the cosigned message.
        verify: (msg, sig) => sig.length === 72 && ed25519Verify(pub, cosignatureMessage(readU64(sig, 0), msg), sig.subarray(8)),
      };
    }
    case SigType.ECDSA: {
      const pub = ecdsaPublicKey(material);
      return { name, keyId, type, vkey, verify: (msg, sig) => safeVerify(() => cryptoVerify('sha256', msg, pub, sig)) };
    }
    default: {
      const pub = ecdsaPublicKey(material);
      return {
        name,
        keyId,
        type,
        vkey,
        // Payload: u64be timestamp ‖ TLS DigitallySigned(SHA-256, ECDSA) over the tree head.
        verify: (msg, sig) =>
          safeVerify(() => {
            if (sig.length < 12) return false;
            const ts = readU64(sig, 0);
            if (sig[8] !== 4 || sig[9] !== 3) return false;
            const len = (sig[10]! << 8) | sig[11]!;
            if (sig.length !== 12 + len) return false;
            const cp = parseCheckpoint(new TextDecoder().decode(msg));
            return cryptoVerify('sha256', treeHeadSignatureInput(ts, cp.size, cp.root), pub, sig.subarray(12));
          }),
      };
    }
  }
}

function safeVerify(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

/** Builds a verifier key string for raw material of the given type. */
export function formatVerifierKey(name: string, type: number, material: Uint8Array): string {
  if (!isValidKeyName(name)) throw new InvalidKeyError('invalid key name');
  const id = computeKeyId(name, type, material);
  return `${name}+${formatKeyId(id)}+${encodeBase64(concatBytes(Uint8Array.of(type), material))}`;
}

/** `name+keyid` label used in reports (matches golang.org/x/mod error messages). */
export function keyLabel(v: { name: string; keyId: number }): string {
  return `${v.name}+${formatKeyId(v.keyId)}`;
}
