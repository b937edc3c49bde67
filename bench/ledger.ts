/**
 * Ledger benchmark: SQL append throughput, proof latency on the full tree, and tile verification
 * speed against raw SHA-256. Run: npx tsx bench/ledger.ts [--scale 0.1] [--engine pglite|postgres]
 * Progress goes to stderr; the last stdout line is one JSON object.
 */
import { hash as oneShotHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_NODE_CACHE_ENTRIES, Ledger, NodeCache, SqlLedgerStore, generateSignerKey, parseSignerKey, verifyLog, writeTiles } from '../packages/ledger/src/index.ts';
import type { SqlExecutor } from '../packages/ledger/src/index.ts';

export interface LedgerBenchOptions {
  engine: 'pglite' | 'postgres';
  scale: number;
  /** Node cache entries for the proofs (0 = every proof reads all its nodes from the database). */
  cache?: number;
}

const FULL_LEAVES = 1_000_000;
const BATCH = 1000;
const PROOF_SAMPLES = 2000;

const log = (msg: string) => process.stderr.write(`[ledger] ${msg}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

// Deterministic pseudo-random sample so runs are comparable.
function* lcg(seed: number): Generator<number> {
  let s = seed >>> 0;
  for (;;) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    yield s / 2 ** 32;
  }
}

async function openEngine(engine: LedgerBenchOptions['engine']): Promise<{ db: SqlExecutor; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const dir = await mkdtemp(join(tmpdir(), 'bench-ledger-pglite-'));
    const db = new PGlite(dir);
    await db.waitReady;
    return {
      db,
      close: async () => {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const pg = (await import('pg')).default;
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `bench_ledger_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: target.toString(), max: 4 });
  return {
    db: pool as unknown as SqlExecutor,
    close: async () => {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

/** Sorted latencies (ms) of PROOF_SAMPLES inclusion and consistency proofs at random positions of the full tree. */
async function measureProofs(
  ledger: Ledger,
  leaves: number,
  cache?: NodeCache,
): Promise<{ incl: number[]; cons: number[]; firstMs: number; warmUpMs: number; fillMs: number }> {
  const rnd = lcg(42);
  // The first proof and the whole warm-up, timed: with a node cache they pay for filling it.
  const t0 = performance.now();
  await ledger.inclusionProof(leaves >> 1, leaves);
  const firstMs = performance.now() - t0;
  // Warm-up: connection caches, query plans and the node cache, so the percentiles describe steady state.
  for (let k = 0; k < 200; k++) {
    await ledger.inclusionProof(Math.floor(rnd.next().value! * leaves), leaves);
    await ledger.consistencyProof(1 + Math.floor(rnd.next().value! * (leaves - 1)), leaves);
  }
  const warmUpMs = performance.now() - t0;
  // The node cache fills in the background, proofs meanwhile reading what it lacks: wait for it, so the percentiles
  // describe the steady state (its time is reported as cacheFillSec).
  await cache?.settled();
  const fillMs = performance.now() - t0;
  const incl: number[] = [];
  for (let k = 0; k < PROOF_SAMPLES; k++) {
    const idx = Math.floor(rnd.next().value! * leaves);
    const s = performance.now();
    await ledger.inclusionProof(idx, leaves);
    incl.push(performance.now() - s);
  }
  const cons: number[] = [];
  for (let k = 0; k < PROOF_SAMPLES; k++) {
    const size1 = 1 + Math.floor(rnd.next().value! * (leaves - 1));
    const s = performance.now();
    await ledger.consistencyProof(size1, leaves);
    cons.push(performance.now() - s);
  }
  incl.sort((a, b) => a - b);
  cons.sort((a, b) => a - b);
  return { incl, cons, firstMs, warmUpMs, fillMs };
}

/** Runs the benchmark and returns the summary row (also printed by the CLI entry point). */
export async function run(opts: LedgerBenchOptions): Promise<Record<string, number | string>> {
  const leaves = Math.max(BATCH, Math.round(FULL_LEAVES * opts.scale));
  const cacheEntries = opts.cache ?? DEFAULT_NODE_CACHE_ENTRIES;
  const { db, close } = await openEngine(opts.engine);
  const dir = await mkdtemp(join(tmpdir(), 'bench-ledger-tiles-'));
  try {
    const store = new SqlLedgerStore(db);
    await store.migrate();
    const ledger = new Ledger(store);

    log(`${opts.engine}: appending ${leaves} events in batches of ${BATCH}`);
    const enc = new TextEncoder();
    const t0 = performance.now();
    for (let i = 0; i < leaves; i += BATCH) {
      const batch: Uint8Array[] = [];
      for (let j = i; j < Math.min(leaves, i + BATCH); j++) {
        batch.push(enc.encode(JSON.stringify({ seq: j, type: 'problem.transition', problem: `P${j % 9973}`, from: 'assigned', to: 'rectifying', actor: `u${j % 577}`, at: 1795000000000 + j })));
      }
      await ledger.append(batch);
      if ((i / BATCH) % 100 === 99) log(`  ${i + BATCH} appended (${Math.round((i + BATCH) / ((performance.now() - t0) / 1000))}/s)`);
    }
    const appendSec = (performance.now() - t0) / 1000;
    const appendsPerSec = leaves / appendSec;
    log(`appended ${leaves} in ${appendSec.toFixed(1)} s = ${Math.round(appendsPerSec)}/s`);

    // Steady state: after a bulk load autovacuum would otherwise be analysing and setting hint bits on 3M fresh rows
    // during the measurement (a log that grows by events never has such a backlog).
    const tv0 = performance.now();
    for (const table of ['ledger_leaves', 'ledger_nodes']) await db.query(`VACUUM (ANALYZE) ${table}`);
    log(`vacuum analyze ${((performance.now() - tv0) / 1000).toFixed(1)} s`);

    // Proofs as the platform serves them (through a NodeCache, unless --cache 0), then as before: no cache, every
    // proof parsed and planned anew.
    const cache = cacheEntries > 0 ? new NodeCache(cacheEntries) : undefined;
    // As the server reads proofs: on PostgreSQL through a named prepared statement.
    const proving = new Ledger(new SqlLedgerStore(db, { namedStatements: opts.engine === 'postgres' }), { cache });
    const timed = await measureProofs(proving, leaves, cache);
    if (cache) log(`node cache: ${cache.size} entries, ${cache.hits} hits, ${cache.misses} nodes missed; first proof ${timed.firstMs.toFixed(1)} ms, warm-up (401 proofs) ${timed.warmUpMs.toFixed(0)} ms, cache full after ${(timed.fillMs / 1000).toFixed(1)} s`);
    const direct = await measureProofs(ledger, leaves);
    const { incl, cons } = timed;
    log(`inclusion p50 ${percentile(incl, 50).toFixed(3)} ms p99 ${percentile(incl, 99).toFixed(3)} ms; consistency p50 ${percentile(cons, 50).toFixed(3)} ms p99 ${percentile(cons, 99).toFixed(3)} ms (cache ${cacheEntries} entries)`);
    log(`without cache or prepared statement: inclusion p50 ${percentile(direct.incl, 50).toFixed(3)} ms p99 ${percentile(direct.incl, 99).toFixed(3)} ms; consistency p50 ${percentile(direct.cons, 50).toFixed(3)} ms p99 ${percentile(direct.cons, 99).toFixed(3)} ms`);

    const key = parseSignerKey(generateSignerKey('bench.rectify.example/ledger').skey);
    const note = await ledger.signCheckpoint('bench.rectify.example/ledger', [key]);
    const tw = performance.now();
    const written = await writeTiles(dir, store, note);
    const writeSec = (performance.now() - tw) / 1000;
    log(`wrote ${written.files} tile files in ${writeSec.toFixed(1)} s`);

    const tv = performance.now();
    const result = await verifyLog(dir, [key.vkey]);
    const verifySec = (performance.now() - tv) / 1000;
    if (result.size !== leaves) throw new Error(`verified size ${result.size} != ${leaves}`);

    // Pure hashing baseline: as many 64-byte SHA-256 computations as verification performed.
    const input = new Uint8Array(64);
    const th = performance.now();
    for (let k = 0; k < result.hashes; k++) {
      input[k & 63] = k & 0xff;
      oneShotHash('sha256', input, 'buffer');
    }
    const sha256Sec = (performance.now() - th) / 1000;
    log(`verified ${leaves} leaves (${result.hashes} hashes) in ${verifySec.toFixed(2)} s; raw SHA-256 of as many 64-byte inputs ${sha256Sec.toFixed(2)} s`);

    return {
      bench: 'ledger',
      engine: opts.engine,
      scale: opts.scale,
      leaves,
      appendsPerSec: Math.round(appendsPerSec),
      inclusionP50Ms: round(percentile(incl, 50)),
      inclusionP99Ms: round(percentile(incl, 99)),
      consistencyP50Ms: round(percentile(cons, 50)),
      consistencyP99Ms: round(percentile(cons, 99)),
      cacheEntries,
      firstProofMs: round(timed.firstMs, 1),
      warmUpMs: Math.round(timed.warmUpMs),
      cacheFillSec: round(timed.fillMs / 1000, 1),
      baselineInclusionP50Ms: round(percentile(direct.incl, 50)),
      baselineInclusionP99Ms: round(percentile(direct.incl, 99)),
      baselineConsistencyP99Ms: round(percentile(direct.cons, 99)),
      tileWriteSec: round(writeSec, 2),
      verifySec: round(verifySec, 3),
      sha256Sec: round(sha256Sec, 3),
      verifyRatio: round(verifySec / sha256Sec, 2),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await close();
  }
}

function parseArgs(argv: string[]): LedgerBenchOptions {
  let scale = 1;
  let cache = DEFAULT_NODE_CACHE_ENTRIES;
  let engine: LedgerBenchOptions['engine'] = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
    if (a.startsWith('--scale')) {
      scale = Number(value);
      if (!a.includes('=')) i++;
    } else if (a.startsWith('--cache')) {
      cache = Number(value);
      if (!a.includes('=')) i++;
    } else if (a.startsWith('--engine')) {
      if (value !== 'pglite' && value !== 'postgres') throw new Error('--engine must be pglite or postgres');
      engine = value;
      if (!a.includes('=')) i++;
    }
  }
  if (!(scale > 0)) throw new Error('--scale must be a positive number');
  if (!Number.isSafeInteger(cache) || cache < 0) throw new Error('--cache must be a whole number of entries (0 = off)');
  return { engine, scale, cache };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(parseArgs(process.argv.slice(2))).then(
    (row) => process.stdout.write(JSON.stringify(row) + '\n'),
    (e: unknown) => {
      process.stderr.write(`[ledger] failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
