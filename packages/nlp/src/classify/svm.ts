import type { SparseVector } from './vectorizer.ts';

export interface SvmOptions {
  /** Inverse regularisation strength (liblinear's C). */
  C: number;
  /** Weight C per class by n/(k·n_c) so small classes count as much as large ones. */
  balanced: boolean;
  maxEpochs: number;
  /** Stop when the projected-gradient spread falls below this (liblinear default 0.1). */
  tolerance: number;
  seed: number;
  /**
   * NB-SVM (Wang & Manning 2012): when set, class k is trained on features scaled by the
   * log-count ratio r_k (smoothing alpha = this value); the returned weights are folded
   * (w_k ∘ r_k), so prediction stays a plain dot product.
   */
  nbAlpha?: number;
}

export const DEFAULT_SVM: SvmOptions = { C: 0.5, balanced: true, maxEpochs: 60, tolerance: 0.05, seed: 1 };

/** Linear one-vs-rest model: weights[k] over the features plus bias[k]. */
export interface LinearModel {
  weights: Float32Array[];
  bias: Float32Array;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * One-vs-rest L2-regularised squared-hinge SVM trained by dual coordinate descent
 * (Hsieh et al. 2008, the liblinear default solver). A constant bias feature of 1 is appended.
 */
export function trainSvm(
  xs: readonly SparseVector[],
  ys: readonly number[],
  nClasses: number,
  dim: number,
  opts: SvmOptions = DEFAULT_SVM,
  onProgress?: (cls: number, epochs: number) => void,
): LinearModel {
  const n = xs.length;
  const counts = new Array<number>(nClasses).fill(0);
  for (const y of ys) counts[y]!++;
  const weights: Float32Array[] = [];
  const bias = new Float32Array(nClasses);
  const rand = rng(opts.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  // Per-row C, weighted by the row's true class as scikit-learn's class_weight='balanced'.
  const diagOf = Float64Array.from(ys, (y) => 0.5 / (opts.balanced ? (opts.C * n) / (nClasses * Math.max(1, counts[y]!)) : opts.C));
  for (let k = 0; k < nClasses; k++) {
    const r = opts.nbAlpha !== undefined ? logCountRatio(xs, ys, k, dim, opts.nbAlpha) : undefined;
    const xk = r ? xs.map((x) => ({ idx: x.idx, val: Float32Array.from(x.val, (v, p) => v * r[x.idx[p]!]!) })) : xs;
    const sqNorm = xk.map((x) => {
      let s = 1; // bias feature
      for (const v of x.val) s += v * v;
      return s;
    });
    const w = new Float64Array(dim);
    let b = 0;
    const alpha = new Float64Array(n);
    let epoch = 0;
    for (; epoch < opts.maxEpochs; epoch++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      let maxPG = -Infinity;
      let minPG = Infinity;
      for (const i of order) {
        const x = xk[i]!;
        const y = ys[i] === k ? 1 : -1;
        const diag = diagOf[i]!;
        let dot = b;
        for (let p = 0; p < x.idx.length; p++) dot += w[x.idx[p]!]! * x.val[p]!;
        const a = alpha[i]!;
        const G = y * dot - 1 + diag * a;
        const PG = a === 0 ? Math.min(G, 0) : G;
        if (PG > maxPG) maxPG = PG;
        if (PG < minPG) minPG = PG;
        if (Math.abs(PG) > 1e-12) {
          const na = Math.max(a - G / (sqNorm[i]! + diag), 0);
          const d = (na - a) * y;
          alpha[i] = na;
          for (let p = 0; p < x.idx.length; p++) w[x.idx[p]!]! += d * x.val[p]!;
          b += d;
        }
      }
      if (maxPG - minPG < opts.tolerance) break;
    }
    onProgress?.(k, epoch);
    if (r) for (let j = 0; j < dim; j++) w[j]! *= r[j]!;
    weights.push(Float32Array.from(w));
    bias[k] = b;
  }
  return { weights, bias };
}

function logCountRatio(xs: readonly SparseVector[], ys: readonly number[], k: number, dim: number, alpha: number): Float64Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  xs.forEach((x, i) => {
    const t = ys[i] === k ? p : q;
    for (let j = 0; j < x.idx.length; j++) t[x.idx[j]!]! += x.val[j]!;
  });
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < dim; j++) {
    sp += p[j]!;
    sq += q[j]!;
  }
  const r = new Float64Array(dim);
  for (let j = 0; j < dim; j++) r[j] = Math.log(p[j]! / sp / (q[j]! / sq));
  return r;
}

/** Decision values (one per class) of a sparse vector. */
export function decision(model: LinearModel, x: SparseVector): Float64Array {
  const out = new Float64Array(model.weights.length);
  for (let k = 0; k < out.length; k++) {
    const w = model.weights[k]!;
    let s = model.bias[k]!;
    for (let p = 0; p < x.idx.length; p++) s += w[x.idx[p]!]! * x.val[p]!;
    out[k] = s;
  }
  return out;
}
