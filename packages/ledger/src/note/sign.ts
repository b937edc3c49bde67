import { concatBytes, encodeBase64, utf8 } from '../encoding.ts';
import { MalformedNoteError } from '../errors.ts';
import type { NoteSigner } from './signer.ts';

/** Checks the C2SP note text rules: UTF-8, no control characters but '\n', ends in '\n'. */
export function assertValidNoteText(text: string): void {
  if (!text.endsWith('\n')) throw new MalformedNoteError('malformed note: text must end in a newline');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]|\p{Cs}/u.test(text)) throw new MalformedNoteError('malformed note: control character or invalid UTF-8 in text');
}

/** One signature line: "— <name> base64(keyid ‖ signature)\n". */
export function signatureLine(name: string, keyId: number, sig: Uint8Array): string {
  const id = Uint8Array.of(keyId >>> 24, (keyId >>> 16) & 0xff, (keyId >>> 8) & 0xff, keyId & 0xff);
  return `\u2014 ${name} ${encodeBase64(concatBytes(id, sig))}\n`;
}

/**
 * Signs `text` with each signer and returns the signed note (text, blank line, signature lines).
 * Precondition: `text` is valid note text (see `assertValidNoteText`); at least one signer.
 */
export function signNote(text: string, ...signers: NoteSigner[]): string {
  assertValidNoteText(text);
  if (signers.length === 0) throw new MalformedNoteError('malformed note: no signers');
  const msg = utf8.encode(text);
  return text + '\n' + signers.map((s) => signatureLine(s.name, s.keyId, s.sign(msg))).join('');
}
