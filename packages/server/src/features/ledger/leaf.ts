import { createHash } from 'node:crypto';
import { MAX_LEAF_BYTES } from '@rectify/ledger';

/**
 * Leaf encoding of one event (docs/ledger.md, "Leaf format"). Deterministic, so `rectify ledger audit` can recompute
 * every leaf from the events table:
 *
 *   leaf = UTF-8( "rectify-event/v1\n" ‖ JCS(object) )
 *
 * where JCS is RFC 8785 canonical JSON (keys sorted by UTF-16 code units, no whitespace, ECMAScript number and
 * string forms) and `object` has exactly the keys of `LeafEvent`. When the leaf would exceed the 65,535 bytes a
 * tlog-tiles entry can hold, `payload` is replaced by `null` and `payloadSha256` holds the SHA-256 (hex) of the
 * payload's canonical JSON; otherwise `payloadSha256` is `null`.
 */
export const LEAF_PREFIX = 'rectify-event/v1\n';

/** An event as the log sees it: every column of `events`, in a form that survives a round trip through SQL. */
export interface LedgerEvent {
  id: number;
  /** UTC, ISO 8601 with milliseconds: `2025-03-01T08:00:00.123Z`. */
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  type: string;
  subjectType: string;
  subjectId: string;
  regionCode: string;
  unitId: string | null;
  payload: unknown;
  /** SHA-256 hex of evidence files, in stored order. */
  evidence: string[];
}

/**
 * The select list that reads events for encoding, shared by the sequencer and the audit so both see the same values
 * on both engines: bigint and jsonb as text (parsed here), the timestamp formatted by the database in UTC.
 * Use with `FROM events e`.
 */
export const EVENT_COLUMNS = `e.id::text AS id,
  to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  e.actor_user_id::text AS actor_id, e.actor_username, e.type, e.subject_type, e.subject_id, e.region_code,
  e.unit_id::text AS unit_id, e.payload::text AS payload, e.evidence`;

/** A row selected with EVENT_COLUMNS. */
export interface EventRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  type: string;
  subject_type: string;
  subject_id: string;
  region_code: string;
  unit_id: string | null;
  payload: string;
  evidence: string[];
}

export function eventFromRow(r: EventRow): LedgerEvent {
  return {
    id: Number(r.id),
    at: r.at,
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    type: r.type,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    regionCode: r.region_code,
    unitId: r.unit_id,
    payload: JSON.parse(r.payload) as unknown,
    evidence: r.evidence,
  };
}

/**
 * RFC 8785 (JCS) serialisation of a JSON value. Precondition: `value` came from JSON.parse or holds only plain
 * objects, arrays, strings, finite numbers, booleans and null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: unsupported ${typeof value}`);
}

const utf8 = new TextEncoder();

/** The leaf bytes of an event (see the module comment). */
export function encodeEventLeaf(e: LedgerEvent): Uint8Array {
  const body = (payload: unknown, payloadSha256: string | null) =>
    utf8.encode(
      LEAF_PREFIX +
        canonicalJson({
          actorId: e.actorId,
          actorUsername: e.actorUsername,
          at: e.at,
          evidence: e.evidence,
          id: e.id,
          payload,
          payloadSha256,
          regionCode: e.regionCode,
          subjectId: e.subjectId,
          subjectType: e.subjectType,
          type: e.type,
          unitId: e.unitId,
        }),
    );
  const full = body(e.payload, null);
  if (full.length <= MAX_LEAF_BYTES) return full;
  return body(null, createHash('sha256').update(canonicalJson(e.payload)).digest('hex'));
}

/** The event id a leaf claims to hold, or undefined when the bytes are not a v1 event leaf. */
export function eventIdOfLeaf(leaf: Uint8Array): number | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(leaf);
    if (!text.startsWith(LEAF_PREFIX)) return undefined;
    const id = (JSON.parse(text.slice(LEAF_PREFIX.length)) as { id?: unknown }).id;
    return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
