import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureConfig } from './features.ts';
import type { SvmOptions } from './svm.ts';
import type { EvaluationReport } from './metrics.ts';

export const MODEL_FORMAT = 'rectify-nlp-classifier';
/** 2: optional `ensemble` members (a format-1 reader would ignore them and predict differently). */
export const MODEL_FORMAT_VERSION = 2;

export interface TrainingSource {
  file: string;
  rows: number;
  sha256: string;
}

/** What a model was trained on and how well it did on data it did not see. */
export interface TrainingMetadata {
  date: string;
  sources: TrainingSource[];
  /** Rows used to fit the final weights. */
  trainRows: number;
  /** sha256 over the training rows actually used (label + subject + body, in order). */
  trainRowsSha256: string;
  split?: { method: string; seed: string; testFraction: number; groups: number; trainRows: number; testRows: number };
  heldOut?: Pick<EvaluationReport, 'n' | 'accuracy' | 'macroF1' | 'perClass' | 'ece'> & { note: string };
  calibration: {
    method: string;
    folds: number;
    temperature: number;
    /** Temperatures of the ensemble's further members, in order. */
    memberTemperatures?: number[];
    outOfFoldMacroF1: number;
    outOfFoldEce: number;
  };
  bodyFallback: string;
  durationSec: number;
}

/** The serialised model (JSON, gzipped when the path ends in .gz). Weights are int16-quantised
 * per class with a scale, which keeps the default model a few MB without measurable loss. */
export interface ClassifierModelFile {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  version: string;
  labels: string[];
  features: FeatureConfig;
  svm: SvmOptions;
  temperature: number;
  reviewThreshold: number;
  training: TrainingMetadata;
  terms: string[];
  idf: string;
  weights: { scale: number; data: string }[];
  bias: number[];
  /**
   * Further linear members over the same features (format 2). The prediction is the average of every member's
   * calibrated probabilities, softmax(scores / temperature), the first member being `svm`/`weights`/`bias` above.
   */
  ensemble?: EnsembleMember[];
}

export interface EnsembleMember {
  svm: SvmOptions;
  temperature: number;
  weights: { scale: number; data: string }[];
  bias: number[];
}

export function encodeFloat32(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export function decodeFloat32(s: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
}

export function quantize(w: Float32Array): { scale: number; data: string } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const q = Int16Array.from(w, (v) => Math.round(v / scale));
  return { scale, data: Buffer.from(q.buffer).toString('base64') };
}

export function dequantize(x: { scale: number; data: string }): Float32Array {
  const b = Buffer.from(x.data, 'base64');
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  const q = new Int16Array(copy.buffer);
  return Float32Array.from(q, (v) => v * x.scale);
}

export function saveModel(path: string, model: ClassifierModelFile): number {
  mkdirSync(dirname(path), { recursive: true });
  const json = Buffer.from(JSON.stringify(model));
  const out = path.endsWith('.gz') ? gzipSync(json, { level: 9 }) : json;
  writeFileSync(path, out);
  return out.byteLength;
}

export function loadModelFile(path: string): ClassifierModelFile {
  let buf = readFileSync(path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  const m = JSON.parse(buf.toString('utf8')) as ClassifierModelFile;
  if (m.format !== MODEL_FORMAT) throw new Error(`${path}: not a ${MODEL_FORMAT} file`);
  if (m.formatVersion > MODEL_FORMAT_VERSION) throw new Error(`${path}: model format ${m.formatVersion} is newer than supported`);
  return m;
}
