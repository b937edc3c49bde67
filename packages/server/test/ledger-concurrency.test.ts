import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendEvent, openDatabase, type Database } from '@rectify/db';
import { auditLedger } from '../src/features/ledger/audit.ts';
import { sequenceOutbox } from '../src/features/ledger/sequencer.ts';
import { ledgerService, startLedgerPlatform } from './ledger-helpers.ts';

/**
 * Several sequencers at once (on PostgreSQL: separate pool connections, and a second pool standing in for a second
 * server process) while events keep arriving: every event gets exactly one leaf, none is skipped.
 */

let t: Awaited<ReturnType<typeof startLedgerPlatform>>;
let second: Database | undefined;
beforeAll(async () => {
  t = await startLedgerPlatform();
  if (t.database.engine === 'postgres') {
    const name = (await t.database.sql.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    second = await openDatabase({ url: url.toString(), poolSize: 4 });
  }
});
afterAll(async () => {
  await second?.close();
  await t.close();
});

async function writeEvents(n: number, tag: string) {
  for (let i = 0; i < n; i += 10) {
    await t.database.db.transaction(async (tx) => {
      for (let j = i; j < Math.min(n, i + 10); j++) {
        await appendEvent(tx, {
          actorUserId: null,
          actorUsername: 'loader',
          type: 'test.concurrent',
          subjectType: 'test',
          subjectId: `${tag}-${j}`,
          regionCode: '330500',
          payload: { j },
        });
      }
    });
  }
}

const q = async (sql: string) =>
  Number((await t.database.sql.query<{ n: string }>(`SELECT (${sql})::text AS n`)).rows[0]!.n);

it('never duplicates or skips a leaf with several sequencers running at once', async () => {
  const base = await q('SELECT count(*) FROM events'); // the demo seed's events
  await writeEvents(200, 'before');
  const dbs = [t.database, second ?? t.database];
  const t0 = performance.now();
  const runs = Array.from({ length: 8 }, (_, i) => sequenceOutbox(dbs[i % 2]!, { batchSize: 17 }));
  const writer = writeEvents(300, 'during');
  const results = await Promise.all([...runs, writer.then(() => undefined)]);
  // Whatever arrived after the last run looked at the outbox.
  await Promise.all([sequenceOutbox(dbs[0]!, { batchSize: 50 }), sequenceOutbox(dbs[1]!, { batchSize: 50 })]);
  const ms = performance.now() - t0;

  const n = base + 500;
  expect(await q('SELECT count(*) FROM events')).toBe(n);
  expect(await q('SELECT count(*) FROM ledger_outbox')).toBe(0);
  expect(await q('SELECT count(*) FROM ledger_leaves')).toBe(n);
  expect(await q('SELECT count(DISTINCT leaf_idx) FROM ledger_event_leaves')).toBe(n);
  expect(await q('SELECT max(leaf_idx) FROM ledger_event_leaves')).toBe(n - 1);
  const appended = results.reduce((s, r) => s + (r?.appended ?? 0), 0);
  expect(appended).toBeGreaterThan(0);

  const service = ledgerService(t);
  await service.checkpoint();
  const report = await auditLedger(t.database, { vkey: service.key.vkey });
  expect(report.discrepancies).toEqual([]);
  expect(report).toMatchObject({ ok: true, events: n, leaves: n, pending: 0 });
  console.log(
    `[ledger] ${t.database.engine}: 500 events sequenced by 10 concurrent sequencers while written, ${ms.toFixed(0)} ms`,
  );
});

it('sequences a large backlog in batches (throughput)', async () => {
  await writeEvents(2000, 'bulk');
  const t0 = performance.now();
  const r = await sequenceOutbox(t.database, { batchSize: 500 });
  const ms = performance.now() - t0;
  expect(r.appended).toBe(2000);
  expect(r.batches).toBe(4);
  const service = ledgerService(t);
  const c0 = performance.now();
  await service.checkpoint();
  const signMs = performance.now() - c0;
  const a0 = performance.now();
  const report = await auditLedger(t.database, { vkey: service.key.vkey });
  const auditMs = performance.now() - a0;
  expect(report.ok).toBe(true);
  console.log(
    `[ledger] ${t.database.engine}: sequenced 2000 events in ${ms.toFixed(0)} ms (${((2000 / ms) * 1000).toFixed(0)}/s); ` +
      `checkpoint ${signMs.toFixed(0)} ms; audit of ${report.leaves} leaves ${auditMs.toFixed(0)} ms`,
  );
});
