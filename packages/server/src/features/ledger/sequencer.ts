import type { Database } from '@rectify/db';
import { Ledger, SqlLedgerStore } from '@rectify/ledger';
import { encodeEventLeaf, eventFromRow, EVENT_COLUMNS, type EventRow } from './leaf.ts';
import { rawExecutor } from './sql-executor.ts';

/**
 * Advisory lock key taken (transaction-scoped) by every sequencer batch, so several server processes on one
 * PostgreSQL database append one batch at a time. "rectify-ledger" in ASCII, truncated to fit a bigint.
 */
export const SEQUENCER_LOCK = 0x7265637469667920n;

export interface BatchResult {
  /** Leaves appended by this batch (0 → the outbox was empty). */
  appended: number;
  /** Index of the first appended leaf. */
  firstIndex: number;
  /** Tree size after the batch. */
  size: number;
}

/**
 * Moves up to `batchSize` events from `ledger_outbox` into the log, in event-id order, in ONE transaction: takes the
 * sequencer lock, appends one leaf per event (SqlLedgerStore on the transaction), records `ledger_event_leaves`,
 * deletes the outbox rows. Either all of it commits or none: an event without a leaf stays in the outbox, and an
 * event leaves the outbox in the same commit that gives it a leaf, so it cannot be sequenced twice.
 */
export async function sequenceBatch(database: Database, batchSize: number): Promise<BatchResult> {
  return database.db.transaction(async (tx) => {
    const sql = rawExecutor(tx);
    await sql.query('SELECT pg_advisory_xact_lock($1::bigint)', [SEQUENCER_LOCK.toString()]);
    const { rows } = await sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ledger_outbox o JOIN events e ON e.id = o.event_id
        ORDER BY o.event_id LIMIT $1::int`,
      [batchSize],
    );
    const ledger = new Ledger(new SqlLedgerStore(sql));
    if (rows.length === 0) {
      const size = await ledger.size();
      return { appended: 0, firstIndex: size, size };
    }
    const ids = rows.map((r) => r.id);
    const { firstIndex, size } = await ledger.append(rows.map((r) => encodeEventLeaf(eventFromRow(r))));
    await sql.query(
      `INSERT INTO ledger_event_leaves (event_id, leaf_idx)
       SELECT e, $2::bigint + ord - 1 FROM unnest($1::bigint[]) WITH ORDINALITY AS t(e, ord)`,
      [ids, String(firstIndex)],
    );
    const deleted = await sql.query<{ n: number }>(
      'WITH d AS (DELETE FROM ledger_outbox WHERE event_id = ANY($1::bigint[]) RETURNING 1) SELECT count(*)::int AS n FROM d',
      [ids],
    );
    // Under the lock nobody else deletes outbox rows; a mismatch means something is badly wrong: roll back.
    if (deleted.rows[0]?.n !== ids.length)
      throw new Error(`outbox changed under the sequencer lock (${deleted.rows[0]?.n} of ${ids.length})`);
    return { appended: rows.length, firstIndex, size };
  });
}

/** Runs batches until the outbox is empty (or `maxBatches` ran). Returns the total appended and the final size. */
export async function sequenceOutbox(
  database: Database,
  opts: { batchSize: number; maxBatches?: number },
): Promise<{ appended: number; batches: number; size: number }> {
  let appended = 0;
  let batches = 0;
  let size = 0;
  for (;;) {
    const r = await sequenceBatch(database, opts.batchSize);
    size = r.size;
    if (r.appended === 0) break;
    appended += r.appended;
    batches++;
    if (r.appended < opts.batchSize || batches >= (opts.maxBatches ?? Infinity)) break;
  }
  return { appended, batches, size };
}
