/**
 * Named error classes. Callers branch on `instanceof` (or on `code`, which survives
 * serialisation across process boundaries such as the CLI's JSON output).
 */
export class LedgerError extends Error {
  readonly code: string = 'LEDGER_ERROR';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Arguments violate a documented precondition (negative size, index beyond size, …). */
export class InvalidArgumentError extends LedgerError {
  override readonly code = 'INVALID_ARGUMENT';
}

/** A proof has the wrong number of elements or malformed hashes. */
export class ProofShapeError extends LedgerError {
  override readonly code = 'PROOF_SHAPE';
}

/** A recomputed root differs from the expected one. */
export class RootMismatchError extends LedgerError {
  override readonly code = 'ROOT_MISMATCH';
  constructor(
    message: string,
    readonly expected?: Uint8Array,
    readonly calculated?: Uint8Array,
  ) {
    super(message);
  }
}

/** A verifier or signer key string is not acceptable. */
export class InvalidKeyError extends LedgerError {
  override readonly code = 'INVALID_KEY';
}

/** The note bytes do not follow the C2SP signed-note grammar. Message matches golang.org/x/mod. */
export class MalformedNoteError extends LedgerError {
  override readonly code = 'MALFORMED_NOTE';
  constructor(message = 'malformed note') {
    super(message);
  }
}

/** None of the note's signatures come from a known key. Message matches golang.org/x/mod. */
export class UnverifiedNoteError extends LedgerError {
  override readonly code = 'UNVERIFIED_NOTE';
  constructor() {
    super('note has no verifiable signatures');
  }
}

/** A signature from a known key does not verify. Message matches golang.org/x/mod. */
export class InvalidSignatureError extends LedgerError {
  override readonly code = 'INVALID_SIGNATURE';
  constructor(
    readonly keyName: string,
    readonly keyId: number,
  ) {
    super(`invalid signature for key ${keyName}+${keyId.toString(16).padStart(8, '0')}`);
  }
}

/** A configured key produced no signature on the note although it was required to. */
export class MissingSignatureError extends LedgerError {
  override readonly code = 'MISSING_SIGNATURE';
}

/** A checkpoint body does not follow C2SP tlog-checkpoint (strict, SHA-256 log). */
export class MalformedCheckpointError extends LedgerError {
  override readonly code = 'MALFORMED_CHECKPOINT';
}

/** A tile path, tile or entry bundle is malformed or inconsistent with its neighbours. */
export class TileError extends LedgerError {
  override readonly code = 'TILE_INVALID';
}

/** A tile or checkpoint required for verification could not be read. */
export class TileMissingError extends LedgerError {
  override readonly code = 'TILE_MISSING';
}

/** The store already holds leaves at the index an append expected to write (concurrent writer). */
export class AppendConflictError extends LedgerError {
  override readonly code = 'APPEND_CONFLICT';
}

/** The store lacks a hash it should hold for the requested tree size. */
export class StoreInconsistencyError extends LedgerError {
  override readonly code = 'STORE_INCONSISTENT';
}

/** A tlog-witness add-checkpoint request is refused; `status` is the HTTP status the spec mandates. */
export class WitnessRefusalError extends LedgerError {
  override readonly code = 'WITNESS_REFUSED';
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    message: string,
    /** For 409 on an old-size mismatch: the size of the latest cosigned checkpoint. */
    readonly latestSize?: number,
  ) {
    super(message);
  }
}
