import { concatBytes, utf8 } from '../encoding.ts';

/**
 * The message an Ed25519 cosignature/v1 (C2SP tlog-cosignature) signs:
 * "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint body.
 * Precondition: `body` is a checkpoint body ending in a newline.
 */
export function cosignatureMessage(timestamp: bigint | number, body: Uint8Array): Uint8Array {
  return concatBytes(utf8.encode(`cosignature/v1\ntime ${BigInt(timestamp).toString()}\n`), body);
}
