import { decodeBase64Strict, encodeBase64 } from '../encoding.ts';
import { MalformedCheckpointError } from '../errors.ts';
import { HASH_SIZE } from '../hasher.ts';

/** A C2SP tlog-checkpoint body for a SHA-256 (RFC 6962) log. */
export interface Checkpoint {
  readonly origin: string;
  /** Tree size. Limited to 2^53-1 (see `parseCheckpoint`). */
  readonly size: number;
  /** 32-byte RFC 6962 root hash. */
  readonly root: Uint8Array;
  /** Optional extension lines, each non-empty and without the trailing newline. */
  readonly extensions: readonly string[];
}

const UINT64_MAX = (1n << 64n) - 1n;

/**
 * Strictly parses a checkpoint body (the note text, without signatures): origin line (non-empty),
 * tree size in ASCII decimal without leading zeros, standard base64 of a 32-byte root, then zero or
 * more non-empty extension lines; every line ends in '\n'. Sizes above 2^53-1 are valid uint64
 * but unsupported here and rejected. Throws MalformedCheckpointError with the reason.
 */
export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) throw new MalformedCheckpointError('checkpoint must end with a newline');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new MalformedCheckpointError('checkpoint needs origin, size and root lines');
  const [origin, sizeLine, rootLine, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === '') throw new MalformedCheckpointError('empty origin line');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine)) throw new MalformedCheckpointError('tree size must be decimal without leading zeros');
  const big = BigInt(sizeLine);
  if (big > UINT64_MAX) throw new MalformedCheckpointError('tree size overflows uint64');
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedCheckpointError('tree size above 2^53-1 is not supported');
  const root = decodeBase64Strict(rootLine);
  if (root === undefined) throw new MalformedCheckpointError('root hash is not standard base64');
  if (root.length !== HASH_SIZE) throw new MalformedCheckpointError(`root hash has ${root.length} bytes, want ${HASH_SIZE}`);
  if (extensions.some((l) => l === '')) throw new MalformedCheckpointError('extension lines must be non-empty');
  return { origin, size: Number(big), root, extensions };
}

/**
 * Formats a checkpoint body. Preconditions: origin non-empty without '\n'; size a safe
 * non-negative integer; root 32 bytes; extension lines non-empty without '\n'.
 */
export function formatCheckpoint(cp: Checkpoint): string {
  if (cp.origin === '' || cp.origin.includes('\n')) throw new MalformedCheckpointError('invalid origin');
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new MalformedCheckpointError('invalid size');
  if (cp.root.length !== HASH_SIZE) throw new MalformedCheckpointError('root must be 32 bytes');
  for (const e of cp.extensions) if (e === '' || e.includes('\n')) throw new MalformedCheckpointError('invalid extension line');
  return `${cp.origin}\n${cp.size}\n${encodeBase64(cp.root)}\n${cp.extensions.map((e) => e + '\n').join('')}`;
}
