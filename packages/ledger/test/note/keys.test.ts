import { describe, expect, it } from 'vitest';
import { InvalidKeyError, computeKeyId, formatKeyId, parseSignerKey, parseVerifierKey, signNote, generateSignerKey, openNote } from '../../src/index.ts';
import { fixture } from '../helpers.ts';

interface NoteVectors {
  verifier_keys: { vkey: string; name: string; key_id_hex: string; sig_type: number }[];
  invalid_verifier_keys: ({ vkey: string; reason: string } | { vkey_mutation_rule: string; base_vkey: string })[];
  signer_keys: { skey: string; vkey: string }[];
  sign_vectors: { skey: string; text: string; want_signed_note: string }[];
}
const v = fixture<NoteVectors>('note/signed-note-vectors.json');

describe('verifier keys', () => {
  it.each(v.verifier_keys.map((k) => [k.vkey, k] as const))('parses %s', (_s, k) => {
    const p = parseVerifierKey(k.vkey);
    expect(p.name).toBe(k.name);
    expect(p.type).toBe(k.sig_type);
    expect(formatKeyId(p.keyId)).toBe(k.key_id_hex);
    // The ID recomputes from the key material (after the type byte).
    const material = Buffer.from(k.vkey.split('+').slice(2).join('+'), 'base64').subarray(1);
    expect(formatKeyId(computeKeyId(k.name, k.sig_type, material))).toBe(k.key_id_hex);
  });

  const invalid = v.invalid_verifier_keys.filter((k): k is { vkey: string; reason: string } => 'vkey' in k);
  it.each(invalid.map((k) => [k.reason, k.vkey] as const))('rejects (%s)', (_r, vkey) => {
    expect(() => parseVerifierKey(vkey)).toThrow(InvalidKeyError);
  });

  it('rejects every proper substring and every +1 byte mutation of a valid key', () => {
    const rule = v.invalid_verifier_keys.find((k): k is { vkey_mutation_rule: string; base_vkey: string } => 'base_vkey' in k)!;
    const base = rule.base_vkey;
    expect(() => parseVerifierKey(base)).not.toThrow();
    let checked = 0;
    for (let i = 0; i < base.length; i++) {
      for (let j = i; j <= base.length; j++) {
        if (i === 0 && j === base.length) continue;
        expect(() => parseVerifierKey(base.slice(i, j)), base.slice(i, j)).toThrow();
        checked++;
      }
      const mutated = base.slice(0, i) + String.fromCharCode(base.charCodeAt(i) + 1) + base.slice(i + 1);
      expect(() => parseVerifierKey(mutated), mutated).toThrow();
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('signer keys', () => {
  it.each(v.signer_keys.map((k) => [k.skey.split('+')[2], k] as const))('%s: derives its verifier key', (_n, k) => {
    expect(parseSignerKey(k.skey).vkey).toBe(k.vkey);
  });

  it('rejects a signer key whose ID does not match', () => {
    const k = v.signer_keys[0]!.skey.replace('+c74f20a3+', '+c74f20a4+');
    expect(() => parseSignerKey(k)).toThrow(InvalidKeyError);
  });

  it('generates usable key pairs', () => {
    const k = generateSignerKey('example.org/log');
    const note = signNote('hello\n', parseSignerKey(k.skey));
    expect(openNote(note, [parseVerifierKey(k.vkey)]).text).toBe('hello\n');
  });
});

describe('deterministic signing', () => {
  it.each(v.sign_vectors.map((s, i) => [i, s] as const))('vector %i is reproduced byte for byte', (_i, s) => {
    const signed = signNote(s.text, parseSignerKey(s.skey));
    expect(signed).toBe(s.want_signed_note);
    expect(Buffer.from(signed)).toEqual(Buffer.from(s.want_signed_note));
  });

  it('refuses text without a final newline', () => {
    expect(() => signNote('no newline', parseSignerKey(v.sign_vectors[0]!.skey))).toThrow();
  });
});
