-- Transparency log (DESIGN §7): the tables of @rectify/ledger (same DDL as its LEDGER_SCHEMA_SQL; a test checks that
-- they agree), and an outbox that the event writer fills in the same transaction as each event, so the ledger job
-- can never miss one.
CREATE TABLE IF NOT EXISTS ledger_leaves (
  idx bigint PRIMARY KEY CHECK (idx >= 0),
  data bytea NOT NULL,
  hash bytea NOT NULL CHECK (length(hash) = 32)
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS ledger_nodes (
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 63),
  idx bigint NOT NULL CHECK (idx >= 0),
  hash bytea NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, idx)
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS ledger_checkpoints (
  size bigint PRIMARY KEY CHECK (size >= 0),
  note text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE ledger_outbox (
  event_id bigint PRIMARY KEY REFERENCES events(id)
);
--> statement-breakpoint
-- Which leaf holds which event, written by the ledger job with the leaf.
CREATE TABLE ledger_event_leaves (
  event_id bigint PRIMARY KEY REFERENCES events(id),
  leaf_idx bigint NOT NULL UNIQUE
);
