// Hyper-parameter exploration on an INNER validation split of the training part (the held-out
// test part is not looked at here). Usage: npx tsx scripts/tune.ts [--test] (uses test at the end).
import { readJsonl } from '../src/data/jsonl.ts';
import { parseLabelled, bodyOf } from '../src/data/messages.ts';
import { splitByGroup } from '../src/classify/split.ts';
import { DEFAULT_FEATURES, rawFeatures, type FeatureConfig, type RawFeatures } from '../src/classify/features.ts';
import { fitVocabulary, vectorize, blockWeights } from '../src/classify/vectorizer.ts';
import { trainSvm, decision, DEFAULT_SVM } from '../src/classify/svm.ts';
import { evaluate } from '../src/classify/metrics.ts';
import { getSegmenter } from '../src/segment/segmenter.ts';

const { rows: raw } = readJsonl('/work/shared/data/messages/train.jsonl');
const rows = parseLabelled(raw);
const split = splitByGroup(rows.map((r) => ({ subject: r.subject, body: bodyOf(r) })));
console.error('groups', split.groupCount, 'train', split.train.length, 'test', split.test.length);
const useTest = process.argv.includes('--test');
let trainIdx = split.train;
let evalIdx = split.test;
if (!useTest) {
  const inner = splitByGroup(split.train.map((i) => ({ subject: rows[i]!.subject, body: bodyOf(rows[i]!) })), 0.2, 'inner');
  evalIdx = inner.test.map((j) => split.train[j]!);
  trainIdx = inner.train.map((j) => split.train[j]!);
}
const labels = [...new Set(rows.map((r) => r.label))].sort();
const seg = getSegmenter();
const cache = new Map<string, RawFeatures[]>();
function feats(cfg: FeatureConfig): RawFeatures[] {
  const key = `${cfg.subjectCharN}/${cfg.bodyCharN}/${cfg.maxBodyChars}/${cfg.bodyChars > 0}`;
  let f = cache.get(key);
  if (!f) {
    const t = Date.now();
    const all = { ...cfg, subjectWords: 1, words: 1, subjectChars: 1, bodyChars: cfg.bodyChars > 0 ? 1 : 0 };
    f = rows.map((r) => rawFeatures(seg, r.subject, bodyOf(r), all));
    console.error('features', key, Date.now() - t, 'ms');
    cache.set(key, f);
  }
  return f;
}
function run(name: string, cfg: FeatureConfig, C: number, balanced = true, nbAlpha?: number): void {
  const t = Date.now();
  const f = feats(cfg);
  const vocab = fitVocabulary(trainIdx.map((i) => f[i]!), cfg.minDf);
  const bw = blockWeights(cfg);
  const xs = trainIdx.map((i) => vectorize(f[i]!, vocab, bw));
  const ys = trainIdx.map((i) => labels.indexOf(rows[i]!.label));
  const m = trainSvm(xs, ys, labels.length, vocab.terms.length, { ...DEFAULT_SVM, C, balanced, nbAlpha });
  const pred = evalIdx.map((i) => {
    const d = decision(m, vectorize(f[i]!, vocab, bw));
    let b = 0;
    for (let k = 1; k < d.length; k++) if (d[k]! > d[b]!) b = k;
    return labels[b]!;
  });
  const r = evaluate(evalIdx.map((i) => rows[i]!.label), pred, labels);
  console.log(`${name} nb=${nbAlpha} C=${C} bal=${balanced} vocab=${vocab.terms.length} acc=${r.accuracy} macroF1=${r.macroF1} ${Date.now() - t}ms`);
}
const D = DEFAULT_FEATURES;
const mode = process.argv[2] ?? 'grid';
if (mode === 'grid') {
  const B = { ...D, bodyChars: 1 };
  run('bc1', B, 1, true, 0.003);
  run('bc1', B, 0.5, true, 0.01);
  run('bc1', B, 1, false, 0.01);
  run('bc1-min1', { ...B, minDf: 1 }, 1, true, 0.01);
} else {
  run('default', D, 0.5);
}
