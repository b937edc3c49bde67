/** Softmax of scores / temperature. */
export function softmax(scores: ArrayLike<number>, temperature = 1): number[] {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]! / temperature);
  const e: number[] = [];
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const v = Math.exp(scores[i]! / temperature - max);
    e.push(v);
    sum += v;
  }
  return e.map((v) => v / sum);
}

function nll(scores: readonly ArrayLike<number>[], ys: readonly number[], t: number): number {
  let s = 0;
  scores.forEach((sc, i) => {
    const p = softmax(sc, t)[ys[i]!]!;
    s -= Math.log(Math.max(p, 1e-12));
  });
  return s / Math.max(1, scores.length);
}

/**
 * Temperature scaling (Guo et al. 2017): the single T that minimises the negative log-likelihood
 * of softmax(scores / T) on held-out (out-of-fold) scores. Golden-section search over log T.
 */
export function fitTemperature(scores: readonly ArrayLike<number>[], ys: readonly number[]): number {
  let lo = Math.log(0.01);
  let hi = Math.log(10);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(scores, ys, Math.exp(a));
  let fb = nll(scores, ys, Math.exp(b));
  for (let it = 0; it < 60; it++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(scores, ys, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(scores, ys, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
