import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppendConflictError,
  LEDGER_SCHEMA_SQL,
  Ledger,
  MemoryLedgerStore,
  SqlLedgerStore,
  generateSignerKey,
  parseSignerKey,
  verifyConsistency,
  verifyInclusion,
  verifyLog,
  writeTiles,
  hashLeaf,
  NodeCache,
} from '../../src/index.ts';

let db: PGlite;
let sql: SqlLedgerStore;
const mem = new MemoryLedgerStore();
const sqlLedger = () => new Ledger(sql);
const memLedger = new Ledger(mem);
const N = 3000;
const data = Array.from({ length: N }, (_, i) => new TextEncoder().encode(`event ${i} ${'·'.repeat(i % 17)}`));

beforeAll(async () => {
  db = new PGlite();
  sql = new SqlLedgerStore(db);
  await sql.migrate();
  await sql.migrate(); // idempotent
  // Uneven batches so that batch boundaries fall everywhere relative to subtree boundaries.
  let i = 0;
  for (const n of [1, 2, 5, 250, 7, 1, 1024, 3, 700, 1007]) {
    await sqlLedger().append(data.slice(i, i + n));
    await memLedger.append(data.slice(i, i + n));
    i += n;
  }
  expect(i).toBe(N);
}, 120_000);

afterAll(async () => {
  await db.close();
});

describe('SqlLedgerStore on PGlite', () => {
  it('declares prefixed tables with bytea columns', () => {
    expect(LEDGER_SCHEMA_SQL).toMatch(/CREATE TABLE IF NOT EXISTS ledger_leaves/);
    expect(LEDGER_SCHEMA_SQL).toMatch(/hash bytea NOT NULL/);
  });

  it('stores every leaf and n - popcount(n) interior nodes', async () => {
    expect(await sql.size()).toBe(N);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_nodes');
    expect(rows[0]!.n).toBe(N - N.toString(2).split('').filter((b) => b === '1').length);
  });

  it('gives the same roots as the in-memory store at every size', async () => {
    for (let n = 0; n <= N; n += n < 300 ? 1 : 97) expect(await sqlLedger().root(n), `size ${n}`).toEqual(await memLedger.root(n));
    expect(await sqlLedger().root()).toEqual(await memLedger.root());
  });

  it('gives the same frontier', async () => {
    expect(await sql.readFrontier()).toEqual(await mem.readFrontier());
  });

  it('gives the same inclusion and consistency proofs, and they verify', async () => {
    const root = await memLedger.root();
    for (const i of [0, 1, 2, 255, 256, 1000, 1023, 1024, 2999]) {
      const p = await sqlLedger().inclusionProof(i);
      expect(p).toEqual(await memLedger.inclusionProof(i));
      verifyInclusion(i, N, hashLeaf(data[i]!), p, root);
    }
    for (const [a, b] of [[1, N], [7, 8], [255, 1300], [1024, 2048], [2047, N], [N, N]] as const) {
      const p = await sqlLedger().consistencyProof(a, b);
      expect(p).toEqual(await memLedger.consistencyProof(a, b));
      verifyConsistency(a, b, p, await memLedger.root(a), await memLedger.root(b));
    }
  });

  it('reads leaves and levels in order', async () => {
    const leaves = await sql.readLeaves(1000, 1003);
    expect(leaves.map((l) => l.index)).toEqual([1000, 1001, 1002]);
    expect(leaves[1]!.data).toEqual(data[1001]);
    expect(await sql.readLevel(8, 0, 11)).toEqual(await mem.readLevel(8, 0, 11));
    // Across decimal-length boundaries (a text sort would give 10, 11, 8, 9).
    expect((await sql.readLeaves(8, 12)).map((l) => l.index)).toEqual([8, 9, 10, 11]);
    expect(await sql.readLeaves(0, 300)).toEqual(await mem.readLeaves(0, 300));
  });

  it('latest checkpoint is the numerically largest', async () => {
    await sql.putCheckpoint({ size: 9, note: 'nine' });
    await sql.putCheckpoint({ size: 10, note: 'ten' });
    expect(await sql.latestCheckpoint()).toEqual({ size: 10, note: 'ten' });
  });

  it('refuses a batch at a stale position without writing anything', async () => {
    const before = await sql.size();
    await expect(sql.appendBatch({ start: before - 1, leaves: [{ data: Uint8Array.of(1), hash: hashLeaf(Uint8Array.of(1)) }], nodes: [] })).rejects.toThrow(AppendConflictError);
    await expect(sql.appendBatch({ start: before + 1, leaves: [{ data: Uint8Array.of(1), hash: hashLeaf(Uint8Array.of(1)) }], nodes: [] })).rejects.toThrow(AppendConflictError);
    expect(await sql.size()).toBe(before);
  });

  it('stores checkpoints and publishes tiles that verify', async () => {
    const key = parseSignerKey(generateSignerKey('example.org/sql').skey);
    const note = await sqlLedger().signCheckpoint('example.org/sql', [key]);
    expect((await sql.latestCheckpoint())?.note).toBe(note);
    const dir = await mkdtemp(join(tmpdir(), 'ledger-sql-tiles-'));
    try {
      await writeTiles(dir, sql, note, { tilesPerRead: 3 });
      expect(await verifyLog(dir, [key.vkey])).toMatchObject({ ok: true, size: N, entryBundles: 12 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('appends inside a caller transaction and rolls back with it', async () => {
    const before = await sql.size();
    await expect(
      db.transaction(async (tx) => {
        await new Ledger(new SqlLedgerStore(tx)).append([Uint8Array.of(9)]);
        expect(await new SqlLedgerStore(tx).size()).toBe(before + 1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await sql.size()).toBe(before);
  });
});

describe('SqlLedgerStore with named statements (node-postgres)', () => {
  it('sends the proof read as one named statement and gives the same proofs', async () => {
    const sent: { name: string; text: string; values: unknown[] }[] = [];
    // node-postgres's query(config) form, answered by PGlite underneath.
    const pgLike = {
      query: async (q: string | { name: string; text: string; values: unknown[] }, params?: unknown[]) => {
        if (typeof q === 'string') return db.query(q, params);
        sent.push(q);
        return db.query(q.text, q.values);
      },
    };
    const named = new Ledger(new SqlLedgerStore(pgLike as never, { namedStatements: true }));
    for (const [index, size] of [[0, N], [1234, N], [N - 1, N], [5, 17]] as const)
      expect(await named.inclusionProof(index, size)).toEqual(await memLedger.inclusionProof(index, size));
    expect(await named.consistencyProof(1000, N)).toEqual(await memLedger.consistencyProof(1000, N));
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((q) => q.name))).toEqual(new Set(['rectify_ledger_read_nodes']));

    // Through a node cache: a proof reads what it lacks in one named query; the cache fills behind it with nodes and
    // whole level ranges in one named query per round, until the whole tree is in memory.
    sent.length = 0;
    const cache = new NodeCache(1 << 16, 128);
    const cached = new Ledger(new SqlLedgerStore(pgLike as never, { namedStatements: true }), { cache });
    const proofReads = () => sent.filter((q) => q.name === 'rectify_ledger_read_nodes').length;
    for (let k = 0; k < 60; k++) {
      const index = (k * 7919) % N;
      const size1 = 1 + ((k * 104729) % (N - 1));
      const before = proofReads();
      expect(await cached.inclusionProof(index, N)).toEqual(await memLedger.inclusionProof(index, N));
      expect(await cached.consistencyProof(size1, N)).toEqual(await memLedger.consistencyProof(size1, N));
      expect(proofReads() - before).toBeLessThanOrEqual(2);
    }
    await cache.settled();
    expect(new Set(sent.map((q) => q.name))).toEqual(new Set(['rectify_ledger_read_nodes', 'rectify_ledger_read_nodes_levels']));
    expect(cache.size).toBe(2 * N - N.toString(2).split('').filter((b) => b === '1').length);
    const after = sent.length;
    expect(await cached.inclusionProof(1234, N)).toEqual(await memLedger.inclusionProof(1234, N));
    expect(sent.length).toBe(after);
  });
});
