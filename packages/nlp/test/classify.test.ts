import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRAIN_DATA,
} from '../src/data/paths.ts';
import { heldOutSplit, SPLIT_SEED } from '../src/cli.ts';
import { evaluate, getDefaultClassifier, parseLabelled, readJsonl, saveModel, suggestLeadUnit, TextClassifier, train, bodyOf } from '../src/index.ts';

const hasData = existsSync(DEFAULT_TRAIN_DATA);

describe('classifier training (small fixture)', () => {
  // Tiny hand-written set: the learner must separate obvious classes and be calibrated enough
  // to flag an off-topic text for review.
  const fixture = [
    ['小区门口道路破损严重', '道路坑洼不平，下雨积水'], ['路灯不亮请维修', '小区外道路路灯坏了很久'], ['人行道被占用', '施工围挡占用人行道'],
    ['道路施工噪音', '市政道路施工扰民'], ['井盖缺失', '道路上井盖丢失很危险'], ['小区道路积水', '雨后道路积水严重'],
    ['学校乱收费', '学校收取补课费'], ['孩子入学难', '学区划片后孩子上不了学'], ['教师有偿补课', '老师在校外培训机构补课'],
    ['幼儿园收费高', '民办幼儿园收费太高'], ['学校食堂卫生', '学生在学校食堂吃得不好'], ['中考政策咨询', '想了解今年中考招生政策'],
  ].map(([subject, body], i) => ({ subject: subject!, body: body!, label: i < 6 ? '城乡建设' : '教育文体' }));
  it('learns and reports versions and routing', () => {
    const { classifier, model } = train(fixture, { calibrationFolds: 0, features: { minDf: 1 } });
    const r = classifier.classify({ subject: '学校补课收费', body: '老师让孩子去培训机构补课' });
    expect(r.category).toBe('教育文体');
    expect(r.modelVersion).toBe(model.version);
    expect(r.suggestedUnit.lead).toBe('市教育局');
    expect(classifier.classify({ subject: '道路坑洼', body: '路面破损积水' }).category).toBe('城乡建设');
    expect(model.training.trainRows).toBe(fixture.length);
    expect(model.training.trainRowsSha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('averages an ensemble of NB-SVM and plain SVM, and saves and loads it', () => {
    const { classifier, model } = train(fixture, { calibrationFolds: 0, features: { minDf: 1 } });
    expect(model.formatVersion).toBe(2);
    expect(model.ensemble).toHaveLength(1);
    expect(model.ensemble![0]!.svm.nbAlpha).toBeUndefined();
    const single = train(fixture, { calibrationFolds: 0, features: { minDf: 1 }, ensemble: [] });
    expect(single.model.ensemble).toBeUndefined();
    const file = join(mkdtempSync(join(tmpdir(), 'nlp-model-')), 'model.json.gz');
    saveModel(file, model);
    const loaded = TextClassifier.load(file);
    const input = { subject: '学校补课收费', body: '老师让孩子去培训机构补课' };
    const a = classifier.classify(input);
    const b = loaded.classify(input);
    expect(b.category).toBe(a.category);
    // int16 weights: the same probabilities to about three decimals.
    expect(Math.abs(b.confidence - a.confidence)).toBeLessThan(2e-3);
    // The mean of the two members' probabilities, not either member alone.
    const x = loaded.vectorize(input);
    const p0 = loaded.scoresOf(x, 0);
    const p1 = loaded.scoresOf(x, 1);
    expect(p0).not.toEqual(p1);
    const probs = loaded.probabilitiesOf(x);
    expect(probs.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });
});

describe('routing', () => {
  it('uses the table given', () => {
    expect(suggestLeadUnit('交通运输', { 交通运输: '县交通局' })).toEqual({ lead: '县交通局', cooperating: [] });
    expect(suggestLeadUnit('未知', {}, '市政府办公室').lead).toBe('市政府办公室');
  });
});

describe.skipIf(!hasData)('default model on the held-out split', () => {
  const rows = hasData ? parseLabelled(readJsonl(DEFAULT_TRAIN_DATA).rows) : [];
  const split = hasData ? heldOutSplit(rows) : undefined;
  // Every 20th row of the held-out part: a fixed ~75-row sample the model never trained on.
  const sample = split ? split.test.filter((_, k) => k % 20 === 0).map((i) => rows[i]!) : [];

  it('was trained on the training part of the recorded split', () => {
    const m = getDefaultClassifier().file;
    expect(m.training.split?.seed).toBe(SPLIT_SEED);
    expect(m.training.trainRows).toBe(split!.train.length);
    expect(m.training.heldOut?.macroF1).toBeGreaterThanOrEqual(0.93);
  });

  it('has not regressed on a fixed held-out sample', () => {
    const clf = getDefaultClassifier();
    const preds = sample.map((r) => clf.classify({ subject: r.subject, body: bodyOf(r) }));
    const rep = evaluate(sample.map((r) => r.label), preds.map((p) => p.category), clf.labels);
    expect(sample.length).toBeGreaterThan(60);
    expect(rep.accuracy).toBeGreaterThan(0.85);
    // Calibration: confident predictions are mostly right.
    const confident = preds.filter((p) => !p.needsReview);
    const ok = preds.filter((p, k) => !p.needsReview && p.category === sample[k]!.label).length;
    expect(ok / Math.max(1, confident.length)).toBeGreaterThan(0.93);
  });

  it('nlp eval prints a JSON summary as its last line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nlp-eval-'));
    const file = join(dir, 'sample.jsonl');
    writeFileSync(file, sample.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = execFileSync('npx', ['tsx', 'packages/nlp/bin.ts', 'nlp', 'eval', '--data', file], {
      cwd: new URL('../../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    const lines = out.trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]!) as { n: number; accuracy: number; macroF1: number };
    expect(Object.keys(last)).toEqual(['n', 'accuracy', 'macroF1']);
    expect(last.n).toBe(sample.length);
    expect(last.accuracy).toBeGreaterThan(0.85);
    expect(out).toContain('confusion matrix');
  }, 120_000);
});
