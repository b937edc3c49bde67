// NLP throughput benchmark: 500,000 × scale clues through normalise → classify (segmentation
// inside) → near-duplicate link → topic clustering, on worker threads (one per core), then a
// segmentation-only pass over the same texts for the ratio. Results are not stored in a
// database (that is the server's part); `engine` is recorded only.
//   npx tsx bench/nlp.ts --scale 0.1
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

interface Job {
  mode: 'pipeline' | 'segment';
  worker: number;
  workers: number;
  clues: number;
}
interface Done {
  processed: number;
  duplicates: number;
  clusters: number;
  needsReview: number;
}

const REGIONS = ['430102', '430103', '430104', '430105', '430111', '430112', '430121', '430181', '430182', '430124'];
const INSERTS = ['希望有关部门尽快处理。', '恳请领导重视！', '周边居民意见很大。', '这个问题已经反映过多次。', ''];
const YEAR_MS = 365 * 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

async function workerMain(job: Job): Promise<void> {
  const { readJsonl } = await import('../packages/nlp/src/data/jsonl.ts');
  const { MESSAGES_DIR } = await import('../packages/nlp/src/data/paths.ts');
  const { getSegmenter } = await import('../packages/nlp/src/segment/segmenter.ts');
  const base: { subject: string; body: string }[] = [];
  for (const f of ['train.jsonl', 'hot_topic_messages.jsonl', 'replies.jsonl']) {
    for (const r of readJsonl<{ subject: string; body: string | null }>(`${MESSAGES_DIR}/${f}`).rows) {
      base.push({ subject: r.subject, body: r.body ?? '' });
    }
  }
  // Clue i goes to worker (region index mod workers), so one region's dedupe index and topic
  // clusters live in one worker. Variation: an inserted sentence and a subject suffix, so
  // repeats are near- rather than exact duplicates.
  const clueAt = (i: number) => {
    const b = base[(i * 7919) % base.length]!;
    const ins = INSERTS[i % INSERTS.length]!;
    const cut = b.body.length > 40 ? (i * 31) % b.body.length : b.body.length;
    return {
      id: `c${i}`,
      subject: i % 3 === 0 ? b.subject : `${b.subject}（${i % 97}）`,
      body: b.body.slice(0, cut) + ins + b.body.slice(cut),
      time: START + Math.floor((i / job.clues) * YEAR_MS),
      region: REGIONS[i % REGIONS.length]!,
      reporter: `u${(i * 104729) % 200_000}`,
    };
  };
  const mine = (i: number): boolean => (i % REGIONS.length) % job.workers === job.worker;
  const seg = getSegmenter();
  const done: Done = { processed: 0, duplicates: 0, clusters: 0, needsReview: 0 };
  if (job.mode === 'segment') {
    for (let i = 0; i < job.clues; i++) {
      if (!mine(i)) continue;
      const c = clueAt(i);
      seg.cut(c.subject);
      seg.cut(c.body);
      done.processed++;
    }
    parentPort!.postMessage(done);
    return;
  }
  const { getDefaultClassifier } = await import('../packages/nlp/src/classify/classifier.ts');
  const { NearDuplicateIndex } = await import('../packages/nlp/src/dedupe/nearDuplicateIndex.ts');
  const { TopicClusterer } = await import('../packages/nlp/src/topics/clusterer.ts');
  const clf = getDefaultClassifier();
  const dedupe = new NearDuplicateIndex({ windowDays: 30 });
  const topics = new TopicClusterer({ windowDays: 30 });
  for (let i = 0; i < job.clues; i++) {
    if (!mine(i)) continue;
    const c = clueAt(i);
    // classify, dedupe and topics normalise their input themselves (full-width, traditional).
    const r = clf.classify({ subject: c.subject, body: c.body });
    if (r.needsReview) done.needsReview++;
    if (dedupe.add({ id: c.id, text: c.subject + c.body, time: c.time, region: c.region }).duplicateOf) done.duplicates++;
    topics.add(c);
    done.processed++;
    if (done.processed % 5000 === 0) {
      dedupe.prune(c.time - 31 * 86_400_000);
      done.clusters += topics.prune(c.time - 31 * 86_400_000).length;
      parentPort!.postMessage({ progress: done.processed });
    }
  }
  done.clusters += topics.clusters.length;
  parentPort!.postMessage(done);
}

async function phase(mode: Job['mode'], clues: number, workers: number, onRss: () => void): Promise<{ sec: number; totals: Done }> {
  const t = performance.now();
  const totals: Done = { processed: 0, duplicates: 0, clusters: 0, needsReview: 0 };
  let progress = 0;
  const timer = setInterval(onRss, 200);
  await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(
          // Worker threads do not inherit tsx's loader: register it, then load this file.
          `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`,
          { eval: true, workerData: { mode, worker: w, workers, clues } satisfies Job },
        );
        worker.on('message', (m: Done | { progress: number }) => {
          if ('progress' in m) {
            progress += 5000;
            if (progress % 50_000 === 0) process.stderr.write(`[bench nlp] ${mode}: ~${progress} / ${clues}\n`);
            return;
          }
          for (const k of Object.keys(totals) as (keyof Done)[]) totals[k] += m[k];
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
      }),
    ),
  );
  clearInterval(timer);
  onRss();
  return { sec: (performance.now() - t) / 1000, totals };
}

export async function run(opts: { engine: 'pglite' | 'postgres'; scale: number }): Promise<Record<string, number | string>> {
  const clues = Math.max(1, Math.round(500_000 * opts.scale));
  const workers = Math.max(1, Math.min(2, availableParallelism()));
  let peak = process.memoryUsage().rss;
  const onRss = (): void => void (peak = Math.max(peak, process.memoryUsage().rss));
  process.stderr.write(`[bench nlp] ${clues} clues on ${workers} worker threads\n`);
  const pipe = await phase('pipeline', clues, workers, onRss);
  process.stderr.write(`[bench nlp] pipeline ${pipe.sec.toFixed(1)} s, ${pipe.totals.duplicates} near-duplicates linked, ${pipe.totals.clusters} topic clusters\n`);
  const seg = await phase('segment', clues, workers, onRss);
  process.stderr.write(`[bench nlp] segmentation only ${seg.sec.toFixed(1)} s\n`);
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  return {
    bench: 'nlp',
    engine: opts.engine,
    scale: opts.scale,
    clues: pipe.totals.processed,
    wallSec: r2(pipe.sec),
    cluesPerSec: Math.round(pipe.totals.processed / pipe.sec),
    segOnlySec: r2(seg.sec),
    ratio: r2(pipe.sec / seg.sec),
    peakMB: Math.round(peak / 1048576),
    duplicatesLinked: pipe.totals.duplicates,
    topicClusters: pipe.totals.clusters,
    needsReview: pipe.totals.needsReview,
    workers,
  };
}

if (!isMainThread) {
  await workerMain(workerData as Job);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const engine = (arg('--engine') ?? 'pglite') as 'pglite' | 'postgres';
  const result = await run({ engine, scale: Number(arg('--scale') ?? 1) });
  const { bench, clues, wallSec, cluesPerSec, segOnlySec, ratio, peakMB } = result;
  process.stdout.write(`${JSON.stringify(result, null, 0)}\n`);
  process.stdout.write(`${JSON.stringify({ bench, engine, scale: result.scale, clues, wallSec, cluesPerSec, segOnlySec, ratio, peakMB })}\n`);
}
