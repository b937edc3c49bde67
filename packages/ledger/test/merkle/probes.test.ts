import { describe, expect, it } from 'vitest';
import { verifyConsistency, verifyInclusion } from '../../src/index.ts';
import { b64, fixtureTree } from '../helpers.ts';

interface InclusionProbe {
  leafIdx: number;
  treeSize: number;
  root: string | null;
  leafHash: string | null;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}
interface ConsistencyProbe {
  size1: number;
  size2: number;
  root1: string | null;
  root2: string | null;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

function outcome(f: () => void): { ok: boolean; error?: string } {
  try {
    f();
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).name };
  }
}

const inclusion = fixtureTree<InclusionProbe>('merkle/transparency-dev-testdata/inclusion');
const consistency = fixtureTree<ConsistencyProbe>('merkle/transparency-dev-testdata/consistency');

describe('transparency-dev inclusion probes', () => {
  it('has all 98 probes (6 valid)', () => {
    expect(inclusion).toHaveLength(98);
    expect(inclusion.filter(([, p]) => !p.wantErr)).toHaveLength(6);
  });
  it.each(inclusion)('%s', (_name, p) => {
    const r = outcome(() => verifyInclusion(p.leafIdx, p.treeSize, b64(p.leafHash), (p.proof ?? []).map(b64), b64(p.root)));
    expect(r.ok).toBe(!p.wantErr);
  });
});

describe('transparency-dev consistency probes', () => {
  it('has all 98 probes (6 valid)', () => {
    expect(consistency).toHaveLength(98);
    expect(consistency.filter(([, p]) => !p.wantErr)).toHaveLength(6);
  });
  it.each(consistency)('%s', (_name, p) => {
    const r = outcome(() => verifyConsistency(p.size1, p.size2, (p.proof ?? []).map(b64), b64(p.root1), b64(p.root2)));
    expect(r.ok).toBe(!p.wantErr);
  });
});
