import { describe, expect, it } from 'vitest';
import { MalformedCheckpointError, encodeBase64, formatCheckpoint, parseCheckpoint } from '../src/index.ts';
import { fixture } from './helpers.ts';

interface CheckpointVector {
  text: string;
  c2sp_strict_ok: boolean;
  origin?: string;
  size?: number;
  root_b64?: string;
  rest?: string;
  why: string;
}
const vectors = fixture<{ vectors: CheckpointVector[] }>('checkpoint/checkpoint-vectors.json').vectors;

describe('checkpoint bodies (strict C2SP parser)', () => {
  it('covers all 16 vectors', () => expect(vectors).toHaveLength(16));

  it.each(vectors.map((v, i) => [i, v.why, v] as const))('vector %i: %s', (_i, _why, v) => {
    if (!v.c2sp_strict_ok) {
      expect(() => parseCheckpoint(v.text)).toThrow(MalformedCheckpointError);
      return;
    }
    const cp = parseCheckpoint(v.text);
    if (v.origin !== undefined) expect(cp.origin).toBe(v.origin);
    if (v.size !== undefined) expect(cp.size).toBe(v.size);
    if (v.root_b64 !== undefined) expect(encodeBase64(cp.root)).toBe(v.root_b64);
    expect(formatCheckpoint(cp)).toBe(v.text);
  });

  it('keeps extension lines and rejects leading zeros', () => {
    const root = encodeBase64(new Uint8Array(32).fill(7));
    const cp = parseCheckpoint(`o\n5\n${root}\next one\nanother\n`);
    expect(cp.extensions).toEqual(['ext one', 'another']);
    expect(formatCheckpoint(cp)).toBe(`o\n5\n${root}\next one\nanother\n`);
    expect(() => parseCheckpoint(`o\n05\n${root}\n`)).toThrow(/leading zeros/);
    expect(parseCheckpoint(`o\n0\n${root}\n`).size).toBe(0);
  });
});
