import type { Database, Scope } from '@rectify/db';
import { eventsOfSubject } from '@rectify/db';
import { Ledger, SqlLedgerStore } from '@rectify/ledger';
import { checkpointOf } from './checkpoints.ts';

const b64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

export interface PublishedCheckpoint {
  origin: string;
  size: number;
  root: string;
  note: string;
}

function published(note: string): PublishedCheckpoint {
  const cp = checkpointOf(note);
  return { origin: cp.origin, size: cp.size, root: cp.root, note };
}

export async function latestCheckpoint(database: Database): Promise<PublishedCheckpoint | undefined> {
  const cp = await new SqlLedgerStore(database.sql).latestCheckpoint();
  return cp && published(cp.note);
}

/** The published checkpoint of exactly `size` leaves, if any. */
export async function checkpointOfSize(database: Database, size: number): Promise<PublishedCheckpoint | undefined> {
  const { rows } = await database.sql.query<{ note: string }>(
    'SELECT note FROM ledger_checkpoints WHERE size = $1::bigint',
    [String(size)],
  );
  return rows[0] && published(rows[0].note);
}

/**
 * The events of one item that `scope` may see, each with its leaf and an inclusion proof against the latest
 * checkpoint. Undefined when the caller sees no event of the item (unknown, or outside the scope: the same answer).
 */
export async function subjectProofs(database: Database, scope: Scope, subjectType: string, subjectId: string) {
  const events = await eventsOfSubject(database.db, scope, subjectType, subjectId);
  if (events.length === 0) return undefined;
  const checkpoint = (await latestCheckpoint(database)) ?? null;
  const { rows } = await database.sql.query<{ event_id: string; idx: string; data: Uint8Array; hash: Uint8Array }>(
    `SELECT m.event_id::text AS event_id, l.idx::text AS idx, l.data, l.hash
       FROM ledger_event_leaves m JOIN ledger_leaves l ON l.idx = m.leaf_idx
      WHERE m.event_id = ANY($1::bigint[])`,
    [events.map((e) => String(e.id))],
  );
  const leaves = new Map(rows.map((r) => [Number(r.event_id), { index: Number(r.idx), data: r.data, hash: r.hash }]));
  const ledger = new Ledger(new SqlLedgerStore(database.sql));
  const out = [];
  for (const e of events) {
    const leaf = leaves.get(e.id);
    const inTree = leaf !== undefined && checkpoint !== null && leaf.index < checkpoint.size;
    out.push({
      eventId: e.id,
      at: e.at.toISOString(),
      type: e.type,
      status: leaf === undefined ? ('pending' as const) : inTree ? ('published' as const) : ('sequenced' as const),
      leafIndex: leaf?.index ?? null,
      leaf: leaf ? b64(leaf.data) : null,
      leafHash: leaf ? b64(leaf.hash) : null,
      inclusionProof: inTree ? (await ledger.inclusionProof(leaf.index, checkpoint.size)).map(b64) : null,
    });
  }
  return { checkpoint, events: out };
}

/** Consistency proof between two published checkpoints. Precondition: from.size ≤ to.size. */
export async function consistencyBetween(
  database: Database,
  from: PublishedCheckpoint,
  to: PublishedCheckpoint,
): Promise<string[]> {
  if (from.size === to.size) return [];
  return (await new Ledger(new SqlLedgerStore(database.sql)).consistencyProof(from.size, to.size)).map(b64);
}
