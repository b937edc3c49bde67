import { concatBytes, utf8 } from '../encoding.ts';
import { sha256Bytes } from '../hasher.ts';

/** Signature types of C2SP signed-note. */
export const SigType = {
  Ed25519: 0x01,
  ECDSA: 0x02,
  CosignatureV1: 0x04,
  RFC6962TreeHead: 0x05,
} as const;
export type SigTypeValue = (typeof SigType)[keyof typeof SigType];

function first4(h: Uint8Array): number {
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

/**
 * Key ID of a signer: types 0x01 and 0x04 use SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4];
 * 0x02 (ECDSA) uses SHA-256(DER SPKI)[:4]; 0x05 (static-ct-api) uses
 * SHA-256(name ‖ 0x0A ‖ 0x05 ‖ SHA-256(DER SPKI))[:4].
 * Precondition: `material` is the key material after the type byte (raw Ed25519 key or DER SPKI).
 */
export function computeKeyId(name: string, type: number, material: Uint8Array): number {
  switch (type) {
    case SigType.ECDSA:
      return first4(sha256Bytes(material));
    case SigType.RFC6962TreeHead:
      return first4(sha256Bytes(concatBytes(utf8.encode(name), Uint8Array.of(0x0a, type), sha256Bytes(material))));
    default:
      return first4(sha256Bytes(concatBytes(utf8.encode(name), Uint8Array.of(0x0a, type), material)));
  }
}

/** Eight lower-case hex digits, as key IDs appear in key strings. */
export function formatKeyId(id: number): string {
  return id.toString(16).padStart(8, '0');
}
