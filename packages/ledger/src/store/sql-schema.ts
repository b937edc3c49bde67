/**
 * PostgreSQL 15 DDL for SqlLedgerStore (also runs on PGlite). Idempotent.
 * - ledger_leaves: one row per leaf (index, the leaf's bytes, its RFC 6962 leaf hash).
 * - ledger_nodes: every perfect subtree hash of level ≥ 1 (level 0 lives in ledger_leaves), so any
 *   root or proof needs O(log n) primary-key reads. A log of n leaves has n - popcount(n) rows here.
 * - ledger_checkpoints: signed checkpoint notes by tree size.
 * Rows are only ever inserted; nothing in this package updates or deletes them.
 * Several statements separated by ';' (no ';' inside them): run with PGlite `exec`, pg `query`
 * without parameters, or split on ';' as SqlLedgerStore.migrate does.
 */
export const LEDGER_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS ledger_leaves (
  idx bigint PRIMARY KEY CHECK (idx >= 0),
  data bytea NOT NULL,
  hash bytea NOT NULL CHECK (length(hash) = 32)
);
CREATE TABLE IF NOT EXISTS ledger_nodes (
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 63),
  idx bigint NOT NULL CHECK (idx >= 0),
  hash bytea NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, idx)
);
CREATE TABLE IF NOT EXISTS ledger_checkpoints (
  size bigint PRIMARY KEY CHECK (size >= 0),
  note text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
