import { describe, expect, it } from 'vitest';
import { InvalidSignatureError, MalformedNoteError, UnverifiedNoteError, keyLabel, openNote, parseCheckpoint, parseVerifierKey, encodeBase64 } from '../../src/index.ts';
import { fixture } from '../helpers.ts';

interface NoteCase {
  id: string;
  desc: string;
  signed_note_b64: string;
  signed_note_text: string | null;
  verifier_keys: string[];
  expect: {
    ok: boolean;
    error?: string;
    text?: string;
    verified?: string[];
    unverified?: string[];
    unverified_sigs_b64?: string[];
    checkpoint?: { origin: string; size: number; root_b64: string };
  };
}
const cases = fixture<{ notes: NoteCase[] }>('note/signed-note-vectors.json').notes;

const errorClass = { 'malformed note': MalformedNoteError, 'note has no verifiable signatures': UnverifiedNoteError } as const;

describe('signed-note opening', () => {
  it('covers all 16 cases', () => expect(cases).toHaveLength(16));

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const bytes = new Uint8Array(Buffer.from(c.signed_note_b64, 'base64'));
    if (c.signed_note_text !== null) expect(Buffer.from(c.signed_note_text)).toEqual(Buffer.from(bytes));
    const keys = c.verifier_keys.map(parseVerifierKey);
    if (!c.expect.ok) {
      let err: unknown;
      try {
        openNote(bytes, keys);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toBe(c.expect.error);
      const cls = c.expect.error!.startsWith('invalid signature for key') ? InvalidSignatureError : errorClass[c.expect.error as keyof typeof errorClass];
      expect(err).toBeInstanceOf(cls);
      return;
    }
    const n = openNote(bytes, keys);
    if (c.expect.text !== undefined) expect(n.text).toBe(c.expect.text);
    expect(n.sigs.map(keyLabel)).toEqual(c.expect.verified);
    if (c.expect.unverified !== undefined) expect(n.unverifiedSigs.map(keyLabel)).toEqual(c.expect.unverified);
    if (c.expect.unverified_sigs_b64 !== undefined) {
      expect(n.unverifiedSigs.map((s) => s.base64)).toEqual(c.expect.unverified_sigs_b64);
    }
    if (c.expect.checkpoint !== undefined) {
      const cp = parseCheckpoint(n.text);
      expect(cp.origin).toBe(c.expect.checkpoint.origin);
      expect(cp.size).toBe(c.expect.checkpoint.size);
      expect(encodeBase64(cp.root)).toBe(c.expect.checkpoint.root_b64);
    }
  });

  it('same bytes given as a string behave the same', () => {
    const ok = cases.find((c) => c.id === 'c2sp-signed-note-example')!;
    expect(openNote(ok.signed_note_text!, ok.verifier_keys.map(parseVerifierKey)).text).toBe('This is an example message.\n');
  });
});
