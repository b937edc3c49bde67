import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  cosignerFromSeed,
  createWitnessServer,
  MemoryWitnessState,
  openNote,
  parseVerifierKey,
  verifyLog,
  Witness,
} from '@rectify/ledger';
import { LedgerService } from '../src/features/ledger/service.ts';
import { createUnits, injectSource, ledgerService, silent, startLedgerPlatform } from './ledger-helpers.ts';

/** Platform → witness round trip with the library's witness HTTP server, in-process on an ephemeral port. */

const cosigner = cosignerFromSeed('witness.test/w1', new Uint8Array(randomBytes(32)));
let server: Server;
let witness: Witness;
let t: Awaited<ReturnType<typeof startLedgerPlatform>>;
let keyVkey: string;

beforeAll(async () => {
  // The platform's key must exist before the witness can be told to trust it: start once without witnesses.
  const probe = await startLedgerPlatform();
  keyVkey = ledgerService(probe).key.vkey;
  const dataDir = probe.dataDir;
  await probe.close();

  witness = new Witness({
    cosigner,
    logs: [{ origin: 'rectify.local/log', keys: [keyVkey] }],
    state: new MemoryWitnessState(),
  });
  server = createWitnessServer(witness);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  t = await startLedgerPlatform({
    RECTIFY_LEDGER_KEY_FILE: `${dataDir}/ledger/log.key`,
    RECTIFY_WITNESSES: `http://127.0.0.1:${port}|${cosigner.vkey}`,
  });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

it('gets checkpoints cosigned, serves the cosignatures, and recovers the witness size after a restart (409)', async () => {
  await createUnits(t.app, 2);
  const first = ledgerService(t);
  expect(first.key.vkey).toBe(keyVkey);
  const r1 = await first.runOnce();
  expect(r1.checkpoint.cosigned).toEqual(['witness.test/w1']);
  const served = (await t.app.inject({ method: 'GET', url: '/log/checkpoint' })).body;
  const opened = openNote(served, [parseVerifierKey(keyVkey), parseVerifierKey(cosigner.vkey)]);
  expect(opened.sigs.map((s) => s.name)).toEqual(['rectify.local/log', 'witness.test/w1']);
  // An outside verifier demanding both the log's and the witness's signatures.
  const v = await verifyLog(injectSource(t.app), [keyVkey, cosigner.vkey], { requireAllKeys: true });
  expect(v.size).toBe(r1.checkpoint.size);

  // Nothing new: the latest checkpoint already carries the cosignature, nothing is sent.
  expect((await first.checkpoint()).cosigned).toEqual([]);

  // A new process knows nothing about the witness's size: it sends old 0, gets 409 with the size, retries with a proof.
  await createUnits(t.app, 3);
  const restarted = ledgerService(t);
  const r2 = await restarted.runOnce();
  expect(r2.checkpoint.size).toBe(r1.checkpoint.size + 3);
  expect(r2.checkpoint.cosigned).toEqual(['witness.test/w1']);
  openNote(r2.checkpoint.note, [parseVerifierKey(cosigner.vkey)]);
});

it('logs and carries on when a witness refuses (unknown log), leaving the checkpoint uncosigned', async () => {
  const other = cosignerFromSeed('witness.test/w2', new Uint8Array(randomBytes(32)));
  const strict = new Witness({ cosigner: other, logs: [], state: new MemoryWitnessState() });
  const s2 = createWitnessServer(strict);
  await new Promise<void>((resolve) => s2.listen(0, '127.0.0.1', resolve));
  try {
    const port = (s2.address() as { port: number }).port;
    const svc = new LedgerService(
      { ...t.config, ledger: { ...t.config.ledger, witnesses: [`http://127.0.0.1:${port}|${other.vkey}`] } },
      t.database,
      silent,
    );
    await createUnits(t.app, 1);
    const r = await svc.runOnce();
    expect(r.checkpoint.signed).toBe(true);
    expect(r.checkpoint.cosigned).toEqual([]);
  } finally {
    await new Promise((resolve) => s2.close(resolve));
  }
});

it('has the witness mode wired into the rectify CLI', async () => {
  const { stdout } = await promisify(execFile)('node', [
    'packages/server/bin/rectify.mjs',
    'tlog',
    'witness',
    '--help',
  ]);
  expect(stdout).toContain('--log');
  expect(stdout).toContain('add-checkpoint');
});
