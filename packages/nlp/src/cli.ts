import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import { readJsonl } from './data/jsonl.ts';
import { bodyOf, parseLabelled, type LabelledMessage } from './data/messages.ts';
import { DEFAULT_TRAIN_DATA } from './data/paths.ts';
import { DEFAULT_MODEL_PATH, TextClassifier } from './classify/classifier.ts';
import { evaluateClassifier, train } from './classify/train.ts';
import { formatReport } from './classify/metrics.ts';
import { saveModel, type TrainingSource } from './classify/model.ts';
import { splitByGroup } from './classify/split.ts';

export const SPLIT_SEED = 'rectify-1';
export const SPLIT_TEST_FRACTION = 0.2;

function loadLabelled(files: string[]): { rows: LabelledMessage[]; sources: TrainingSource[] } {
  const rows: LabelledMessage[] = [];
  const sources: TrainingSource[] = [];
  for (const file of files) {
    const { rows: raw, sha256 } = readJsonl(file);
    const parsed = parseLabelled(raw, file);
    rows.push(...parsed);
    sources.push({ file: basename(file), rows: parsed.length, sha256 });
  }
  return { rows, sources };
}

/** The deterministic held-out split by duplicate group used for the shipped model. */
export function heldOutSplit(rows: readonly LabelledMessage[], seed = SPLIT_SEED, testFraction = SPLIT_TEST_FRACTION) {
  return splitByGroup(rows.map((r) => ({ subject: r.subject, body: bodyOf(r) })), testFraction, seed);
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** Adds `nlp eval`, `nlp train` and `nlp split` under an `nlp` command of `program`. */
export function registerNlpCommands(program: Command): Command {
  const nlp = program.command('nlp').description('Text analytics: classifier training and evaluation');

  nlp
    .command('eval')
    .description('Score a labelled JSONL file; last stdout line is {"n","accuracy","macroF1"}')
    .requiredOption('--data <file>', 'JSONL rows {subject, body|null, label}')
    .option('--model <path>', 'model file', DEFAULT_MODEL_PATH)
    .option('--no-seg-text', 'do not use seg_text as the body when body is null')
    .action((o: { data: string; model: string; segText: boolean }) => {
      const clf = TextClassifier.load(resolve(o.model));
      const { rows } = loadLabelled([resolve(o.data)]);
      const t = Date.now();
      const r = evaluateClassifier(clf, rows, o.segText);
      process.stderr.write(`scored ${rows.length} rows in ${((Date.now() - t) / 1000).toFixed(1)} s with ${clf.version}\n`);
      process.stdout.write(`model ${clf.version}\n${formatReport(r)}\n`);
      process.stdout.write(JSON.stringify({ n: r.n, accuracy: r.accuracy, macroF1: r.macroF1 }) + '\n');
    });

  nlp
    .command('train')
    .description('Train the classifier (by default on the training part of a split by duplicate group)')
    .option('--data <file>', 'JSONL training rows (repeatable)', collect, [])
    .option('--out <path>', 'model file to write (.json or .json.gz)', DEFAULT_MODEL_PATH)
    .option('--all', 'fit on all rows (no held-out figure)')
    .option('--seed <seed>', 'split seed', SPLIT_SEED)
    .option('--test-fraction <x>', 'held-out share of duplicate groups', String(SPLIT_TEST_FRACTION))
    .option('--folds <n>', 'calibration folds', '4')
    .option('--version <label>', 'model version label')
    .action((o: { data: string[]; out: string; all?: boolean; seed: string; testFraction: string; folds: string; version?: string }) => {
      const files = (o.data.length ? o.data : [DEFAULT_TRAIN_DATA]).map((f) => resolve(f));
      const { rows, sources } = loadLabelled(files);
      const log = (m: string): void => void process.stderr.write(`[nlp train] ${m}\n`);
      let trainRows = rows;
      let heldOut: LabelledMessage[] | undefined;
      let split;
      if (!o.all) {
        const fraction = Number(o.testFraction);
        const s = heldOutSplit(rows, o.seed, fraction);
        trainRows = s.train.map((i) => rows[i]!);
        heldOut = s.test.map((i) => rows[i]!);
        split = { method: 'by duplicate group (exact subject/body or MinHash Jaccard ≥ 0.6)', seed: o.seed, testFraction: fraction, groups: s.groupCount, trainRows: s.train.length, testRows: s.test.length };
        log(`split: ${s.groupCount} duplicate groups, train ${s.train.length}, held out ${s.test.length}`);
      }
      const result = train(trainRows, {
        sources,
        ...(split ? { split } : {}),
        ...(heldOut ? { heldOut } : {}),
        calibrationFolds: Number(o.folds),
        ...(o.version ? { version: o.version } : {}),
        onProgress: log,
      });
      const bytes = saveModel(resolve(o.out), result.model);
      if (result.heldOut) process.stdout.write(formatReport(result.heldOut) + '\n');
      const summary = {
        version: result.model.version,
        out: resolve(o.out),
        bytes,
        trainRows: trainRows.length,
        heldOutRows: heldOut?.length ?? 0,
        heldOutMacroF1: result.heldOut?.macroF1 ?? null,
        heldOutAccuracy: result.heldOut?.accuracy ?? null,
        temperature: result.model.temperature,
        reviewThreshold: result.model.reviewThreshold,
        seconds: result.model.training.durationSec,
      };
      process.stdout.write(JSON.stringify(summary) + '\n');
    });

  nlp
    .command('split')
    .description('Write the held-out split (by duplicate group) as train.jsonl and test.jsonl into a folder')
    .option('--data <file>', 'JSONL rows', DEFAULT_TRAIN_DATA)
    .option('--out <dir>', 'output folder (default: a temp folder)')
    .option('--seed <seed>', 'split seed', SPLIT_SEED)
    .option('--test-fraction <x>', 'held-out share of duplicate groups', String(SPLIT_TEST_FRACTION))
    .action((o: { data: string; out?: string; seed: string; testFraction: string }) => {
      const { rows: raw } = readJsonl<Record<string, unknown>>(resolve(o.data));
      const rows = parseLabelled(raw, o.data);
      const s = heldOutSplit(rows, o.seed, Number(o.testFraction));
      const dir = resolve(o.out ?? join(tmpdir(), `rectify-nlp-split-${o.seed}`));
      mkdirSync(dir, { recursive: true });
      const write = (name: string, idx: number[]): void =>
        writeFileSync(join(dir, name), idx.map((i) => JSON.stringify(raw[i])).join('\n') + '\n');
      write('train.jsonl', s.train);
      write('test.jsonl', s.test);
      process.stdout.write(JSON.stringify({ dir, groups: s.groupCount, train: s.train.length, test: s.test.length }) + '\n');
    });

  return nlp;
}
