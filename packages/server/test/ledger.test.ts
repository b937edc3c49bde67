import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '@rectify/db';
import {
  decodeBase64Strict,
  hashLeaf,
  openNote,
  parseVerifierKey,
  verifyConsistency,
  verifyInclusion,
  verifyLog,
} from '@rectify/ledger';
import { buildApp } from '../src/app.ts';
import { auditLedger } from '../src/features/ledger/audit.ts';
import { eventIdOfLeaf } from '../src/features/ledger/leaf.ts';
import { as, login } from './helpers.ts';
import { LedgerService } from '../src/features/ledger/service.ts';
import { createUnits, injectSource, ledgerService, silent, startLedgerPlatform } from './ledger-helpers.ts';

const bytes = (s: string) => decodeBase64Strict(s)!;

let t: Awaited<ReturnType<typeof startLedgerPlatform>>;
let service: ReturnType<typeof ledgerService>;
beforeAll(async () => {
  t = await startLedgerPlatform();
  service = ledgerService(t);
});
afterAll(() => t.close());

async function count(sql: string): Promise<number> {
  return Number((await t.database.sql.query<{ n: string }>(`SELECT (${sql})::text AS n`)).rows[0]!.n);
}

describe('sequencer and proofs', () => {
  let unitIds: string[];
  let firstCheckpoint: { size: number; root: string };

  it('turns events made through the API into leaves, one per event, and empties the outbox', async () => {
    unitIds = await createUnits(t.app, 3);
    expect(await count('SELECT count(*) FROM ledger_outbox')).toBeGreaterThanOrEqual(3);
    const { sequenced, checkpoint } = await service.runOnce();
    const events = await count('SELECT count(*) FROM events');
    expect(sequenced.appended).toBe(events);
    expect(await count('SELECT count(*) FROM ledger_outbox')).toBe(0);
    expect(await count('SELECT count(*) FROM ledger_leaves')).toBe(events);
    expect(await count('SELECT count(*) FROM ledger_event_leaves')).toBe(events);
    expect(checkpoint.signed).toBe(true);
    expect(checkpoint.size).toBe(events);
    // Nothing new: no new checkpoint.
    expect((await service.runOnce()).checkpoint.signed).toBe(false);
    firstCheckpoint = {
      size: checkpoint.size,
      root: openNote(checkpoint.note, [parseVerifierKey(service.key.vkey)]).text.split('\n')[2]!,
    };
  });

  it('serves inclusion proofs that verify against the signed checkpoint', async () => {
    const admin = as(t.app, await login(t.app, 'admin'));
    const res = await admin('GET', `/api/ledger/subjects/unit/${unitIds[1]}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const verifier = parseVerifierKey((await t.app.inject({ method: 'GET', url: '/log/key' })).body.trim());
    expect(verifier.vkey).toBe(service.key.vkey);
    openNote(body.checkpoint.note, [verifier]); // throws unless signed by the log key
    expect(body.events).toHaveLength(1);
    const e = body.events[0];
    expect(e.status).toBe('published');
    expect(eventIdOfLeaf(bytes(e.leaf))).toBe(e.eventId);
    expect(hashLeaf(bytes(e.leaf))).toEqual(bytes(e.leafHash));
    verifyInclusion(
      e.leafIndex,
      body.checkpoint.size,
      bytes(e.leafHash),
      e.inclusionProof.map(bytes),
      bytes(body.checkpoint.root),
    );
    expect(new TextDecoder().decode(bytes(e.leaf))).toContain('"type":"unit.created"');
  });

  it('marks events not yet sequenced as pending, and sequenced ones without a checkpoint as sequenced', async () => {
    const admin = as(t.app, await login(t.app, 'admin'));
    const unit = (await admin('GET', `/api/units/${unitIds[0]}`)).json();
    expect(
      (await admin('PATCH', `/api/units/${unitIds[0]}`, { version: unit.version, name: '改名后的测试单位' }))
        .statusCode,
    ).toBe(200);
    let events = (await admin('GET', `/api/ledger/subjects/unit/${unitIds[0]}`)).json().events;
    expect(events.map((e: { status: string }) => e.status)).toEqual(['published', 'pending']);
    await service.sequence();
    events = (await admin('GET', `/api/ledger/subjects/unit/${unitIds[0]}`)).json().events;
    expect(events.map((e: { status: string }) => e.status)).toEqual(['published', 'sequenced']);
    expect(events[1].inclusionProof).toBeNull();
    await service.checkpoint();
    events = (await admin('GET', `/api/ledger/subjects/unit/${unitIds[0]}`)).json().events;
    expect(events.map((e: { status: string }) => e.status)).toEqual(['published', 'published']);
  });

  it('serves consistency proofs between published checkpoints', async () => {
    await createUnits(t.app, 2);
    const { checkpoint } = await service.runOnce();
    const admin = as(t.app, await login(t.app, 'admin'));
    const res = await admin('GET', `/api/ledger/consistency?from=${firstCheckpoint.size}&to=${checkpoint.size}`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.from.root).toBe(firstCheckpoint.root);
    verifyConsistency(c.from.size, c.to.size, c.proof.map(bytes), bytes(c.from.root), bytes(c.to.root));
    const latest = (await admin('GET', `/api/ledger/consistency?from=${firstCheckpoint.size}`)).json();
    expect(latest.to.size).toBe(checkpoint.size);
    expect((await admin('GET', `/api/ledger/consistency?from=${checkpoint.size - 1}`)).statusCode).toBe(404);
    expect(
      (await admin('GET', `/api/ledger/consistency?from=${checkpoint.size}&to=${firstCheckpoint.size}`)).statusCode,
    ).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/ledger/consistency?from=1` })).statusCode).toBe(401);
  });

  it('serves the log publicly as C2SP tiles that verifyLog accepts; entry bundles only when configured', async () => {
    // Enough events for a full tile (256 leaves), appended in several batches.
    await t.database.db.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) {
        await appendEvent(tx, {
          actorUserId: null,
          actorUsername: null,
          type: 'test.bulk',
          subjectType: 'test',
          subjectId: String(i),
          regionCode: '330500',
          payload: { i, 名称: '批量' },
        });
      }
    });
    const small = new LedgerService({ ...t.config, ledger: { ...t.config.ledger, batchSize: 64 } }, t.database, silent);
    const { sequenced, checkpoint } = await small.runOnce();
    expect(sequenced.batches).toBeGreaterThanOrEqual(5);
    expect(checkpoint.size).toBeGreaterThan(256);

    const cpRes = await t.app.inject({ method: 'GET', url: '/log/checkpoint' });
    expect(cpRes.statusCode).toBe(200);
    expect(cpRes.headers['content-type']).toMatch(/^text\/plain/);
    expect(cpRes.body).toBe(checkpoint.note);
    expect(cpRes.headers['set-cookie']).toBeUndefined();

    const r = await verifyLog(injectSource(t.app), [service.key.vkey]);
    expect(r.size).toBe(checkpoint.size);
    expect(r.entryBundles).toBe(0);
    expect(r.entryBundlesMissing).toBe(2);

    const full = await t.app.inject({ method: 'GET', url: '/log/tile/0/000' });
    expect(full.headers['cache-control']).toContain('immutable');
    expect(full.rawPayload.length).toBe(256 * 32);
    const partial = await t.app.inject({ method: 'GET', url: `/log/tile/0/001.p/${checkpoint.size - 256}` });
    expect(partial.statusCode).toBe(200);
    expect(partial.headers['cache-control']).toBe('public, max-age=60');
    expect((await t.app.inject({ method: 'GET', url: `/log/tile/0/001.p/${checkpoint.size - 255}` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/log/tile/0/1' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/log/tile/entries/000' })).statusCode).toBe(404);

    const open = await buildApp({
      config: { ...t.config, ledger: { ...t.config.ledger, publicEntries: true } },
      database: t.database,
      web: false,
    });
    try {
      const withEntries = await verifyLog(injectSource(open), [service.key.vkey], { requireEntries: true });
      expect(withEntries.entryBundles).toBe(2);
    } finally {
      await open.close();
    }
  });

  it('documents the API in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/ledger/subjects/{type}/{id}', '/api/ledger/consistency']),
    );
    expect(
      doc.paths['/api/ledger/subjects/{type}/{id}'].get.responses['200'].content['application/json'].schema.properties
        .events,
    ).toBeDefined();
  });

  it('passes the audit', async () => {
    const report = await auditLedger(t.database, { vkey: service.key.vkey });
    expect(report.discrepancies).toEqual([]);
    expect(report).toMatchObject({ ok: true, pending: 0 });
    expect(report.leaves).toBe(report.events);
  });
});

describe('scope', () => {
  it('gives a unit-scoped user proofs for its own unit only', async () => {
    const admin = as(t.app, await login(t.app, 'admin'));
    const own = (await admin('GET', '/api/units?q=住房和城乡建设局')).json().items[0];
    expect((await admin('PATCH', `/api/units/${own.id}`, { version: own.version, kind: own.kind })).statusCode).toBe(
      200,
    );
    const [other] = await createUnits(t.app, 1, '外单位');
    await service.runOnce();
    const liaison = as(t.app, await login(t.app, 'unit_liaison'));
    const mine = await liaison('GET', `/api/ledger/subjects/unit/${own.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().events[0].status).toBe('published');
    const theirs = await liaison('GET', `/api/ledger/subjects/unit/${other}`);
    expect(theirs.statusCode).toBe(404);
    expect((await admin('GET', `/api/ledger/subjects/unit/${other}`)).statusCode).toBe(200);
  });
});
