import { utf8 } from '../encoding.ts';
import { InvalidSignatureError, MalformedNoteError, UnverifiedNoteError } from '../errors.ts';
import type { NoteVerifier } from './verifier.ts';
import { isValidKeyName } from './name.ts';

/** A signature as it appears on a note. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** base64 of key ID ‖ signature bytes, as on the line. */
  readonly base64: string;
}

/** An opened note: its text and which signatures verified. */
export interface OpenedNote {
  readonly text: string;
  /** Signatures from known keys; all of them verified. */
  readonly sigs: NoteSignature[];
  /** Signatures from unknown keys (not checked), de-duplicated. */
  readonly unverifiedSigs: NoteSignature[];
}

/** golang.org/x/mod's cap; C2SP asks verifiers to accept at least 16. */
export const MAX_NOTE_SIGNATURES = 100;

const PERMISSIVE_B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Opens a signed note (C2SP signed-note, golang.org/x/mod/sumdb/note.Open semantics):
 * rejects malformed notes (MalformedNoteError), any signature from a known key that does not verify
 * (InvalidSignatureError), and notes with no signature from a known key (UnverifiedNoteError).
 * Signatures from unknown keys are kept as unverified; repeated lines are de-duplicated.
 * Precondition: `known` verifiers have distinct (name, keyId).
 */
export function openNote(msg: Uint8Array | string, known: readonly NoteVerifier[]): OpenedNote {
  let s: string;
  if (typeof msg === 'string') {
    s = msg;
  } else {
    try {
      s = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(msg);
    } catch {
      throw new MalformedNoteError();
    }
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]|\p{Cs}/u.test(s)) throw new MalformedNoteError();

  const split = s.lastIndexOf('\n\n');
  if (split < 0) throw new MalformedNoteError();
  const text = s.slice(0, split + 1);
  let sigs = s.slice(split + 2);
  if (sigs.length === 0 || !sigs.endsWith('\n')) throw new MalformedNoteError();

  const textBytes = utf8.encode(text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  const seenUnverified = new Set<string>();
  let count = 0;
  while (sigs.length > 0) {
    const nl = sigs.indexOf('\n');
    let line = sigs.slice(0, nl);
    sigs = sigs.slice(nl + 1);
    if (!line.startsWith('\u2014 ')) throw new MalformedNoteError();
    line = line.slice(2);
    const sp = line.indexOf(' ');
    const name = sp < 0 ? line : line.slice(0, sp);
    const b64 = sp < 0 ? '' : line.slice(sp + 1);
    if (!isValidKeyName(name) || b64 === '' || !PERMISSIVE_B64.test(b64)) throw new MalformedNoteError();
    const raw = Buffer.from(b64, 'base64');
    if (raw.length < 5) throw new MalformedNoteError();
    if (++count > MAX_NOTE_SIGNATURES) throw new MalformedNoteError();
    const keyId = raw.readUInt32BE(0);
    const sig: NoteSignature = { name, keyId, base64: b64 };
    const v = known.find((k) => k.name === name && k.keyId === keyId);
    if (v === undefined) {
      if (!seenUnverified.has(line)) {
        seenUnverified.add(line);
        unverified.push(sig);
      }
      continue;
    }
    const id = `${name}+${keyId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (!v.verify(textBytes, new Uint8Array(raw.subarray(4)))) throw new InvalidSignatureError(name, keyId);
    verified.push(sig);
  }
  if (verified.length === 0) throw new UnverifiedNoteError();
  return { text, sigs: verified, unverifiedSigs: unverified };
}
