export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  labels: string[];
  /** confusion[i][j]: rows with true label i predicted as j. */
  confusion: number[][];
  /** Expected calibration error over 10 confidence bins (when confidences are given). */
  ece?: number;
}

const r4 = (x: number): number => Math.round(x * 10000) / 10000;

export function evaluate(
  truth: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
  confidences?: readonly number[],
): EvaluationReport {
  const li = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  truth.forEach((t, i) => {
    const a = li.get(t);
    const b = li.get(predicted[i]!);
    if (t === predicted[i]) correct++;
    if (a !== undefined && b !== undefined) confusion[a]![b]!++;
  });
  const perClass = labels.map((label, i) => {
    const tp = confusion[i]![i]!;
    const support = confusion[i]!.reduce((s, v) => s + v, 0);
    const predictedN = confusion.reduce((s, row) => s + row[i]!, 0);
    const precision = predictedN ? tp / predictedN : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision: r4(precision), recall: r4(recall), f1: r4(f1), support };
  });
  const present = perClass.filter((c) => c.support > 0);
  const macroF1 = present.reduce((s, c) => s + c.f1, 0) / Math.max(1, present.length);
  const report: EvaluationReport = {
    n: truth.length,
    accuracy: r4(truth.length ? correct / truth.length : 0),
    macroF1: r4(macroF1),
    perClass,
    labels: [...labels],
    confusion,
  };
  if (confidences) report.ece = r4(expectedCalibrationError(truth, predicted, confidences));
  return report;
}

export function expectedCalibrationError(
  truth: readonly string[],
  predicted: readonly string[],
  conf: readonly number[],
  bins = 10,
): number {
  const sumC = new Float64Array(bins);
  const sumA = new Float64Array(bins);
  const cnt = new Float64Array(bins);
  conf.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    sumC[b]! += c;
    sumA[b]! += truth[i] === predicted[i] ? 1 : 0;
    cnt[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (cnt[b]) ece += (cnt[b]! / conf.length) * Math.abs(sumA[b]! / cnt[b]! - sumC[b]! / cnt[b]!);
  return ece;
}

/** Plain-text report: per-class P/R/F1, confusion matrix, accuracy. */
export function formatReport(r: EvaluationReport): string {
  // CJK characters take two columns in a terminal.
  const width = (s: string): number => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x7f ? 2 : 1), 0);
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(1, n - width(s)));
  const lines = [`${pad('label', 16)}precision  recall  f1      support`];
  for (const c of r.perClass) {
    lines.push(`${pad(c.label, 16)}${c.precision.toFixed(4)}     ${c.recall.toFixed(4)}  ${c.f1.toFixed(4)}  ${c.support}`);
  }
  lines.push('', 'confusion matrix (rows = true, columns = predicted, in label order above):');
  r.labels.forEach((l, i) => lines.push(`${pad(l, 16)}${r.confusion[i]!.map((v) => String(v).padStart(5)).join('')}`));
  lines.push('', `accuracy ${r.accuracy.toFixed(4)}  macro-F1 ${r.macroF1.toFixed(4)}  n ${r.n}${r.ece !== undefined ? `  ECE ${r.ece.toFixed(4)}` : ''}`);
  return lines.join('\n');
}
