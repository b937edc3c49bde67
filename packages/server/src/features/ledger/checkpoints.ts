import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from '@rectify/db';
import { Ledger, parseCheckpoint, SqlLedgerStore } from '@rectify/ledger';
import type { LogKey } from './keys.ts';

/** The body (text before the signatures) of a signed note. */
export function noteBody(note: string): string {
  return note.slice(0, note.lastIndexOf('\n\n') + 1);
}

/** Size and root (base64) of a signed checkpoint note. */
export function checkpointOf(note: string): { size: number; root: string; origin: string } {
  const cp = parseCheckpoint(noteBody(note));
  return { size: cp.size, root: Buffer.from(cp.root).toString('base64'), origin: cp.origin };
}

/**
 * The checkpoint journal: every note this host signed or had cosigned, one JSON line `{"size":N,"note":"…"}`, kept
 * beside the key and outside the database. `ledger audit` compares it with the database, so a history rewritten
 * and re-signed inside the database alone shows up as a fork.
 */
export function journalFile(keyFile: string): string {
  return join(dirname(keyFile), 'checkpoints.jsonl');
}

export function appendJournal(keyFile: string, size: number, note: string): void {
  appendFileSync(journalFile(keyFile), JSON.stringify({ size, note }) + '\n', { mode: 0o600 });
}

/** Notes from the journal (missing file → none; unreadable lines are skipped and counted). */
export function readJournal(keyFile: string): { notes: string[]; bad: number } {
  let text: string;
  try {
    text = readFileSync(journalFile(keyFile), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { notes: [], bad: 0 };
    throw e;
  }
  const notes: string[] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const note = (JSON.parse(line) as { note?: unknown }).note;
      if (typeof note === 'string') notes.push(note);
      else bad++;
    } catch {
      bad++;
    }
  }
  return { notes, bad };
}

export interface CheckpointResult {
  signed: boolean;
  size: number;
  note: string;
}

/**
 * Signs and stores a checkpoint when the tree grew past the latest stored one (or none exists yet). Several
 * processes may race: storage is idempotent per size and Ed25519 signatures are deterministic, so they store the
 * same note; the stored note is returned.
 */
export async function signCheckpointIfGrown(
  database: Database,
  key: LogKey,
  origin: string,
): Promise<CheckpointResult> {
  const store = new SqlLedgerStore(database.sql);
  const latest = await store.latestCheckpoint();
  const size = await store.size();
  if (latest !== undefined && latest.size >= size) return { signed: false, size: latest.size, note: latest.note };
  const note = await new Ledger(store).signCheckpoint(origin, [key.signer], { size });
  const { rows } = await database.sql.query<{ note: string }>(
    'SELECT note FROM ledger_checkpoints WHERE size = $1::bigint',
    [String(size)],
  );
  const stored = rows[0]?.note ?? note;
  appendJournal(key.file, size, stored);
  return { signed: true, size, note: stored };
}

/**
 * Adds cosignature lines to the stored note of `size` (only signature lines are appended; the body and the log's
 * signature never change). Optimistic: retried when another process changed the note meanwhile.
 */
export async function storeCosignatures(
  database: Database,
  size: number,
  merge: (note: string) => string,
): Promise<string | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { rows } = await database.sql.query<{ note: string }>(
      'SELECT note FROM ledger_checkpoints WHERE size = $1::bigint',
      [String(size)],
    );
    const old = rows[0]?.note;
    if (old === undefined) return undefined;
    const next = merge(old);
    if (next === old) return old;
    const upd = await database.sql.query<{ size: string }>(
      'UPDATE ledger_checkpoints SET note = $2 WHERE size = $1::bigint AND note = $3 RETURNING size::text AS size',
      [String(size), next, old],
    );
    if (upd.rows.length === 1) return next;
  }
  throw new Error(`checkpoint ${size} kept changing while adding cosignatures`);
}
