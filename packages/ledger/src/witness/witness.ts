import { bytesEqual, decodeBase64Strict, encodeBase64 } from '../encoding.ts';
import { InvalidSignatureError, LedgerError, MalformedNoteError, UnverifiedNoteError, WitnessRefusalError } from '../errors.ts';
import { parseCheckpoint } from '../checkpoint/checkpoint.ts';
import type { Checkpoint } from '../checkpoint/checkpoint.ts';
import type { Cosigner } from '../cosignature/cosigner.ts';
import { openNote } from '../note/open.ts';
import { parseVerifierKey } from '../note/verifier.ts';
import type { NoteVerifier } from '../note/verifier.ts';
import { verifyConsistencyFromWitness } from '../proof/verify.ts';
import { parseAddCheckpointRequest } from './request.ts';
import type { WitnessStateStore } from './state.ts';

/** A log the witness follows: its origin line and the keys that sign its checkpoints. */
export interface WitnessedLog {
  readonly origin: string;
  readonly keys: readonly (string | NoteVerifier)[];
}

export interface WitnessOptions {
  readonly cosigner: Cosigner;
  readonly logs: readonly WitnessedLog[];
  readonly state: WitnessStateStore;
  /** Seconds since the epoch; injectable for tests. */
  readonly now?: () => number;
}

/**
 * A C2SP tlog-witness: cosigns a checkpoint only if it is signed by the log's key and consistent
 * with the last checkpoint it cosigned for that origin.
 */
export class Witness {
  private readonly logs = new Map<string, NoteVerifier[]>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: WitnessOptions) {
    for (const l of opts.logs) this.logs.set(l.origin, l.keys.map((k) => (typeof k === 'string' ? parseVerifierKey(k) : k)));
  }

  /** The witness's verifier key (type 0x04). */
  get vkey(): string {
    return this.opts.cosigner.vkey;
  }

  /**
   * Handles an add-checkpoint request body. Returns the cosignature line(s) to send with 200, or
   * throws WitnessRefusalError carrying the status the spec mandates: 400 malformed or old size
   * above the checkpoint size; 403 no valid signature from the log's keys; 404 unknown origin;
   * 409 old size differs from the recorded one (`latestSize` set) or same size with another root;
   * 422 consistency proof does not verify.
   */
  async addCheckpoint(body: string): Promise<string> {
    const req = parseAddCheckpointRequest(body);
    const split = req.checkpoint.lastIndexOf('\n\n');
    if (split < 0) throw new WitnessRefusalError(400, 'checkpoint is not a signed note');
    const text = req.checkpoint.slice(0, split + 1);
    let cp: Checkpoint;
    try {
      cp = parseCheckpoint(text);
    } catch (e) {
      throw new WitnessRefusalError(400, `malformed checkpoint: ${(e as Error).message}`);
    }
    const verifiers = this.logs.get(cp.origin);
    if (verifiers === undefined) throw new WitnessRefusalError(404, `unknown log origin ${JSON.stringify(cp.origin)}`);
    try {
      openNote(req.checkpoint, verifiers);
    } catch (e) {
      if (e instanceof UnverifiedNoteError || e instanceof InvalidSignatureError) throw new WitnessRefusalError(403, e.message);
      if (e instanceof MalformedNoteError) throw new WitnessRefusalError(400, e.message);
      throw e;
    }
    if (req.oldSize > cp.size) throw new WitnessRefusalError(400, `old size ${req.oldSize} is above the checkpoint size ${cp.size}`);
    return this.withLock(cp.origin, () => this.advance(cp, text, req.oldSize, req.proof));
  }

  private async advance(cp: Checkpoint, text: string, oldSize: number, proof: Uint8Array[]): Promise<string> {
    const state = await this.opts.state.get(cp.origin);
    const latest = state?.size ?? 0;
    if (oldSize !== latest) throw new WitnessRefusalError(409, `old size ${oldSize} does not match the latest cosigned size ${latest}`, latest);
    const oldRoot = state === undefined ? undefined : decodeBase64Strict(state.root);
    if (oldSize === cp.size && oldSize > 0) {
      if (oldRoot === undefined || !bytesEqual(oldRoot, cp.root)) throw new WitnessRefusalError(409, `checkpoint of size ${cp.size} has a different root than the one cosigned (fork)`, latest);
      if (proof.length !== 0) throw new WitnessRefusalError(422, 'proof must be empty when sizes are equal');
    } else {
      try {
        verifyConsistencyFromWitness(oldSize, cp.size, proof, oldRoot, cp.root);
      } catch (e) {
        if (e instanceof LedgerError) throw new WitnessRefusalError(422, `consistency proof does not verify: ${e.message}`);
        throw e;
      }
    }
    const swapped = await this.opts.state.compareAndSwap(cp.origin, oldSize, { size: cp.size, root: encodeBase64(cp.root) });
    if (!swapped) {
      const now = (await this.opts.state.get(cp.origin))?.size ?? 0;
      throw new WitnessRefusalError(409, `latest cosigned size changed concurrently to ${now}`, now);
    }
    const ts = this.opts.now?.() ?? Math.floor(Date.now() / 1000);
    return this.opts.cosigner.cosignatureLine(text, ts);
  }

  // Serialises requests per origin so the check-then-persist step is atomic within this process.
  private async withLock<T>(origin: string, f: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(origin) ?? Promise.resolve();
    const run = prev.then(f, f);
    const tail = run.catch(() => undefined);
    this.locks.set(origin, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(origin) === tail) this.locks.delete(origin);
    }
  }
}
