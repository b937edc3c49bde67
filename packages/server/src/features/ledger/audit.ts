import type { Database } from '@rectify/db';
import {
  bytesEqual,
  CompactRange,
  EMPTY_ROOT,
  hashLeaf,
  Ledger,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  SqlLedgerStore,
  verifyConsistency,
  type CompletedNode,
  type NoteVerifier,
} from '@rectify/ledger';
import { noteBody } from './checkpoints.ts';
import {
  encodeEventLeaf,
  eventFromRow,
  eventIdOfLeaf,
  EVENT_COLUMNS,
  LEAF_PREFIX,
  type EventRow,
  type LedgerEvent,
} from './leaf.ts';

/** What went wrong, most specific name first. */
export type DiscrepancyKind =
  | 'missing_leaf' // a leaf index below the tree size has no row
  | 'leaf_hash' // a leaf's stored hash is not the hash of its bytes
  | 'foreign_leaf' // a leaf that is not an event leaf
  | 'edited' // an event differs from the bytes logged for it
  | 'deleted' // a logged event is gone from the events table
  | 'reordered' // events swapped contents, or the event↔leaf mapping was shuffled
  | 'duplicate' // one event logged twice
  | 'mapping' // ledger_event_leaves disagrees with the leaves
  | 'unlogged' // an event with no leaf that is not waiting in the outbox
  | 'outbox' // an event both logged and still in the outbox
  | 'node' // a stored tree node does not match the leaves
  | 'signature' // a checkpoint not signed by the log key
  | 'fork' // two signed checkpoints of one size with different roots
  | 'checkpoint' // a signed checkpoint the stored tree does not reproduce
  | 'inconsistent'; // a checkpoint not consistent with the latest one

export interface Discrepancy {
  kind: DiscrepancyKind;
  message: string;
  eventId?: number;
  leafIndex?: number;
  size?: number;
}

export interface AuditReport {
  ok: boolean;
  events: number;
  leaves: number;
  pending: number;
  checkpoints: number;
  /** In the order found: events and leaves by leaf index, then the tree, then checkpoints. */
  discrepancies: Discrepancy[];
}

export interface AuditOptions {
  /** The log's verifier key (checkpoint signatures are checked against it). */
  vkey: string;
  /** More signed checkpoints to compare (journal, copies held by witnesses or outside bodies), with a label each. */
  extraNotes?: { source: string; note: string }[];
  /** Leaves read per query. */
  pageSize?: number;
  /** Stop collecting after this many discrepancies. */
  maxDiscrepancies?: number;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** The leaf's fields without the id, to recognise an event's content under another id (a swap). */
function contentKey(leaf: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(leaf);
    if (!text.startsWith(LEAF_PREFIX)) return undefined;
    const o = JSON.parse(text.slice(LEAF_PREFIX.length)) as Record<string, unknown>;
    delete o.id;
    return JSON.stringify(o);
  } catch {
    return undefined;
  }
}

/** Fields of the logged version that differ from the event now. */
function changedFields(leaf: Uint8Array, now: Uint8Array): string[] {
  try {
    const dec = (b: Uint8Array) =>
      JSON.parse(new TextDecoder().decode(b).slice(LEAF_PREFIX.length)) as Record<string, unknown>;
    const a = dec(leaf);
    const b = dec(now);
    return Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  } catch {
    return [];
  }
}

type LeafScanRow = EventRow & { idx: string; data: Uint8Array; hash: Uint8Array; mapped: string | null };

/**
 * Checks the platform's events against its transparency log (docs/ledger.md, "Audit"):
 * every event has exactly one leaf unless it is still in the outbox; every leaf's bytes equal the recomputed encoding
 * of its event (edits), every leaf has its event (deletions), the mapping agrees with the leaves (reordering); the
 * stored tree nodes match the leaves and reproduce every signed checkpoint; every checkpoint is consistent with the
 * latest; no two signed checkpoints of one size differ (fork). Read-only.
 */
export async function auditLedger(database: Database, opts: AuditOptions): Promise<AuditReport> {
  const sql = database.sql;
  const pageSize = opts.pageSize ?? 2048;
  const max = opts.maxDiscrepancies ?? 100;
  const verifier: NoteVerifier = parseVerifierKey(opts.vkey);
  const found: Discrepancy[] = [];
  const add = (d: Discrepancy) => {
    if (found.length < max) found.push(d);
  };

  const store = new SqlLedgerStore(sql);
  const size = await store.size();
  const cpRows = (
    await sql.query<{ size: string; note: string }>(
      'SELECT c.size::text AS size, c.note FROM ledger_checkpoints c ORDER BY c.size',
    )
  ).rows;

  // Sizes whose root we need from the leaves: every checkpoint body's size.
  const notes: { source: string; note: string; size: number; root: Uint8Array; rowSize?: number }[] = [];
  const allNotes = [
    ...cpRows.map((r) => ({ source: `database row ${r.size}`, note: r.note, rowSize: Number(r.size) })),
    ...(opts.extraNotes ?? []).map((n) => ({ ...n, rowSize: undefined })),
  ];
  const signatureProblems: Discrepancy[] = [];
  for (const n of allNotes) {
    try {
      openNote(n.note, [verifier]);
      const cp = parseCheckpoint(noteBody(n.note));
      if (cp.origin !== verifier.name) throw new Error(`origin ${cp.origin} is not ${verifier.name}`);
      notes.push({
        source: n.source,
        note: n.note,
        size: cp.size,
        root: cp.root,
        ...(n.rowSize !== undefined && { rowSize: n.rowSize }),
      });
    } catch (e) {
      signatureProblems.push({
        kind: 'signature',
        message: `checkpoint in ${n.source} is not a valid checkpoint signed by ${verifier.name}: ${(e as Error).message}`,
      });
    }
  }
  const wantedSizes = new Set(notes.map((n) => n.size));
  const rootsFromLeaves = new Map<number, Uint8Array>();
  if (wantedSizes.has(0)) rootsFromLeaves.set(0, EMPTY_ROOT);

  // 1. Leaves in order, each against its event.
  const range = new CompactRange();
  const seen = new Map<number, number>(); // event id → leaf index
  const mismatched: {
    eventId: number;
    leafIndex: number;
    leafKey: string | undefined;
    eventKey: string | undefined;
  }[] = [];
  const nodeProblems: Discrepancy[] = [];
  let next = 0;
  let leafCount = 0;
  for (let start = 0; start < size; start += pageSize) {
    const { rows } = await sql.query<LeafScanRow>(
      `SELECT l.idx::text AS idx, l.data, l.hash, m.event_id::text AS mapped, ${EVENT_COLUMNS}
         FROM ledger_leaves l
         LEFT JOIN ledger_event_leaves m ON m.leaf_idx = l.idx
         LEFT JOIN events e ON e.id = m.event_id
        WHERE l.idx >= $1::bigint AND l.idx < $2::bigint ORDER BY l.idx`,
      [String(start), String(Math.min(size, start + pageSize))],
    );
    // Events named by leaves that lost their mapping row.
    const unmappedIds = rows
      .filter((r) => r.mapped === null)
      .map((r) => eventIdOfLeaf(r.data))
      .filter((id): id is number => id !== undefined);
    const unmapped = new Map<number, LedgerEvent>();
    if (unmappedIds.length > 0) {
      const q = await sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ANY($1::bigint[])`, [
        unmappedIds.map(String),
      ]);
      for (const r of q.rows) unmapped.set(Number(r.id), eventFromRow(r));
    }
    const completed: CompletedNode[] = [];
    for (const r of rows) {
      const idx = Number(r.idx);
      leafCount++;
      for (; next < idx; next++)
        add({ kind: 'missing_leaf', leafIndex: next, message: `leaf ${next} is missing from ledger_leaves` });
      next = idx + 1;
      const data = new Uint8Array(r.data);
      if (!bytesEqual(hashLeaf(data), new Uint8Array(r.hash)))
        add({ kind: 'leaf_hash', leafIndex: idx, message: `leaf ${idx}: stored hash is not the hash of its bytes` });
      // The tree is recomputed from the bytes, so a leaf rewritten together with its hash still changes the roots.
      range.append(hashLeaf(data), (n) => completed.push(n));
      if (wantedSizes.has(range.size)) rootsFromLeaves.set(range.size, range.root());

      const claimed = eventIdOfLeaf(data);
      if (claimed === undefined) {
        add({ kind: 'foreign_leaf', leafIndex: idx, message: `leaf ${idx} is not an event leaf` });
        continue;
      }
      const dup = seen.get(claimed);
      if (dup !== undefined)
        add({
          kind: 'duplicate',
          eventId: claimed,
          leafIndex: idx,
          message: `event ${claimed} is logged twice (leaves ${dup} and ${idx})`,
        });
      seen.set(claimed, idx);
      const mapped = r.mapped === null ? null : Number(r.mapped);
      if (mapped !== null && mapped !== claimed) {
        add({
          kind: 'reordered',
          eventId: mapped,
          leafIndex: idx,
          message: `leaf ${idx} holds event ${claimed} but ledger_event_leaves maps it to event ${mapped}`,
        });
        continue;
      }
      const event = mapped === null ? unmapped.get(claimed) : r.id === null ? undefined : eventFromRow(r);
      if (event === undefined) {
        add({
          kind: 'deleted',
          eventId: claimed,
          leafIndex: idx,
          message: `event ${claimed} (leaf ${idx}) was deleted from the events table`,
        });
        continue;
      }
      if (mapped === null)
        add({
          kind: 'mapping',
          eventId: claimed,
          leafIndex: idx,
          message: `event ${claimed} is in leaf ${idx} but ledger_event_leaves has no row for it`,
        });
      const now = encodeEventLeaf(event);
      if (!bytesEqual(now, data)) {
        mismatched.push({ eventId: claimed, leafIndex: idx, leafKey: contentKey(data), eventKey: contentKey(now) });
        add({
          kind: 'edited',
          eventId: claimed,
          leafIndex: idx,
          message: `event ${claimed} was changed after it was logged in leaf ${idx} (fields: ${changedFields(data, now).join(', ') || 'bytes'})`,
        });
      }
    }
    // Stored interior nodes completed by this page must equal the recomputed ones.
    if (completed.length > 0) {
      const stored = await sql.query<{ level: number; idx: string; hash: Uint8Array }>(
        `SELECT n.level::int AS level, n.idx::text AS idx, n.hash FROM ledger_nodes n
           JOIN unnest($1::smallint[], $2::bigint[]) AS q(lv, i) ON n.level = q.lv AND n.idx = q.i`,
        [completed.map((n) => n.level), completed.map((n) => String(n.index))],
      );
      const byId = new Map(stored.rows.map((s) => [`${s.level}/${s.idx}`, new Uint8Array(s.hash)]));
      for (const n of completed) {
        const h = byId.get(`${n.level}/${n.index}`);
        if (h === undefined) nodeProblems.push({ kind: 'node', message: `tree node ${n.level}/${n.index} is missing` });
        else if (!bytesEqual(h, n.hash))
          nodeProblems.push({
            kind: 'node',
            message: `tree node ${n.level}/${n.index} does not match the leaves below it`,
          });
      }
    }
  }
  for (; next < size; next++)
    add({ kind: 'missing_leaf', leafIndex: next, message: `leaf ${next} is missing from ledger_leaves` });

  // Two events that swapped contents: each leaf now matches the other event.
  const byEventKey = new Map(mismatched.filter((m) => m.eventKey !== undefined).map((m) => [m.eventKey!, m]));
  for (const m of mismatched) {
    const other = m.leafKey === undefined ? undefined : byEventKey.get(m.leafKey);
    if (other === undefined || other.eventId === m.eventId) continue;
    const d = found.find((f) => f.kind === 'edited' && f.eventId === m.eventId);
    if (d) {
      d.kind = 'reordered';
      d.message = `events ${m.eventId} and ${other.eventId} were reordered: what was logged for event ${m.eventId} (leaf ${m.leafIndex}) is now stored under event ${other.eventId}`;
    }
  }

  // 2. Events without a leaf that are not pending, and the outbox.
  const unlogged = await sql.query<{ id: string }>(
    `SELECT e.id::text AS id FROM events e
       LEFT JOIN ledger_event_leaves m ON m.event_id = e.id LEFT JOIN ledger_outbox o ON o.event_id = e.id
      WHERE m.event_id IS NULL AND o.event_id IS NULL ORDER BY e.id LIMIT $1::int`,
    [max + 1000], // events that lost only their mapping row are skipped below
  );
  for (const r of unlogged.rows) {
    const id = Number(r.id);
    if (seen.has(id)) continue; // reported above as a missing mapping row
    add({
      kind: 'unlogged',
      eventId: id,
      message: `event ${id} has no leaf and is not waiting in the outbox (written behind the log's back)`,
    });
  }
  const both = await sql.query<{ id: string; leaf: string }>(
    `SELECT o.event_id::text AS id, m.leaf_idx::text AS leaf FROM ledger_outbox o JOIN ledger_event_leaves m ON m.event_id = o.event_id ORDER BY o.event_id LIMIT $1::int`,
    [max],
  );
  for (const r of both.rows)
    add({
      kind: 'outbox',
      eventId: Number(r.id),
      message: `event ${r.id} is still in the outbox although leaf ${r.leaf} holds it`,
    });
  const beyond = await sql.query<{ id: string; leaf: string }>(
    'SELECT m.event_id::text AS id, m.leaf_idx::text AS leaf FROM ledger_event_leaves m WHERE m.leaf_idx >= $1::bigint ORDER BY m.leaf_idx LIMIT $2::int',
    [String(size), max],
  );
  for (const r of beyond.rows)
    add({
      kind: 'mapping',
      eventId: Number(r.id),
      message: `event ${r.id} is mapped to leaf ${r.leaf}, beyond the log's ${size} leaves`,
    });

  // 3. The tree: stored nodes, and no extra ones.
  for (const d of nodeProblems) add(d);
  const nodeCount = Number((await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM ledger_nodes')).rows[0]!.n);
  const expectedNodes = size - popcount(size);
  if (nodeCount > expectedNodes)
    add({ kind: 'node', message: `ledger_nodes has ${nodeCount} rows, a tree of ${size} leaves has ${expectedNodes}` });

  // 4. Checkpoints: signatures, forks, roots, consistency.
  for (const d of signatureProblems) add(d);
  const bySize = new Map<number, (typeof notes)[number]>();
  for (const n of notes) {
    const first = bySize.get(n.size);
    if (first === undefined) bySize.set(n.size, n);
    else if (!bytesEqual(first.root, n.root)) {
      add({
        kind: 'fork',
        size: n.size,
        message: `fork: two checkpoints of size ${n.size} signed by ${verifier.name} have different roots (${b64(first.root)} in ${first.source}, ${b64(n.root)} in ${n.source})`,
      });
    }
  }
  for (const n of notes) {
    if (n.rowSize !== undefined && n.rowSize !== n.size)
      add({ kind: 'checkpoint', size: n.size, message: `${n.source} holds a checkpoint of size ${n.size}` });
    if (n.size > size) {
      add({
        kind: 'checkpoint',
        size: n.size,
        message: `checkpoint of size ${n.size} (${n.source}) is beyond the log's ${size} leaves: leaves were removed`,
      });
      continue;
    }
    const root = rootsFromLeaves.get(n.size);
    if (root === undefined || !bytesEqual(root, n.root)) {
      add({
        kind: 'checkpoint',
        size: n.size,
        message: `the log's leaves do not reproduce the root of the checkpoint of size ${n.size} (${n.source})`,
      });
    }
  }
  const ledger = new Ledger(store);
  const published = [...bySize.values()]
    .filter((n) => n.rowSize !== undefined && n.rowSize === n.size && n.size <= size)
    .sort((a, b) => a.size - b.size);
  const latest = published.at(-1);
  for (const n of published) {
    if (latest === undefined || n.size === 0) continue;
    try {
      if (!bytesEqual(await ledger.root(n.size), n.root)) throw new Error('stored nodes give another root');
      const proof = n.size === latest.size ? [] : await ledger.consistencyProof(n.size, latest.size);
      verifyConsistency(n.size, latest.size, proof, n.root, latest.root);
    } catch (e) {
      add({
        kind: 'inconsistent',
        size: n.size,
        message: `checkpoint of size ${n.size} is not consistent with the latest (size ${latest.size}): ${(e as Error).message}`,
      });
    }
  }

  const counts = await sql.query<{ events: string; pending: string }>(
    'SELECT (SELECT count(*) FROM events)::text AS events, (SELECT count(*) FROM ledger_outbox)::text AS pending',
  );
  return {
    ok: found.length === 0,
    events: Number(counts.rows[0]!.events),
    leaves: leafCount,
    pending: Number(counts.rows[0]!.pending),
    checkpoints: cpRows.length,
    discrepancies: found,
  };
}

function popcount(n: number): number {
  let c = 0;
  for (; n > 0; n = Math.floor(n / 2)) c += n % 2;
  return c;
}
