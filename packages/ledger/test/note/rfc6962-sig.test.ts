import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidSignatureError, SigType, formatCheckpoint, formatVerifierKey, openNote, parseVerifierKey, signatureLine } from '../../src/index.ts';

// No published vector carries a verifiable type-0x05 signature, so this builds one the way a
// static-ct-api log does: an RFC 6962 TreeHeadSignature wrapped in a TLS DigitallySigned struct.
function treeHeadNote(name: string, body: string, size: number, root: Uint8Array, timestamp: bigint, tamper = false) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
  const vkey = formatVerifierKey(name, SigType.RFC6962TreeHead, spki);
  const input = Buffer.alloc(50);
  input[1] = 1;
  input.writeBigUInt64BE(timestamp, 2);
  input.writeBigUInt64BE(BigInt(size + (tamper ? 1 : 0)), 10);
  Buffer.from(root).copy(input, 18);
  const der = sign('sha256', input, privateKey);
  const payload = Buffer.alloc(12 + der.length);
  payload.writeBigUInt64BE(timestamp, 0);
  payload[8] = 4;
  payload[9] = 3;
  payload.writeUInt16BE(der.length, 10);
  der.copy(payload, 12);
  const v = parseVerifierKey(vkey);
  return { vkey, note: body + '\n' + signatureLine(name, v.keyId, payload) };
}

describe('type 0x05 RFC 6962 tree-head signatures', () => {
  const root = new Uint8Array(32).fill(0x42);
  const body = formatCheckpoint({ origin: 'ct.example/log', size: 1234, root, extensions: [] });

  it('verifies a tree-head signature over the checkpoint size and root', () => {
    const { vkey, note } = treeHeadNote('ct.example/log', body, 1234, root, 1767139200000n);
    expect(openNote(note, [parseVerifierKey(vkey)]).sigs).toHaveLength(1);
  });

  it('rejects one made over another tree size', () => {
    const { vkey, note } = treeHeadNote('ct.example/log', body, 1234, root, 1767139200000n, true);
    expect(() => openNote(note, [parseVerifierKey(vkey)])).toThrow(InvalidSignatureError);
  });
});
