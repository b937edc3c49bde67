import { AppendConflictError, InvalidArgumentError, StoreInconsistencyError } from '../errors.ts';
import type { NodeId } from '../tree/node-id.ts';
import { rangeNodes } from '../tree/node-id.ts';
import { LEDGER_SCHEMA_SQL } from './sql-schema.ts';
import type { LevelRange } from './node-cache.ts';
import type { AppendBatch, LeafRecord, LedgerStore, StoredCheckpoint } from './types.ts';

/**
 * The only database capability needed. Satisfied by `@electric-sql/pglite` (PGlite and its
 * transactions) and by `pg` Pool / Client.
 */
export interface SqlExecutor {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

// pg returns int8 as strings and PGlite as numbers; every bigint is selected ::text and parsed.
// ORDER BY always names the table column: an output alias of the same name would sort as text.
function toSafe(v: string | number, what: string): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isSafeInteger(n)) throw new StoreInconsistencyError(`${what} ${v} is not a safe integer`);
  return n;
}

function bytes(v: Uint8Array): Uint8Array {
  // pg gives Buffers, PGlite Uint8Arrays; normalise so callers can compare with bytesEqual.
  return v instanceof Buffer ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : v;
}

const UNIQUE_VIOLATION = '23505';

/**
 * LedgerStore on PostgreSQL (or PGlite) through a `SqlExecutor`. Tables come from
 * LEDGER_SCHEMA_SQL (call `migrate()` or run it with your own migrations).
 * Each append is one INSERT statement (leaves and nodes together through a data-modifying CTE),
 * so it is atomic even on a pool without an explicit transaction; a concurrent writer that took
 * the same indices makes it fail with AppendConflictError. To append inside a caller's
 * transaction, construct the store with that transaction's executor.
 */
export class SqlLedgerStore implements LedgerStore {
  /**
   * `opts.namedStatements` (node-postgres only: a `pg` Pool or Client): send the proof read (`readNodes`) as a named
   * prepared statement, so each connection parses and plans it once instead of on every proof.
   */
  constructor(
    private readonly db: SqlExecutor,
    private readonly opts: { namedStatements?: boolean } = {},
  ) {}

  /** Creates the tables if absent. */
  async migrate(): Promise<void> {
    // One statement per query: PGlite's query() uses the extended protocol, which refuses several.
    for (const stmt of LEDGER_SCHEMA_SQL.split(';').map((s) => s.trim()).filter((s) => s !== '')) await this.db.query(stmt);
  }

  async size(): Promise<number> {
    const { rows } = await this.db.query<{ size: string }>('SELECT coalesce(max(idx) + 1, 0)::text AS size FROM ledger_leaves');
    return toSafe(rows[0]!.size, 'size');
  }

  async appendBatch(batch: AppendBatch): Promise<void> {
    if (batch.leaves.length === 0) return;
    const idx = batch.leaves.map((_, i) => String(batch.start + i));
    try {
      await this.db.query(
        `WITH guard AS (
           SELECT 1 WHERE (SELECT coalesce(max(idx) + 1, 0) FROM ledger_leaves) = $1::bigint
         ), l AS (
           INSERT INTO ledger_leaves (idx, data, hash)
           SELECT i, d, h FROM unnest($2::bigint[], $3::bytea[], $4::bytea[]) AS t(i, d, h), guard
           RETURNING 1
         ), n AS (
           INSERT INTO ledger_nodes (level, idx, hash)
           SELECT lv, i, h FROM unnest($5::smallint[], $6::bigint[], $7::bytea[]) AS t(lv, i, h), guard
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM l)::int AS leaves, (SELECT count(*) FROM n)::int AS nodes`,
        [
          String(batch.start),
          idx,
          batch.leaves.map((l) => l.data),
          batch.leaves.map((l) => l.hash),
          batch.nodes.map((n) => n.level),
          batch.nodes.map((n) => String(n.index)),
          batch.nodes.map((n) => n.hash),
        ],
      ).then(({ rows }) => {
        const r = rows[0] as { leaves: number } | undefined;
        // The guard made the INSERTs empty: the log is not at batch.start.
        if (r === undefined || r.leaves !== batch.leaves.length) throw new AppendConflictError(`log is not at size ${batch.start}`);
      });
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) throw new AppendConflictError(`leaves from ${batch.start} were appended concurrently`, { cause: e });
      throw e;
    }
  }

  async readFrontier(): Promise<{ size: number; hashes: Uint8Array[] }> {
    // One round trip: the size, and for every set bit b of it the node (b, (size >> b) - 1).
    const { rows } = await this.db.query<{ size: string; level: number | null; hash: Uint8Array | null }>(
      `WITH s AS (SELECT coalesce(max(idx) + 1, 0) AS size FROM ledger_leaves)
       SELECT s.size::text AS size, f.level, f.hash FROM s LEFT JOIN LATERAL (
         SELECT g.b AS level, n.hash FROM generate_series(1, 62) AS g(b)
           JOIN ledger_nodes n ON n.level = g.b AND n.idx = (s.size >> g.b) - 1
          WHERE ((s.size >> g.b) & 1) = 1
         UNION ALL
         SELECT 0, l.hash FROM ledger_leaves l WHERE (s.size & 1) = 1 AND l.idx = s.size - 1
       ) f ON true
       ORDER BY f.level DESC`,
    );
    const size = toSafe(rows[0]!.size, 'size');
    const hashes = rows.filter((r) => r.hash !== null).map((r) => bytes(r.hash!));
    if (hashes.length !== rangeNodes(0, size).length) throw new StoreInconsistencyError(`frontier of size ${size} is incomplete`);
    return { size, hashes };
  }

  async readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    if (ids.length === 0) return [];
    const text = `SELECT n.level::int AS level, n.idx::text AS idx, n.hash FROM ledger_nodes n
         JOIN unnest($1::smallint[], $2::bigint[]) AS q(lv, i) ON n.level = q.lv AND n.idx = q.i
       UNION ALL
       SELECT 0, l.idx::text, l.hash FROM ledger_leaves l WHERE l.idx = ANY($3::bigint[])`;
    const values = [ids.filter((i) => i.level > 0).map((i) => i.level), ids.filter((i) => i.level > 0).map((i) => String(i.index)), ids.filter((i) => i.level === 0).map((i) => String(i.index))];
    type Row = { level: number; idx: string; hash: Uint8Array };
    const { rows } = this.opts.namedStatements
      ? await (this.db as unknown as { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }> }).query({ name: 'rectify_ledger_read_nodes', text, values })
      : await this.db.query<Row>(text, values);
    const map = new Map(rows.map((r) => [`${r.level}/${r.idx}`, bytes(r.hash)]));
    return ids.map((id) => {
      const h = map.get(`${id.level}/${id.index}`);
      if (h === undefined) throw new StoreInconsistencyError(`missing node ${id.level}/${id.index}`);
      return h;
    });
  }

  /** Nodes `ids` and level ranges as far as they exist, in one query (NodeCache's fill; NodeSource). */
  async readNodesAndLevels(ids: readonly NodeId[], ranges: readonly LevelRange[]): Promise<{ nodes: Uint8Array[]; levels: Uint8Array[][] }> {
    for (const r of ranges) if (r.start > r.end) throw new InvalidArgumentError(`bad range [${r.start}, ${r.end})`);
    const inner = ids.filter((i) => i.level > 0);
    const leafRange = ranges.find((r) => r.level === 0);
    const nodeRanges = ranges.filter((r) => r.level > 0);
    const text = `SELECT n.level::int AS level, n.idx::text AS idx, n.hash FROM ledger_nodes n
         JOIN unnest($1::smallint[], $2::bigint[]) AS q(lv, i) ON n.level = q.lv AND n.idx = q.i
       UNION ALL
       SELECT 0, l.idx::text, l.hash FROM ledger_leaves l WHERE l.idx = ANY($3::bigint[])
       UNION ALL
       SELECT n.level::int, n.idx::text, n.hash FROM ledger_nodes n
         JOIN unnest($4::smallint[], $5::bigint[], $6::bigint[]) AS r(lv, s, e) ON n.level = r.lv AND n.idx >= r.s AND n.idx < r.e
       UNION ALL
       SELECT 0, l.idx::text, l.hash FROM ledger_leaves l WHERE l.idx >= $7::bigint AND l.idx < $8::bigint`;
    const values = [
      inner.map((i) => i.level),
      inner.map((i) => String(i.index)),
      ids.filter((i) => i.level === 0).map((i) => String(i.index)),
      nodeRanges.map((r) => r.level),
      nodeRanges.map((r) => String(r.start)),
      nodeRanges.map((r) => String(r.end)),
      String(leafRange?.start ?? 0),
      String(leafRange?.end ?? 0),
    ];
    type Row = { level: number; idx: string; hash: Uint8Array };
    const { rows } = this.opts.namedStatements
      ? await (this.db as unknown as { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }> }).query({ name: 'rectify_ledger_read_nodes_levels', text, values })
      : await this.db.query<Row>(text, values);
    // A node asked for both singly and in a range comes back twice with the same hash: one map serves both.
    const map = new Map(rows.map((r) => [`${r.level}/${r.idx}`, bytes(r.hash)]));
    const at = (level: number, index: number) => {
      const h = map.get(`${level}/${index}`);
      if (h === undefined) throw new StoreInconsistencyError(`missing node ${level}/${index}`);
      return h;
    };
    const present = (r: LevelRange) => {
      const out: Uint8Array[] = [];
      for (let k = r.start; k < r.end; k++) {
        const h = map.get(`${r.level}/${k}`);
        if (h === undefined) break; // the right edge: a level's nodes are contiguous from 0
        out.push(h);
      }
      return out;
    };
    return { nodes: ids.map((id) => at(id.level, id.index)), levels: ranges.map(present) };
  }

  async readLevel(level: number, start: number, end: number): Promise<Uint8Array[]> {
    if (start > end) throw new InvalidArgumentError(`bad range [${start}, ${end})`);
    if (start === end) return [];
    const { rows } =
      level === 0
        ? await this.db.query<{ hash: Uint8Array }>('SELECT hash FROM ledger_leaves WHERE idx >= $1::bigint AND idx < $2::bigint ORDER BY idx', [String(start), String(end)])
        : await this.db.query<{ hash: Uint8Array }>('SELECT hash FROM ledger_nodes WHERE level = $1::smallint AND idx >= $2::bigint AND idx < $3::bigint ORDER BY idx', [level, String(start), String(end)]);
    if (rows.length !== end - start) throw new StoreInconsistencyError(`level ${level} has ${rows.length} of ${end - start} nodes in [${start}, ${end})`);
    return rows.map((r) => bytes(r.hash));
  }

  async readLeaves(start: number, end: number): Promise<LeafRecord[]> {
    if (start > end) throw new InvalidArgumentError(`bad range [${start}, ${end})`);
    if (start === end) return [];
    const { rows } = await this.db.query<{ idx: string; data: Uint8Array; hash: Uint8Array }>(
      'SELECT l.idx::text AS idx, l.data, l.hash FROM ledger_leaves l WHERE l.idx >= $1::bigint AND l.idx < $2::bigint ORDER BY l.idx',
      [String(start), String(end)],
    );
    if (rows.length !== end - start) throw new StoreInconsistencyError(`${rows.length} of ${end - start} leaves in [${start}, ${end})`);
    return rows.map((r) => ({ index: toSafe(r.idx, 'index'), data: bytes(r.data), hash: bytes(r.hash) }));
  }

  async putCheckpoint(cp: StoredCheckpoint): Promise<void> {
    await this.db.query('INSERT INTO ledger_checkpoints (size, note) VALUES ($1::bigint, $2) ON CONFLICT (size) DO NOTHING', [String(cp.size), cp.note]);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const { rows } = await this.db.query<{ size: string; note: string }>('SELECT c.size::text AS size, c.note FROM ledger_checkpoints c ORDER BY c.size DESC LIMIT 1');
    const r = rows[0];
    return r === undefined ? undefined : { size: toSafe(r.size, 'size'), note: r.note };
  }
}
