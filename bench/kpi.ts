/**
 * `npm run bench -- kpi [--engine pglite|postgres] [--scale F]`: 100,000 problems × F with full histories (~20 events
 * each, ~2M events) in 杭州市 (13 counties), then the KPI dashboard query for the whole city and for one county:
 * median and p95 of 20 runs. Target on PostgreSQL: city median ≤ 100 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase, Scope, type Database } from '@rectify/db';
import { computeKpis } from '../packages/server/src/features/kpi/service.ts';
import { loadRegions } from '../packages/server/src/features/regions/load.ts';

const log = (msg: string) => process.stderr.write(`[kpi] ${msg}\n`);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * `--keep` (PostgreSQL only) keeps the seeded database `rectify_bench_kpi` after the run and reuses it on the next
 * one (migrations still run, seeding is skipped), so query plans can be studied with EXPLAIN on the same data.
 */
const keep = process.argv.includes('--keep');
const KEPT_DATABASE = 'rectify_bench_kpi';

async function open(
  engine: 'pglite' | 'postgres',
): Promise<{ database: Database; reused: boolean; cleanup: () => Promise<void> }> {
  if (engine === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const name = keep ? KEPT_DATABASE : `rectify_bench_kpi_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!exists) await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString(), poolSize: 4 });
    return {
      database,
      reused: exists,
      cleanup: async () => {
        await database.close();
        if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  if (keep) throw new Error('--keep works with PostgreSQL only');
  const dir = await mkdtemp(join(tmpdir(), 'rectify-bench-kpi-'));
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    reused: false,
    cleanup: async () => (await database.close(), await rm(dir, { recursive: true, force: true })),
  };
}

/** Problems and their histories generated in SQL (the state machine would take hours for 2M events). */
async function seed(database: Database, problems: number): Promise<number> {
  const q = (text: string, params: unknown[] = []) => database.sql.query(text, params);
  await q(`insert into units (name, kind, region_code)
           select '杭州市' || n || '局', 'department', '330100' from generate_series(1, 15) n`);
  const batch = 20_000;
  for (let done = 0; done < problems; done += batch) {
    const n = Math.min(batch, problems - done);
    await q(
      `with towns as (select code, row_number() over (order by code) - 1 as i from regions where level = 'town' and code like '3301%'),
            units as (select id, row_number() over (order by id) - 1 as i from units where region_code = '330100'),
            g as (select s, random() r1, random() r2, random() r3 from generate_series(1, $1::int) s),
            p as (
              select g.*, (select code from towns where i = (g.s * 7919) % (select count(*) from towns)) as region,
                     (select id from units where i = g.s % 15) as unit,
                     now() - (30 + r1 * 700) * interval '1 day' as assigned_at
                from g)
       insert into problems (title, description, source, region_code, state, lead_unit_id, deadline, assigned_at,
                             closed_at, outcome, warning, snapshot, created_at)
       select '基准问题 ' || s, '用于指标基准测试的问题', 'campaign', region,
              case when r2 < 0.6 then 'closed' else 'rectifying' end, unit,
              (assigned_at + (30 + r3 * 120) * interval '1 day')::date, assigned_at,
              case when r2 < 0.6 then assigned_at + (10 + r2 * 200) * interval '1 day' end,
              case when r2 < 0.6 then (case when r3 < 0.85 then 'resolved' else 'partly_resolved' end) end,
              case when r2 < 0.6 then null else 'green' end,
              jsonb_build_object('assignment', jsonb_build_object('deadline', to_char(assigned_at + (30 + r3 * 120) * interval '1 day', 'YYYY-MM-DD'),
                                 'leadUnitId', unit), 'extendedDeadline', null),
              assigned_at - interval '5 days'
         from p`,
      [n],
    );
    log(`problems ${done + n}/${problems}`);
  }
  // ~20 events per problem: the lifecycle steps, weekly progress, and for closed ones a rating and a look-back.
  const types = [
    'problem.created',
    'problem.confirmed',
    'problem.assigned',
    'problem.plan_submitted',
    'problem.plan_approved',
  ];
  const total = (await q(`select count(*)::int n from problems`)).rows[0] as { n: number };
  const page = 10_000;
  for (let off = 0; off < total.n; off += page) {
    await q(
      `insert into events (at, actor_user_id, actor_username, type, subject_type, subject_id, region_code, unit_id, payload)
       select p.assigned_at + k * interval '3 days', gen_random_uuid(), 'bench',
              case when k <= 5 then ($2::text[])[k]
                   when k = 19 and p.closed_at is not null then 'problem.rated'
                   when k = 20 and p.closed_at is not null then 'problem.looked_back'
                   else 'problem.progress_reported' end,
              'problem', p.id::text, p.region_code, p.lead_unit_id,
              case when k = 19 then jsonb_build_object('input', jsonb_build_object('value', case when random() < 0.9 then 'satisfied' else 'dissatisfied' end))
                   when k = 20 then jsonb_build_object('input', jsonb_build_object('result', case when random() < 0.05 then 'rebounded' else 'sustained' end))
                   else '{}'::jsonb end
         from (select * from problems order by id offset $1 limit ${page}) p cross join generate_series(1, 20) k`,
      [off, types],
    );
    log(`events for ${Math.min(off + page, total.n)}/${total.n} problems`);
  }
  // As autovacuum would after a bulk load: statistics, and the visibility map for index-only scans. On PostgreSQL a
  // checkpoint then writes the loaded pages out, so the checkpointer does not run during the timings.
  await q('vacuum analyze');
  if (database.engine === 'postgres') await q('checkpoint');
  return Number(((await q('select count(*)::int n from events')).rows[0] as { n: number }).n);
}

export async function run(opts: { engine: 'pglite' | 'postgres'; scale: number }) {
  const problems = Math.round(100_000 * opts.scale);
  const { database, reused, cleanup } = await open(opts.engine);
  try {
    await migrateDatabase(database);
    let events: number;
    if (reused) {
      const count = async (table: string) =>
        Number(((await database.sql.query(`select count(*)::int n from ${table}`)).rows[0] as { n: number }).n);
      if ((await count('problems')) !== problems)
        throw new Error(`${KEPT_DATABASE} holds another scale: drop it first`);
      events = await count('events');
      await database.sql.query('vacuum analyze');
      log(`reusing ${KEPT_DATABASE}: ${problems} problems, ${events} events`);
    } else {
      await loadRegions(database.db, '330100');
      const t0 = performance.now();
      events = await seed(database, problems);
      log(`seeded ${problems} problems, ${events} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const period = { from: new Date(Date.now() - 365 * 86_400_000), to: new Date() };
    const time = async (regionPrefix: string) => {
      const ms: number[] = [];
      await computeKpis(database.db, Scope.system(), { regionPrefix }, period);
      for (let i = 0; i < 20; i++) {
        const s = performance.now();
        await computeKpis(database.db, Scope.system(), { regionPrefix }, period);
        ms.push(performance.now() - s);
      }
      return { median: round(quantile(ms, 0.5)), p95: round(quantile(ms, 0.95)) };
    };
    const city = await time('3301');
    const county = await time('330110');
    log(`city median ${city.median} ms p95 ${city.p95} ms; county median ${county.median} ms p95 ${county.p95} ms`);
    return {
      problems,
      events,
      cityMedianMs: city.median,
      cityP95Ms: city.p95,
      countyMedianMs: county.median,
      countyP95Ms: county.p95,
    };
  } finally {
    await cleanup();
  }
}
