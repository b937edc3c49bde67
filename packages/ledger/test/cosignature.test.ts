import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cosignatureMessage, cosignerFromSeed, openNote, parseVerifierKey, signNote, parseSignerKey, keyLabel } from '../src/index.ts';
import { fixture } from './helpers.ts';

interface CosigVector {
  vkey: string;
  timestamp: number;
  signed_message: string;
  ed25519_seed_derivation: string;
}
const cosigs = fixture<{ cosignatures: CosigVector[] }>('note/signed-note-vectors.json').cosignatures;
const example = fixture<{ cosignature_message_example: { text: string } }>('checkpoint/checkpoint-vectors.json').cosignature_message_example;

function seedOf(v: CosigVector): Uint8Array {
  const phrase = /SHA-256\(ASCII '([^']+)'\)/.exec(v.ed25519_seed_derivation)![1]!;
  return new Uint8Array(createHash('sha256').update(phrase).digest());
}

describe('cosignature/v1', () => {
  it('message layout matches the C2SP example', () => {
    const body = example.text.split('\n').slice(2).join('\n');
    expect(Buffer.from(cosignatureMessage(1679315147, new TextEncoder().encode(body))).toString()).toBe(example.text);
  });

  it.each(cosigs.map((c) => [c.vkey.split('+')[0], c] as const))('%s: key derives from the published seed, signs and verifies', (_n, c) => {
    const name = c.vkey.split('+')[0]!;
    const cosigner = cosignerFromSeed(name, seedOf(c));
    expect(cosigner.vkey).toBe(c.vkey);
    const body = c.signed_message.split('\n').slice(2).join('\n');
    expect(Buffer.from(cosignatureMessage(c.timestamp, new TextEncoder().encode(body))).toString()).toBe(c.signed_message);

    const payload = cosigner.cosign(body, c.timestamp);
    expect(payload).toHaveLength(72);
    expect(Buffer.from(payload.subarray(0, 8)).readBigUInt64BE()).toBe(BigInt(c.timestamp));
    const verifier = parseVerifierKey(c.vkey);
    expect(verifier.verify(new TextEncoder().encode(body), payload)).toBe(true);
    // Deterministic: the same inputs give the same bytes.
    expect(cosigner.cosign(body, c.timestamp)).toEqual(payload);
    // A different timestamp or body does not verify with this payload.
    const tampered = payload.slice();
    tampered[7] = tampered[7]! ^ 1;
    expect(verifier.verify(new TextEncoder().encode(body), tampered)).toBe(false);
    expect(verifier.verify(new TextEncoder().encode(body.replace('300', '301')), payload)).toBe(false);
  });

  it('a cosignature line appended to a log-signed checkpoint opens with the cosigner key', () => {
    const log = parseSignerKey('PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg');
    const body = `example.com/log/testdata\n3\n${Buffer.alloc(32, 1).toString('base64')}\n`;
    const witness = cosignerFromSeed('witness.example', new Uint8Array(32).fill(9));
    const note = signNote(body, log) + witness.cosignatureLine(body, 1767139200);
    const opened = openNote(note, [parseVerifierKey(witness.vkey)]);
    expect(opened.sigs.map(keyLabel)).toEqual([keyLabel(parseVerifierKey(witness.vkey))]);
    expect(openNote(note, [parseVerifierKey(log.vkey), parseVerifierKey(witness.vkey)]).sigs).toHaveLength(2);
  });
});
