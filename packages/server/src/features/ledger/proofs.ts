import type { Database } from '@rectify/db';
import { eventsOfSubject, findPublishedProblem, Scope } from '@rectify/db';
import {
  decodeBase64Strict,
  Ledger,
  NodeCache,
  rootFromInclusionProof,
  SqlLedgerStore,
  bytesEqual,
  verifyConsistency,
} from '@rectify/ledger';
import { publicProblemEvents } from '../public/presenter.ts';
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
 * One node cache per database, shared by every proof this process serves. It holds only complete-subtree hashes read
 * from committed rows, which never change (NodeCache), so processes sharing a database need no coordination. Each
 * proof is checked against the signed root before it leaves; a mismatch (a database restored or edited behind the
 * log's back) drops the cache and the proof is read again from the database.
 */
const caches = new WeakMap<Database, NodeCache>();

function nodeCache(database: Database): NodeCache {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new NodeCache()));
  return cache;
}

// On PostgreSQL the proof read is a named prepared statement: parsed and planned once per connection.
const provingLedger = (database: Database) =>
  new Ledger(new SqlLedgerStore(database.sql, { namedStatements: database.engine === 'postgres' }), {
    cache: nodeCache(database),
  });
const directLedger = (database: Database) => new Ledger(new SqlLedgerStore(database.sql));

async function inclusionProof(
  database: Database,
  index: number,
  leafHash: Uint8Array,
  checkpoint: PublishedCheckpoint,
) {
  const root = decodeBase64Strict(checkpoint.root);
  const proof = await provingLedger(database).inclusionProof(index, checkpoint.size);
  const reached = rootFromInclusionProof(index, checkpoint.size, leafHash, proof);
  if (root && bytesEqual(reached, root)) return proof;
  nodeCache(database).clear();
  // Whatever the database holds, even when it does not verify: `ledger audit` names the discrepancy.
  return directLedger(database).inclusionProof(index, checkpoint.size);
}

interface LoggedEvent {
  id: number;
  at: Date;
  type: string;
}

/** Each event's place in the log and, once a checkpoint covers it, its inclusion proof against the latest one. */
async function proofsOfEvents(database: Database, events: readonly LoggedEvent[]) {
  const checkpoint = (await latestCheckpoint(database)) ?? null;
  const { rows } = events.length
    ? await database.sql.query<{ event_id: string; idx: string; data: Uint8Array; hash: Uint8Array }>(
        `SELECT m.event_id::text AS event_id, l.idx::text AS idx, l.data, l.hash
           FROM ledger_event_leaves m JOIN ledger_leaves l ON l.idx = m.leaf_idx
          WHERE m.event_id = ANY($1::bigint[])`,
        [events.map((e) => String(e.id))],
      )
    : { rows: [] };
  const leaves = new Map(rows.map((r) => [Number(r.event_id), { index: Number(r.idx), data: r.data, hash: r.hash }]));
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
      inclusionProof: inTree ? (await inclusionProof(database, leaf.index, leaf.hash, checkpoint)).map(b64) : null,
    });
  }
  return { checkpoint, events: out };
}

/**
 * The events of one item that `scope` may see, each with its leaf and an inclusion proof against the latest
 * checkpoint. Undefined when the caller sees no event of the item (unknown, or outside the scope: the same answer).
 */
export async function subjectProofs(database: Database, scope: Scope, subjectType: string, subjectId: string) {
  const events = await eventsOfSubject(database.db, scope, subjectType, subjectId);
  if (events.length === 0) return undefined;
  return proofsOfEvents(database, events);
}

/**
 * The public events of a published problem (the rule of the portal's pages, `publicProblemEvents`) with their leaf
 * index, leaf hash and inclusion proof — not the leaf bytes: a leaf holds the whole event, unmasked, with its actor.
 * Undefined when the problem is not published.
 */
export async function publishedProblemProofs(database: Database, problemId: string) {
  const found = await findPublishedProblem(database.db, problemId);
  if (!found) return undefined;
  const events = await eventsOfSubject(database.db, Scope.system(), 'problem', problemId);
  const shown = publicProblemEvents(found.problem, found.publication, events);
  const chosen = [shown.plan, ...shown.progress, shown.verified]
    .filter((e) => e !== undefined)
    .sort((a, b) => a.id - b.id);
  const { checkpoint, events: proofs } = await proofsOfEvents(database, chosen);
  return { checkpoint, events: proofs.map(({ leaf: _leaf, ...rest }) => rest) };
}

/** Consistency proof between two published checkpoints. Precondition: from.size ≤ to.size. */
export async function consistencyBetween(
  database: Database,
  from: PublishedCheckpoint,
  to: PublishedCheckpoint,
): Promise<string[]> {
  if (from.size === to.size) return [];
  const check = (proof: Uint8Array[]) => {
    try {
      verifyConsistency(from.size, to.size, proof, decodeBase64Strict(from.root)!, decodeBase64Strict(to.root)!);
      return true;
    } catch {
      return false;
    }
  };
  const proof = await provingLedger(database).consistencyProof(from.size, to.size);
  if (check(proof)) return proof.map(b64);
  nodeCache(database).clear();
  return (await directLedger(database).consistencyProof(from.size, to.size)).map(b64);
}
