import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JsonFileWitnessState,
  Ledger,
  MemoryLedgerStore,
  MemoryWitnessState,
  Witness,
  WitnessRefusalError,
  cosignerFromSeed,
  createWitnessServer,
  encodeBase64,
  formatAddCheckpointRequest,
  formatCheckpoint,
  generateSignerKey,
  openNote,
  parseAddCheckpointRequest,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from '../../src/index.ts';
import { fixture } from '../helpers.ts';

const example = fixture<{ witness_add_checkpoint_request_example: { text: string } }>('checkpoint/checkpoint-vectors.json').witness_add_checkpoint_request_example;

describe('add-checkpoint request body', () => {
  it('parses the C2SP example and formats it back byte for byte', () => {
    const req = parseAddCheckpointRequest(example.text);
    expect(req.oldSize).toBe(20852014);
    expect(req.proof.map(encodeBase64)).toEqual([
      'PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=',
      'jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=',
      '5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=',
      '/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=',
    ]);
    expect(req.checkpoint.startsWith('example.com/behind-the-sofa\n20852163\n')).toBe(true);
    expect(req.checkpoint.endsWith('+qbSzm9Q=\n')).toBe(true);
    expect(formatAddCheckpointRequest(req)).toBe(example.text);
  });

  it.each([
    ['no old line', 'example.com\n'],
    ['leading zero', 'old 01\n\ncp\n'],
    ['bad proof line', 'old 1\nnot-base64!\n\ncp\n'],
    ['short hash', 'old 1\nAAAA\n\ncp\n'],
    ['no blank line', 'old 1\n'],
    ['64 proof lines', `old 1\n${`${encodeBase64(new Uint8Array(32))}\n`.repeat(64)}\ncp\n`],
  ])('rejects %s with 400', (_d, body) => {
    try {
      parseAddCheckpointRequest(body);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WitnessRefusalError);
      expect((e as WitnessRefusalError).status).toBe(400);
    }
  });
});

const ORIGIN = 'example.org/rectify';
const logKey = parseSignerKey(generateSignerKey(ORIGIN).skey);
const cosigner = cosignerFromSeed('witness.example.org', new Uint8Array(32).fill(5));

async function status(p: Promise<unknown>): Promise<{ status: number; latest?: number }> {
  try {
    await p;
    return { status: 200 };
  } catch (e) {
    if (e instanceof WitnessRefusalError) return { status: e.status, latest: e.latestSize };
    throw e;
  }
}

describe('witness', () => {
  const ledger = new Ledger(new MemoryLedgerStore());
  const leaves = (from: number, n: number) => Array.from({ length: n }, (_, i) => new TextEncoder().encode(`e${from + i}`));
  const witness = new Witness({ cosigner, logs: [{ origin: ORIGIN, keys: [logKey.vkey] }], state: new MemoryWitnessState(), now: () => 1767139200 });

  async function request(oldSize: number, size: number, extra: { proof?: Uint8Array[]; note?: string } = {}): Promise<string> {
    const note = extra.note ?? (await ledger.signCheckpoint(ORIGIN, [logKey], { size }));
    const proof = extra.proof ?? (oldSize === 0 || oldSize === size ? [] : await ledger.consistencyProof(oldSize, size));
    return formatAddCheckpointRequest({ oldSize, proof, checkpoint: note });
  }

  beforeAll(async () => {
    await ledger.append(leaves(0, 100));
  });

  it('cosigns a first checkpoint from old size 0 with an empty proof', async () => {
    const body = await request(0, 10);
    const line = await witness.addCheckpoint(body);
    expect(line).toMatch(/^\u2014 witness\.example\.org [A-Za-z0-9+/]+=*\n$/);
    const cp = parseAddCheckpointRequest(body).checkpoint;
    const opened = openNote(cp + line, [parseVerifierKey(cosigner.vkey)]);
    expect(opened.sigs).toHaveLength(1);
    expect(Buffer.from(opened.sigs[0]!.base64, 'base64').readBigUInt64BE(4)).toBe(1767139200n);
  });

  it('advances with a valid consistency proof', async () => {
    expect(await status(witness.addCheckpoint(await request(10, 37)))).toEqual({ status: 200 });
    expect(await status(witness.addCheckpoint(await request(37, 37)))).toEqual({ status: 200 });
  });

  it('answers 409 with its size when the old size is not the one it cosigned', async () => {
    expect(await status(witness.addCheckpoint(await request(10, 50)))).toEqual({ status: 409, latest: 37 });
    expect(await status(witness.addCheckpoint(await request(0, 50)))).toEqual({ status: 409, latest: 37 });
  });

  it('refuses a fork: same size, different root (409)', async () => {
    const forkRoot = new Uint8Array(32).fill(0xab);
    const forged = signNote(formatCheckpoint({ origin: ORIGIN, size: 37, root: forkRoot, extensions: [] }), logKey);
    expect(await status(witness.addCheckpoint(await request(37, 37, { note: forged })))).toMatchObject({ status: 409 });
  });

  it('refuses a fork at a larger size: the proof does not verify (422)', async () => {
    const other = new Ledger(new MemoryLedgerStore());
    await other.append([...leaves(0, 36), new TextEncoder().encode('rewritten'), ...leaves(37, 20)]);
    const note = await other.signCheckpoint(ORIGIN, [logKey], { size: 57 });
    const proof = await other.consistencyProof(37, 57);
    expect(await status(witness.addCheckpoint(formatAddCheckpointRequest({ oldSize: 37, proof, checkpoint: note })))).toEqual({ status: 422 });
    expect(await status(witness.addCheckpoint(await request(37, 57, { proof: [] })))).toEqual({ status: 422 });
  });

  it('refuses a shrinking log', async () => {
    // Claiming its real previous size: old size above the checkpoint size is a bad request.
    expect(await status(witness.addCheckpoint(await request(37, 20, { proof: [] })))).toEqual({ status: 400 });
    // Claiming the smaller size as old: conflict, with the witness's size.
    expect(await status(witness.addCheckpoint(await request(20, 20)))).toEqual({ status: 409, latest: 37 });
  });

  it('403 for a checkpoint not signed by the log key, 404 for an unknown origin', async () => {
    const stranger = parseSignerKey(generateSignerKey(ORIGIN).skey);
    const note = await ledger.signCheckpoint(ORIGIN, [stranger], { size: 60 });
    expect(await status(witness.addCheckpoint(formatAddCheckpointRequest({ oldSize: 37, proof: await ledger.consistencyProof(37, 60), checkpoint: note })))).toEqual({ status: 403 });
    const otherOrigin = signNote(formatCheckpoint({ origin: 'other.example', size: 1, root: new Uint8Array(32), extensions: [] }), logKey);
    expect(await status(witness.addCheckpoint(formatAddCheckpointRequest({ oldSize: 0, proof: [], checkpoint: otherOrigin })))).toEqual({ status: 404 });
  });

  it('old size 0 with a non-empty proof is unprocessable', async () => {
    const w = new Witness({ cosigner, logs: [{ origin: ORIGIN, keys: [logKey.vkey] }], state: new MemoryWitnessState() });
    expect(await status(w.addCheckpoint(await request(0, 10, { proof: [new Uint8Array(32)] })))).toEqual({ status: 422 });
  });

  it('concurrent requests cannot roll the state back', async () => {
    const w = new Witness({ cosigner, logs: [{ origin: ORIGIN, keys: [logKey.vkey] }], state: new MemoryWitnessState() });
    const results = await Promise.all([status(w.addCheckpoint(await request(0, 50))), status(w.addCheckpoint(await request(0, 80)))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('witness over HTTP with JSON-file state', () => {
  let dir: string;
  const ledger = new Ledger(new MemoryLedgerStore());

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledger-witness-'));
    await ledger.append(Array.from({ length: 20 }, (_, i) => Uint8Array.of(i)));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves add-checkpoint, persists state, and answers 409 as text/x.tlog.size', async () => {
    const stateFile = join(dir, 'state.json');
    const witness = new Witness({ cosigner, logs: [{ origin: ORIGIN, keys: [logKey.vkey] }], state: new JsonFileWitnessState(stateFile) });
    const server = createWitnessServer(witness);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/add-checkpoint`;
    try {
      const body = formatAddCheckpointRequest({ oldSize: 0, proof: [], checkpoint: await ledger.signCheckpoint(ORIGIN, [logKey], { size: 12 }) });
      const ok = await fetch(url, { method: 'POST', body });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^\u2014 witness\.example\.org /);
      expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ [ORIGIN]: { size: 12, root: encodeBase64(await ledger.root(12)) } });

      const conflict = await fetch(url, { method: 'POST', body });
      expect(conflict.status).toBe(409);
      expect(conflict.headers.get('content-type')).toBe('text/x.tlog.size');
      expect(await conflict.text()).toBe('12\n');

      // A fresh witness on the same file remembers the size.
      const again = new Witness({ cosigner, logs: [{ origin: ORIGIN, keys: [logKey.vkey] }], state: new JsonFileWitnessState(stateFile) });
      const next = formatAddCheckpointRequest({ oldSize: 12, proof: await ledger.consistencyProof(12, 20), checkpoint: await ledger.signCheckpoint(ORIGIN, [logKey], { size: 20 }) });
      expect(await status(again.addCheckpoint(next))).toEqual({ status: 200 });

      expect((await fetch(url.replace('add-checkpoint', 'nope'), { method: 'POST', body })).status).toBe(404);
      expect((await fetch(url, { method: 'POST', body: 'garbage' })).status).toBe(400);
    } finally {
      server.close();
    }
  });
});
