import { BLOCKS, blockOf, type Block, type FeatureConfig, type RawFeatures } from './features.ts';

/** A sparse vector: sorted feature indices and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Fitted vocabulary and inverse document frequencies. */
export interface Vocabulary {
  terms: string[];
  idf: Float32Array;
  index: Map<string, number>;
  blockOf: Uint8Array;
}

export function fitVocabulary(docs: readonly RawFeatures[], minDf: number): Vocabulary {
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const terms = [...df.entries()].filter(([, c]) => c >= minDf).map(([k]) => k).sort();
  const n = docs.length;
  const idf = new Float32Array(terms.length);
  terms.forEach((t, i) => {
    // Smoothed idf as in scikit-learn: ln((1+n)/(1+df)) + 1.
    idf[i] = Math.log((1 + n) / (1 + df.get(t)!)) + 1;
  });
  return buildVocabulary(terms, idf);
}

export function buildVocabulary(terms: string[], idf: Float32Array): Vocabulary {
  const index = new Map<string, number>();
  const blocks = new Uint8Array(terms.length);
  terms.forEach((t, i) => {
    index.set(t, i);
    blocks[i] = BLOCKS.indexOf(blockOf(t));
  });
  return { terms, idf, index, blockOf: blocks };
}

export function blockWeights(cfg: FeatureConfig): Record<Block, number> {
  return { sw: cfg.subjectWords, w: cfg.words, sc: cfg.subjectChars, bc: cfg.bodyChars };
}

/** Sublinear tf (1 + ln tf) × idf, L2-normalised per block, times the block weight. */
export function vectorize(raw: RawFeatures, vocab: Vocabulary, weights: Record<Block, number>): SparseVector {
  const ids: number[] = [];
  const vals: number[] = [];
  const norms = new Float64Array(BLOCKS.length);
  for (const [k, tf] of raw) {
    const i = vocab.index.get(k);
    if (i === undefined) continue;
    const v = (1 + Math.log(tf)) * vocab.idf[i]!;
    ids.push(i);
    vals.push(v);
    norms[vocab.blockOf[i]!]! += v * v;
  }
  const scale = BLOCKS.map((b, j) => (norms[j]! > 0 ? weights[b] / Math.sqrt(norms[j]!) : 0));
  const order = ids.map((_, j) => j).sort((a, b) => ids[a]! - ids[b]!);
  const idx = new Int32Array(order.length);
  const val = new Float32Array(order.length);
  order.forEach((j, p) => {
    idx[p] = ids[j]!;
    val[p] = vals[j]! * scale[vocab.blockOf[ids[j]!]!]!;
  });
  return { idx, val };
}
