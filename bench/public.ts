/**
 * Public-side benchmark (issue 4): with 1M clues × scale stored, autocannon against `GET /api/public/clues/:code`
 * (track by code) and `POST /api/public/clues` (submit, each with a fresh idempotency key) on 127.0.0.1, and a bare
 * Fastify hello-world in the same run as the baseline. autocannon runs in a child process for both. Run: npm run bench -- public [--engine pglite|postgres]
 * [--scale 0.1] [--keep]. Progress goes to stderr; the caller prints the returned figures as the last stdout line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import Fastify from 'fastify';
import { migrateDatabase, openDatabase, type Database } from '../packages/db/src/index.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { loadRegions } from '../packages/server/src/features/regions/load.ts';

export interface PublicBenchOptions {
  engine: 'pglite' | 'postgres';
  scale: number;
}

const FULL_CLUES = 1_000_000;
const BATCH = 50_000;
const CONNECTIONS = 50;
const DURATION_S = 10;

const log = (msg: string) => process.stderr.write(`[public] ${msg}\n`);

/**
 * `--keep` (PostgreSQL only) keeps the seeded database `rectify_bench_public` after the run and reuses it on the next
 * one (migrations still run, the 1M clues are not stored again), so runs can be repeated when the machine is quiet.
 */
const keep = process.argv.includes('--keep');
const KEPT_DATABASE = 'rectify_bench_public';

async function openEngine(
  engine: PublicBenchOptions['engine'],
): Promise<{ database: Database; reused: boolean; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    if (keep) throw new Error('--keep works with PostgreSQL only');
    const dir = await mkdtemp(join(tmpdir(), 'bench-public-pglite-'));
    const database = await openDatabase({ dataDir: dir });
    return {
      database,
      reused: false,
      close: async () => {
        await database.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const pg = (await import('pg')).default;
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = keep ? KEPT_DATABASE : `bench_public_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const reused = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!reused) await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), poolSize: 20 });
  return {
    database,
    reused,
    close: async () => {
      await database.close();
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

/** Stores `n` clues with set-based SQL: random-looking codes from the unambiguous alphabet, spread over the city. */
async function fill(database: Database, n: number): Promise<void> {
  const t0 = performance.now();
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    await database.sql.query(
      `INSERT INTO clues (tracking_code, content_hash, region_code, channel, title, body, category, state, snapshot,
                          received_at, idempotency_key)
       SELECT translate(upper(substr(md5('c' || i), 1, 10)), '01', 'XY'),
              md5('body' || i),
              (ARRAY['330502','330503','330521','330522','330523'])[1 + i % 5],
              'portal',
              '小区路灯长期不亮' || i,
              '某小区东门一排路灯坏了两个多月，晚上出行很不安全，联系电话13812345678。编号' || i,
              '城乡建设',
              'received',
              jsonb_build_object('state', 'received', 'regionCode', '330502', 'channel', 'portal'),
              now() - (i % 240) * interval '1 day',
              'bench:' || i
       FROM generate_series($1::int, $2::int) AS i
       ON CONFLICT DO NOTHING`,
      [start, end - 1],
    );
    log(`  ${end} clues stored (${Math.round(end / ((performance.now() - t0) / 1000))}/s)`);
  }
  await database.sql.query('ANALYZE clues');
}

interface Figures {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

type LoadPlan = { kind: 'get'; path: string } | { kind: 'track'; codes: string[] } | { kind: 'submit'; tag: string };

/**
 * The load generator runs in a child process, not on the event loop of the server under test (it used to, and took
 * a large share of that loop's CPU). The same child code measures the bare server and the platform, so the ratio
 * compares like with like. The requests are built in the child (functions cannot cross processes), from the plan.
 * (Not a worker thread: autocannon inside a worker thread returns raw histograms instead of its results.)
 */
const LOADER = `
const autocannon = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
const { url, connections, duration, plan } = JSON.parse(Buffer.concat(chunks).toString());
let s = 0;
const setupRequest =
  plan.kind === 'track'
    ? (req) => ({ ...req, method: 'GET', path: '/api/public/clues/' + plan.codes[Math.floor(Math.random() * plan.codes.length)] })
    : plan.kind === 'submit'
      ? (req) => {
          s++;
          return {
            ...req,
            method: 'POST',
            path: '/api/public/clues',
            headers: { 'content-type': 'application/json', 'x-device-id': 'bench-device-' + (s % 1000) },
            body: JSON.stringify({
              title: '公交站台缺少遮雨棚',
              body: '公交站台缺少遮雨棚，雨天候车困难，希望尽快增设。压测第 ' + s + ' 条。',
              regionCode: '330502',
              idempotencyKey: 'bench-' + plan.tag + '-' + s,
            }),
          };
        }
      : (req) => ({ ...req, method: 'GET', path: plan.path });
autocannon({ url, connections, duration, requests: [{ setupRequest }] }, (err, result) => {
  if (err) throw err;
  process.stdout.write(JSON.stringify({
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }));
});
});
`;

function load(base: string, plan: LoadPlan, duration = DURATION_S): Promise<Figures> {
  const child = spawn(process.execPath, ['-e', LOADER, createRequire(import.meta.url).resolve('autocannon')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify({ url: base, connections: CONNECTIONS, duration, plan }));
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise<Figures>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Figures) : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

export async function run(opts: PublicBenchOptions): Promise<Record<string, number | string>> {
  const clues = Math.max(1000, Math.round(FULL_CLUES * opts.scale));
  const { database, reused, close } = await openEngine(opts.engine);
  try {
    await migrateDatabase(database);
    if (reused) {
      log(`${opts.engine}: reusing ${KEPT_DATABASE} (--keep)`);
    } else {
      await loadRegions(database.db, '330500');
      log(`${opts.engine}: storing ${clues} clues`);
      await fill(database, clues);
    }
    const { rows } = await database.sql.query<{ tracking_code: string }>(
      'SELECT tracking_code FROM clues TABLESAMPLE SYSTEM (1) LIMIT 5000',
    );
    const codes = rows.length > 0 ? rows.map((r) => r.tracking_code) : ['XXXXXXXXXX'];

    const config = loadConfig({
      RECTIFY_LOG_LEVEL: 'silent',
      RECTIFY_DATA: join(tmpdir(), `bench-public-${process.pid}`),
      RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '100000000',
      RECTIFY_PUBLIC_READS_PER_MINUTE: '100000000',
    });
    const app = await buildApp({ config, database, web: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    const bare = Fastify();
    bare.get('/', async () => ({ hello: 'world' }));
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/`;

    try {
      log(`bare Fastify: ${CONNECTIONS} connections × ${DURATION_S} s`);
      const bareFig = await load(bareUrl, { kind: 'get', path: '/' });
      log(`  ${bareFig.rps} req/s, p99 ${bareFig.p99} ms`);

      // Warm-up right before the measured run, with the same random picks: the JIT warms up and so does the tracking
      // cache, as it is for the codes people are checking at the moment (the 5,000-code sample is that hot set). It
      // used to run before the bare server's 10 s, by which time every cached page had expired (5 s).
      log('warm-up');
      await load(base, { kind: 'track', codes }, 3);
      log(`track by code (random codes from a ${codes.length}-code sample)`);
      const track = await load(base, { kind: 'track', codes });
      log(`  ${track.rps} req/s, p99 ${track.p99} ms, non-2xx ${track.non2xx}, errors ${track.errors}`);

      log('submit');
      const submit = await load(base, { kind: 'submit', tag: String(process.pid) });
      log(`  ${submit.rps} req/s, p99 ${submit.p99} ms, non-2xx ${submit.non2xx}, errors ${submit.errors}`);

      return {
        clues,
        connections: CONNECTIONS,
        durationSec: DURATION_S,
        trackRps: track.rps,
        trackP99Ms: track.p99,
        submitRps: submit.rps,
        submitP99Ms: submit.p99,
        bareRps: bareFig.rps,
        bareP99Ms: bareFig.p99,
        trackRatio: Math.round((track.rps / bareFig.rps) * 1000) / 1000,
        trackNon2xx: track.non2xx,
        submitNon2xx: submit.non2xx,
      };
    } finally {
      await app.close();
      await bare.close();
    }
  } finally {
    await close();
  }
}
