import { decodeBase64Strict, encodeBase64 } from '../encoding.ts';
import { WitnessRefusalError } from '../errors.ts';
import { HASH_SIZE } from '../hasher.ts';

/** A parsed tlog-witness add-checkpoint request body. */
export interface AddCheckpointRequest {
  readonly oldSize: number;
  readonly proof: Uint8Array[];
  /** The signed checkpoint note, verbatim. */
  readonly checkpoint: string;
}

/** The spec caps consistency proofs at 63 lines. */
export const MAX_PROOF_LINES = 63;

/**
 * Parses `old <size>\n`, up to 63 base64 hash lines, an empty line, then the signed checkpoint.
 * Throws WitnessRefusalError(400) when malformed.
 */
export function parseAddCheckpointRequest(body: string): AddCheckpointRequest {
  const bad = (why: string) => new WitnessRefusalError(400, `malformed add-checkpoint request: ${why}`);
  let pos = body.indexOf('\n');
  if (pos < 0) throw bad('missing old size line');
  const m = /^old (0|[1-9][0-9]*)$/.exec(body.slice(0, pos));
  if (m === null) throw bad('old size line must be "old <decimal>"');
  const oldSize = Number(m[1]);
  if (!Number.isSafeInteger(oldSize)) throw bad('old size too large');
  const proof: Uint8Array[] = [];
  for (;;) {
    const start = pos + 1;
    pos = body.indexOf('\n', start);
    if (pos < 0) throw bad('missing empty line before the checkpoint');
    const line = body.slice(start, pos);
    if (line === '') break;
    const h = decodeBase64Strict(line);
    if (h === undefined || h.length !== HASH_SIZE) throw bad('proof line is not a base64 SHA-256 hash');
    if (proof.length === MAX_PROOF_LINES) throw bad(`more than ${MAX_PROOF_LINES} proof lines`);
    proof.push(h);
  }
  return { oldSize, proof, checkpoint: body.slice(pos + 1) };
}

/** Formats an add-checkpoint request body. Precondition: `checkpoint` is a signed note. */
export function formatAddCheckpointRequest(req: AddCheckpointRequest): string {
  return `old ${req.oldSize}\n${req.proof.map((h) => encodeBase64(h) + '\n').join('')}\n${req.checkpoint}`;
}
