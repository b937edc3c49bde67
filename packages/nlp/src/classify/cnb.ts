import type { SparseVector } from './vectorizer.ts';
import type { LinearModel } from './svm.ts';

/**
 * Complement naive Bayes (Rennie et al. 2003) on TF-IDF vectors: class k is scored by how badly
 * the text fits the complement of k, w_kj = −log θ̂(¬k, j) (θ̂ smoothed by `alpha`), normalised
 * by the sum of |log θ̂| per class when `norm` (the paper's weight normalisation). Scores are on a
 * small scale; temperature scaling maps them to probabilities.
 */
export function trainComplementNb(
  xs: readonly SparseVector[],
  ys: readonly number[],
  nClasses: number,
  dim: number,
  alpha = 0.3,
  norm = true,
): LinearModel {
  const perClass = Array.from({ length: nClasses }, () => new Float64Array(dim));
  const total = new Float64Array(dim);
  xs.forEach((x, i) => {
    const c = perClass[ys[i]!]!;
    for (let p = 0; p < x.idx.length; p++) {
      c[x.idx[p]!]! += x.val[p]!;
      total[x.idx[p]!]! += x.val[p]!;
    }
  });
  const weights: Float32Array[] = [];
  for (let k = 0; k < nClasses; k++) {
    const c = perClass[k]!;
    let sum = 0;
    for (let j = 0; j < dim; j++) sum += total[j]! - c[j]! + alpha;
    const w = new Float64Array(dim);
    let abs = 0;
    for (let j = 0; j < dim; j++) {
      w[j] = Math.log((total[j]! - c[j]! + alpha) / sum);
      abs += Math.abs(w[j]!);
    }
    const f = norm ? 1 / abs : 1;
    // High complement probability of a feature is evidence against k.
    weights.push(Float32Array.from(w, (v) => -v * f * (norm ? dim : 1)));
  }
  return { weights, bias: new Float32Array(nClasses) };
}
