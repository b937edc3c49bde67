import { fileURLToPath } from 'node:url';
import { NLP_VERSION } from '../version.ts';
import { getSegmenter, type Segmenter } from '../segment/segmenter.ts';
import { rawFeatures } from './features.ts';
import { blockWeights, buildVocabulary, vectorize, type SparseVector, type Vocabulary } from './vectorizer.ts';
import { softmax } from './calibrate.ts';
import { decodeFloat32, dequantize, loadModelFile, type ClassifierModelFile } from './model.ts';
import { DEFAULT_ROUTING, suggestLeadUnit, type RoutingSuggestion, type RoutingTable } from './routing.ts';

export interface MessageInput {
  subject: string;
  body?: string | null;
}

export interface ClassifyOptions {
  /** Category → unit table for the suggestion (default DEFAULT_ROUTING). */
  routing?: RoutingTable;
  /** Below this confidence the result is flagged for human triage (default: the model's). */
  reviewThreshold?: number;
}

export interface Classification {
  category: string;
  /** Calibrated probability of `category` (temperature-scaled softmax), 0–1. */
  confidence: number;
  /** Calibrated probability of every category. */
  probabilities: Record<string, number>;
  needsReview: boolean;
  suggestedUnit: RoutingSuggestion;
  modelVersion: string;
  nlpVersion: string;
}

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../models/classifier.json.gz', import.meta.url));

/** A loaded classifier: vocabulary + calibrated linear one-vs-rest model. Immutable; safe to
 * share. Cost per message is dominated by segmentation. */
export class TextClassifier {
  readonly file: ClassifierModelFile;
  readonly labels: string[];
  private readonly vocab: Vocabulary;
  /** Per member: weights interleaved by feature (w[j·K + k]) so one feature's K weights share a cache line. */
  private readonly members: { w: Float32Array; bias: readonly number[]; temperature: number }[];
  private readonly seg: Segmenter;

  constructor(file: ClassifierModelFile, seg: Segmenter = getSegmenter()) {
    this.file = file;
    this.labels = file.labels;
    this.vocab = buildVocabulary(file.terms, decodeFloat32(file.idf));
    const K = file.labels.length;
    const dim = file.terms.length;
    const interleave = (weights: ClassifierModelFile['weights']): Float32Array => {
      const w = new Float32Array(dim * K);
      weights.forEach((q, k) => {
        const wk = dequantize(q);
        for (let j = 0; j < dim; j++) w[j * K + k] = wk[j]!;
      });
      return w;
    };
    this.members = [
      { w: interleave(file.weights), bias: file.bias, temperature: file.temperature },
      ...(file.ensemble ?? []).map((m) => ({ w: interleave(m.weights), bias: m.bias, temperature: m.temperature })),
    ];
    this.seg = seg;
  }

  static load(path: string = DEFAULT_MODEL_PATH, seg?: Segmenter): TextClassifier {
    return new TextClassifier(loadModelFile(path), seg);
  }

  get version(): string {
    return this.file.version;
  }

  vectorize(input: MessageInput): SparseVector {
    const raw = rawFeatures(this.seg, input.subject, input.body ?? '', this.file.features);
    return vectorize(raw, this.vocab, blockWeights(this.file.features));
  }

  /** Raw decision values of ensemble member `member` (0: the NB-SVM), one per label. */
  scoresOf(x: SparseVector, member = 0): Float64Array {
    const K = this.labels.length;
    const { w, bias } = this.members[member]!;
    const s = Float64Array.from(bias);
    for (let p = 0; p < x.idx.length; p++) {
      const base = x.idx[p]! * K;
      const v = x.val[p]!;
      for (let k = 0; k < K; k++) s[k]! += w[base + k]! * v;
    }
    return s;
  }

  /** Calibrated probabilities: the mean over the members of softmax(scores / temperature). */
  probabilitiesOf(x: SparseVector): number[] {
    const probs = new Array<number>(this.labels.length).fill(0);
    this.members.forEach((m, j) =>
      softmax(this.scoresOf(x, j), m.temperature).forEach((p, k) => (probs[k]! += p / this.members.length)),
    );
    return probs;
  }

  classify(input: MessageInput, options: ClassifyOptions = {}): Classification {
    const probs = this.probabilitiesOf(this.vectorize(input));
    let best = 0;
    for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
    const category = this.labels[best]!;
    const confidence = probs[best]!;
    const probabilities: Record<string, number> = {};
    this.labels.forEach((l, k) => (probabilities[l] = Math.round(probs[k]! * 10000) / 10000));
    return {
      category,
      confidence: Math.round(confidence * 10000) / 10000,
      probabilities,
      needsReview: confidence < (options.reviewThreshold ?? this.file.reviewThreshold),
      suggestedUnit: suggestLeadUnit(category, options.routing ?? DEFAULT_ROUTING),
      modelVersion: this.file.version,
      nlpVersion: NLP_VERSION,
    };
  }
}

let defaultClassifier: TextClassifier | undefined;

/** The shipped default model, loaded on first use (~1 s). */
export function getDefaultClassifier(): TextClassifier {
  defaultClassifier ??= TextClassifier.load();
  return defaultClassifier;
}

/** Classifies one message with the default model. */
export function classifyMessage(input: MessageInput, options?: ClassifyOptions): Classification {
  return getDefaultClassifier().classify(input, options);
}
