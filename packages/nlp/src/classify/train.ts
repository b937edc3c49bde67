import { createHash } from 'node:crypto';
import { getSegmenter, type Segmenter } from '../segment/segmenter.ts';
import { bodyOf, type LabelledMessage } from '../data/messages.ts';
import { duplicateGroups } from '../dedupe/groups.ts';
import { DEFAULT_FEATURES, rawFeatures, type FeatureConfig, type RawFeatures } from './features.ts';
import { blockWeights, fitVocabulary, vectorize } from './vectorizer.ts';
import { DEFAULT_SVM, decision, trainSvm, type SvmOptions } from './svm.ts';
import { fitTemperature, softmax } from './calibrate.ts';
import { evaluate, type EvaluationReport } from './metrics.ts';
import { groupFolds } from './split.ts';
import { encodeFloat32, quantize, type ClassifierModelFile, type TrainingMetadata, type TrainingSource, MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model.ts';
import { TextClassifier } from './classifier.ts';

/** Settings chosen on an inner validation split of the training part (scripts/tune.ts). */
export const DEFAULT_TRAIN_SVM: SvmOptions = { ...DEFAULT_SVM, C: 0.5, nbAlpha: 0.01 };
/**
 * Further ensemble members (scripts/ensemble-tune.ts, out-of-fold on the training part): the same SVM without NB
 * scaling. Alone each scores about the same; their averaged calibrated probabilities do better (NB scaling favours
 * class-specific rare terms, the plain SVM spreads weight over shared ones). Complement NB and more C values did not add.
 */
export const DEFAULT_ENSEMBLE: SvmOptions[] = [{ ...DEFAULT_SVM, C: 0.5 }];
export const DEFAULT_TRAIN_FEATURES: FeatureConfig = { ...DEFAULT_FEATURES, bodyChars: 1 };

export interface TrainOptions {
  features?: Partial<FeatureConfig>;
  svm?: Partial<SvmOptions>;
  /** Further members over the same features (default DEFAULT_ENSEMBLE; [] trains the single NB-SVM). */
  ensemble?: SvmOptions[];
  /** Folds for out-of-fold scores used by temperature calibration (default 4; 0 skips, T = 1). */
  calibrationFolds?: number;
  /** Fixed review threshold; default: the lowest confidence at which out-of-fold accuracy of the
   * accepted rows reaches `targetAcceptedAccuracy`. */
  reviewThreshold?: number;
  targetAcceptedAccuracy?: number;
  /** Use seg_text as the body when body is null (default true). */
  useSegText?: boolean;
  /** Where the rows came from (recorded in the model). */
  sources?: TrainingSource[];
  split?: TrainingMetadata['split'];
  /** Rows never used for fitting; their metrics are recorded as held-out figures. */
  heldOut?: LabelledMessage[];
  segmenter?: Segmenter;
  onProgress?: (message: string) => void;
  /** Model version label (default clf-<date>-<hash of weights>). */
  version?: string;
}

export interface TrainResult {
  model: ClassifierModelFile;
  classifier: TextClassifier;
  heldOut: EvaluationReport | undefined;
}

function rowsHash(rows: readonly LabelledMessage[]): string {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.label}\u0000${r.subject}\u0000${r.body ?? ''}\n`);
  return h.digest('hex');
}

function fit(raws: readonly RawFeatures[], ys: readonly number[], K: number, f: FeatureConfig, svms: readonly SvmOptions[]) {
  const vocab = fitVocabulary(raws, f.minDf);
  const bw = blockWeights(f);
  const xs = raws.map((r) => vectorize(r, vocab, bw));
  const lins = svms.map((o) => trainSvm(xs, ys, K, vocab.terms.length, o));
  return { vocab, bw, lins };
}

/** The ensemble's probabilities: the mean of each member's softmax(scores / T). */
function averaged(scores: readonly ArrayLike<number>[], temperatures: readonly number[]): number[] {
  const K = scores[0]!.length;
  const p = new Array<number>(K).fill(0);
  scores.forEach((s, m) => softmax(s, temperatures[m]).forEach((v, k) => (p[k]! += v / scores.length)));
  return p;
}

function chooseThreshold(conf: number[], correct: boolean[], target: number): number {
  const order = conf.map((c, i) => i).sort((a, b) => conf[b]! - conf[a]!);
  let ok = 0;
  let threshold = 0;
  order.forEach((i, n) => {
    if (correct[i]) ok++;
    if (ok / (n + 1) >= target) threshold = conf[i]!;
  });
  return Math.round(threshold * 1000) / 1000;
}

/**
 * Trains the category classifier: features (word uni+bigrams, subject char 1–3-grams, body char
 * 2–3-grams; sublinear TF-IDF, per-block L2), NB-scaled one-vs-rest squared-hinge SVM plus the
 * ensemble's further members (default: the same SVM without NB scaling), each temperature-calibrated
 * on out-of-fold scores (folds by duplicate group); the prediction averages their probabilities.
 */
export function train(examples: readonly LabelledMessage[], options: TrainOptions = {}): TrainResult {
  const started = Date.now();
  const log = options.onProgress ?? (() => {});
  const f: FeatureConfig = { ...DEFAULT_TRAIN_FEATURES, ...options.features };
  const svm: SvmOptions = { ...DEFAULT_TRAIN_SVM, ...options.svm };
  const svms = [svm, ...(options.ensemble ?? DEFAULT_ENSEMBLE)];
  const M = svms.length;
  const seg = options.segmenter ?? getSegmenter();
  const useSeg = options.useSegText ?? true;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error('train: need at least two labels');
  const K = labels.length;
  const ys = examples.map((e) => labels.indexOf(e.label));
  log(`features for ${examples.length} rows…`);
  const raws = examples.map((e) => rawFeatures(seg, e.subject, bodyOf(e, useSeg), f));

  const folds = options.calibrationFolds ?? 4;
  let temperatures = new Array<number>(M).fill(1);
  let oofMacro = 0;
  let oofEce = 0;
  let reviewThreshold = options.reviewThreshold ?? 0.5;
  if (folds > 1) {
    const groups = duplicateGroups(examples.map((e) => ({ subject: e.subject, body: bodyOf(e, useSeg) })));
    const all = examples.map((_, i) => i);
    const parts = groupFolds(all, groups, folds);
    const oof: Float64Array[][] = svms.map(() => new Array<Float64Array>(examples.length));
    parts.forEach((test, fi) => {
      const inTest = new Set(test);
      const tr = all.filter((i) => !inTest.has(i));
      log(`calibration fold ${fi + 1}/${folds} (train ${tr.length}, score ${test.length}, ${M} member${M > 1 ? 's' : ''})…`);
      const m = fit(tr.map((i) => raws[i]!), tr.map((i) => ys[i]!), K, f, svms);
      for (const i of test) {
        const x = vectorize(raws[i]!, m.vocab, m.bw);
        m.lins.forEach((lin, j) => (oof[j]![i] = decision(lin, x)));
      }
    });
    temperatures = oof.map((s) => fitTemperature(s, ys));
    const probs = examples.map((_, i) => averaged(oof.map((s) => s[i]!), temperatures));
    const pred = probs.map((p) => p.indexOf(Math.max(...p)));
    const conf = probs.map((p) => Math.max(...p));
    const rep = evaluate(ys.map((y) => labels[y]!), pred.map((p) => labels[p]!), labels, conf);
    oofMacro = rep.macroF1;
    oofEce = rep.ece ?? 0;
    if (options.reviewThreshold === undefined) {
      reviewThreshold = chooseThreshold(conf, pred.map((p, i) => p === ys[i]), options.targetAcceptedAccuracy ?? 0.97);
    }
    log(`temperature ${temperatures.map((t) => t.toFixed(3)).join(' / ')}, out-of-fold macro-F1 ${oofMacro}, ECE ${oofEce}, review below ${reviewThreshold}`);
  }

  log(`final fit on ${examples.length} rows…`);
  const m = fit(raws, ys, K, f, svms);
  const [weights, ...others] = m.lins.map((lin) => lin.weights.map(quantize));
  const date = new Date().toISOString();
  const digest = createHash('sha256');
  for (const w of [weights!, ...others].flat()) digest.update(w.data);
  const version = options.version ?? `clf-${date.slice(0, 10).replace(/-/g, '')}-${digest.digest('hex').slice(0, 8)}`;
  const model: ClassifierModelFile = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    version,
    labels,
    features: f,
    svm,
    temperature: temperatures[0]!,
    reviewThreshold,
    training: {
      date,
      sources: options.sources ?? [],
      trainRows: examples.length,
      trainRowsSha256: rowsHash(examples),
      ...(options.split ? { split: options.split } : {}),
      calibration: {
        method: `temperature scaling on out-of-fold scores (folds by duplicate group)${M > 1 ? `, per member; the ${M} members' probabilities averaged` : ''}`,
        folds,
        temperature: temperatures[0]!,
        ...(M > 1 ? { memberTemperatures: temperatures.slice(1) } : {}),
        outOfFoldMacroF1: oofMacro,
        outOfFoldEce: oofEce,
      },
      bodyFallback: useSeg ? 'seg_text when body is null' : 'none',
      durationSec: 0,
    },
    terms: m.vocab.terms,
    idf: encodeFloat32(m.vocab.idf),
    weights: weights!,
    bias: [...m.lins[0]!.bias],
    ...(M > 1
      ? {
          ensemble: others.map((w, j) => ({
            svm: svms[j + 1]!,
            temperature: temperatures[j + 1]!,
            weights: w,
            bias: [...m.lins[j + 1]!.bias],
          })),
        }
      : {}),
  };
  const classifier = new TextClassifier(model, seg);
  let heldOut: EvaluationReport | undefined;
  if (options.heldOut && options.heldOut.length > 0) {
    log(`scoring ${options.heldOut.length} held-out rows…`);
    heldOut = evaluateClassifier(classifier, options.heldOut, useSeg);
    model.training.heldOut = {
      n: heldOut.n,
      accuracy: heldOut.accuracy,
      macroF1: heldOut.macroF1,
      perClass: heldOut.perClass,
      ...(heldOut.ece !== undefined ? { ece: heldOut.ece } : {}),
      note: 'rows of the split not used for fitting or tuning',
    };
  }
  model.training.durationSec = Math.round((Date.now() - started) / 100) / 10;
  return { model, classifier, heldOut };
}

/** Scores `rows` with `classifier` (per-class P/R/F1, confusion, accuracy, ECE). */
export function evaluateClassifier(classifier: TextClassifier, rows: readonly LabelledMessage[], useSegText = true): EvaluationReport {
  const preds = rows.map((r) => classifier.classify({ subject: r.subject, body: bodyOf(r, useSegText) }));
  const labels = [...new Set([...classifier.labels, ...rows.map((r) => r.label)])];
  return evaluate(
    rows.map((r) => r.label),
    preds.map((p) => p.category),
    labels,
    preds.map((p) => p.confidence),
  );
}
