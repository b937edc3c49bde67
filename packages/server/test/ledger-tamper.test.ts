import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatCheckpoint, hashLeaf, signNote } from '@rectify/ledger';
import { auditLedger, type AuditReport } from '../src/features/ledger/audit.ts';
import { readJournal } from '../src/features/ledger/checkpoints.ts';
import { readLogKey } from '../src/features/ledger/keys.ts';
import { createUnits, ledgerService, startLedgerPlatform } from './ledger-helpers.ts';

/**
 * An attacker with write access to the database (the append-only trigger disabled, as its owner could) edits,
 * deletes, reorders or inserts events, or rewrites the log's own tables: `auditLedger` names the first discrepancy.
 */

let t: Awaited<ReturnType<typeof startLedgerPlatform>>;
let service: ReturnType<typeof ledgerService>;
let eventIds: number[];

beforeEach(async () => {
  t = await startLedgerPlatform({ RECTIFY_DEMO: 'true' });
  service = ledgerService(t);
  await createUnits(t.app, 4);
  await service.runOnce();
  const { rows } = await t.database.sql.query<{ id: string }>('SELECT id::text AS id FROM events ORDER BY id');
  eventIds = rows.map((r) => Number(r.id));
  expect((await audit()).ok).toBe(true);
  await sql('ALTER TABLE events DISABLE TRIGGER events_append_only');
});
afterEach(() => t.close());

async function sql(text: string, params: unknown[] = []) {
  return t.database.sql.query(text, params);
}

function audit(extraNotes: { source: string; note: string }[] = []): Promise<AuditReport> {
  return auditLedger(t.database, { vkey: service.key.vkey, extraNotes });
}

const first = (r: AuditReport) => r.discrepancies[0]!;

describe('ledger audit detects tampering', () => {
  it('an edited event', async () => {
    const id = eventIds[1]!;
    await sql(`UPDATE events SET payload = jsonb_set(payload, '{name}', '"篡改后的名称"') WHERE id = $1`, [id]);
    const r = await audit();
    expect(r.ok).toBe(false);
    expect(first(r)).toMatchObject({ kind: 'edited', eventId: id });
    expect(first(r).message).toContain('payload');
    expect(r.discrepancies).toHaveLength(1);
  });

  it('an edited timestamp (millisecond precision)', async () => {
    const id = eventIds[2]!;
    await sql(`UPDATE events SET at = at - interval '1 millisecond' WHERE id = $1`, [id]);
    expect(first(await audit())).toMatchObject({ kind: 'edited', eventId: id });
  });

  it('a deleted event', async () => {
    const id = eventIds[0]!;
    await sql('DELETE FROM ledger_event_leaves WHERE event_id = $1', [id]);
    await sql('DELETE FROM events WHERE id = $1', [id]);
    const r = await audit();
    expect(first(r)).toMatchObject({ kind: 'deleted', eventId: id, leafIndex: 0 });
    expect(r.events).toBe(eventIds.length - 1);
  });

  it('two events swapped (reordered)', async () => {
    const [a, b] = [eventIds[1]!, eventIds[3]!];
    await sql(
      `UPDATE events e SET at = o.at, actor_user_id = o.actor_user_id, actor_username = o.actor_username, type = o.type,
         subject_type = o.subject_type, subject_id = o.subject_id, region_code = o.region_code, unit_id = o.unit_id,
         payload = o.payload, evidence = o.evidence
       FROM events o WHERE (e.id = $1 AND o.id = $2) OR (e.id = $2 AND o.id = $1)`,
      [a, b],
    );
    const r = await audit();
    expect(first(r)).toMatchObject({ kind: 'reordered', eventId: a });
    expect(first(r).message).toContain(`events ${a} and ${b}`);
  });

  it('a shuffled event-to-leaf mapping (reordered)', async () => {
    const [a, b] = [eventIds[0]!, eventIds[2]!];
    const leaf = async (id: number) =>
      Number((await sql('SELECT leaf_idx::text AS l FROM ledger_event_leaves WHERE event_id = $1', [id])).rows[0]!.l);
    const [la, lb] = [await leaf(a), await leaf(b)];
    await sql('UPDATE ledger_event_leaves SET leaf_idx = -1 WHERE event_id = $1', [a]);
    await sql('UPDATE ledger_event_leaves SET leaf_idx = $2 WHERE event_id = $1', [b, la]);
    await sql('UPDATE ledger_event_leaves SET leaf_idx = $2 WHERE event_id = $1', [a, lb]);
    expect(first(await audit())).toMatchObject({ kind: 'reordered', leafIndex: la });
  });

  it('an event inserted behind the log (no outbox row); a pending one is fine', async () => {
    await sql(
      `INSERT INTO events (type, subject_type, subject_id, region_code, payload) VALUES ('unit.created', 'unit', 'x', '330500', '{}')`,
    );
    const r = await audit();
    expect(first(r).kind).toBe('unlogged');
    await sql('DELETE FROM events WHERE subject_id = $1', ['x']);
    await createUnits(t.app, 1);
    const pending = await audit();
    expect(pending).toMatchObject({ ok: true, pending: 1 });
  });

  it('a leaf rewritten together with its hash: the tree nodes and checkpoints no longer match', async () => {
    const id = eventIds[1]!;
    await sql(`UPDATE events SET payload = '{"name":"改"}' WHERE id = $1`, [id]);
    const { rows } = await sql('SELECT leaf_idx::text AS l FROM ledger_event_leaves WHERE event_id = $1', [id]);
    const idx = Number((rows[0] as { l: string }).l);
    // Re-encode the edited event as the sequencer would, and store it in place of the original leaf.
    const { encodeEventLeaf, eventFromRow, EVENT_COLUMNS } = await import('../src/features/ledger/leaf.ts');
    const ev = (await sql(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = $1`, [id])).rows[0];
    const data = encodeEventLeaf(eventFromRow(ev as never));
    await sql('UPDATE ledger_leaves SET data = $2, hash = $3 WHERE idx = $1', [idx, data, hashLeaf(data)]);
    const r = await audit();
    expect(r.ok).toBe(false);
    expect(first(r).kind).toBe('node');
    expect(r.discrepancies.map((d) => d.kind)).toContain('checkpoint');
  });

  it('a forked checkpoint: same size, different root, signed with the log key', async () => {
    const key = readLogKey(t.config.ledger.keyFile);
    const { rows } = await sql('SELECT size::text AS size, note FROM ledger_checkpoints ORDER BY size DESC LIMIT 1');
    const { size, note: genuine } = rows[0] as { size: string; note: string };
    const forged = signNote(
      formatCheckpoint({ origin: t.config.ledger.origin, size: Number(size), root: randomBytes(32), extensions: [] }),
      key.signer,
    );
    // A copy held outside (a witness, a downloaded checkpoint) differs from the database: fork.
    let r = await audit([{ source: 'witness copy', note: forged }]);
    expect(first(r)).toMatchObject({ kind: 'fork', size: Number(size) });
    // The forged note stored in the database beside the genuine one.
    await sql('INSERT INTO ledger_checkpoints (size, note) VALUES ($1, $2)', [
      String(Number(size) + 1_000_000),
      forged,
    ]);
    r = await audit();
    expect(first(r)).toMatchObject({ kind: 'fork', size: Number(size) });
    await sql('DELETE FROM ledger_checkpoints WHERE size = $1', [String(Number(size) + 1_000_000)]);
    // The genuine note replaced in the database: the journal beside the key still holds the genuine one.
    await sql('UPDATE ledger_checkpoints SET note = $2 WHERE size = $1', [size, forged]);
    const journal = readJournal(t.config.ledger.keyFile).notes;
    expect(journal).toContain(genuine);
    r = await audit(journal.map((note) => ({ source: 'journal', note })));
    expect(first(r).kind).toBe('fork');
    // Without the journal, the stored tree does not reproduce the forged root.
    expect(first(await audit()).kind).toBe('checkpoint');
  });

  it('a checkpoint not signed by the log key', async () => {
    await sql(
      `UPDATE ledger_checkpoints SET note = replace(note, '—', '-') WHERE size = (SELECT max(size) FROM ledger_checkpoints)`,
    );
    expect(first(await audit()).kind).toBe('signature');
  });
});
