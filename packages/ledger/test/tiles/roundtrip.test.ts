import { mkdtemp, readFile, rm, writeFile, unlink } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidSignatureError,
  Ledger,
  MemoryLedgerStore,
  MissingSignatureError,
  RootMismatchError,
  TileError,
  TileMissingError,
  UnverifiedNoteError,
  cosignerFromSeed,
  decodeEntryBundle,
  encodeBase64,
  generateSignerKey,
  parseCheckpoint,
  parseSignerKey,
  verifyLog,
  writeTiles,
  signNote,
  formatCheckpoint,
} from '../../src/index.ts';

const N = 70_000;
const log = parseSignerKey(generateSignerKey('example.org/rectify').skey);
const witness = cosignerFromSeed('witness.example.org', new Uint8Array(32).fill(3));
let dir: string;
let note: string;
let root: string;
const ledger = new Ledger(new MemoryLedgerStore());

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-tiles-'));
  const batch: Uint8Array[] = [];
  for (let i = 0; i < N; i++) {
    batch.push(new TextEncoder().encode(JSON.stringify({ i, kind: 'event', body: 'x'.repeat(i % 50) })));
    if (batch.length === 5000) await ledger.append(batch.splice(0));
  }
  note = await ledger.signCheckpoint('example.org/rectify', [log]);
  const body = note.slice(0, note.indexOf('\n\n') + 1);
  note += witness.cosignatureLine(body, 1767139200);
  root = encodeBase64(parseCheckpoint(body).root);
  const res = await writeTiles(dir, ledger.store, note);
  expect(res.size).toBe(N);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function mutate(path: string, f: (b: Buffer) => void, run: () => Promise<void>): Promise<void> {
  const file = join(dir, ...path.split('/'));
  const orig = await readFile(file);
  const copy = Buffer.from(orig);
  f(copy);
  await writeFile(file, copy);
  try {
    await run();
  } finally {
    await writeFile(file, orig);
  }
}

describe('tiles round trip (70,000 leaves)', () => {
  it('writes the tile set the spec describes and verifies with the log key', async () => {
    const r = await verifyLog(dir, [log.vkey]);
    expect(r).toMatchObject({ ok: true, size: N, root, hashTiles: 273 + 1 + 1 + 1 + 1, entryBundles: 274, entryBundlesMissing: 0 });
    expect(root).toBe(encodeBase64(await ledger.root()));
    // 70,000 leaf hashes plus 69,999 interior hashes.
    expect(r.hashes).toBe(2 * N - 1);
    const entries = decodeEntryBundle(new Uint8Array(await readFile(join(dir, 'tile/entries/273.p/112'))));
    expect(entries).toHaveLength(112);
    expect(JSON.parse(new TextDecoder().decode(entries[0]))).toMatchObject({ i: 273 * 256 });
  });

  it('verifies with the cosigner key, and with both keys when all are required', async () => {
    expect((await verifyLog(dir, [witness.vkey])).ok).toBe(true);
    expect((await verifyLog(dir, [log.vkey, witness.vkey], { requireAllKeys: true })).verifiedBy).toHaveLength(2);
  });

  it('fails with a wrong key', async () => {
    await expect(verifyLog(dir, [generateSignerKey('example.org/rectify').vkey])).rejects.toThrow(UnverifiedNoteError);
    await expect(verifyLog(dir, [log.vkey, generateSignerKey('other').vkey], { requireAllKeys: true })).rejects.toThrow(MissingSignatureError);
  });

  it('fails when the checkpoint signature is corrupted', async () => {
    await mutate('checkpoint', (b) => {
      const i = b.indexOf('\u2014 example.org/rectify ') + 40;
      b[i] = b[i] === 0x41 ? 0x42 : 0x41;
    }, async () => {
      await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(InvalidSignatureError);
    });
  });

  it('fails when one byte of a level-0 tile flips', async () => {
    await mutate('tile/0/100', (b) => (b[5000] = b[5000]! ^ 1), async () => {
      await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(/entry bundle tile\/entries\/100: entry 156 does not match/);
    });
  });

  it('fails when a level-0 tile flips and no entry bundle can vouch for it', async () => {
    const bundle = join(dir, 'tile/entries/100');
    const saved = await readFile(bundle);
    await unlink(bundle);
    try {
      await mutate('tile/0/100', (b) => (b[5000] = b[5000]! ^ 1), async () => {
        await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(/tile tile\/1\/000: hash 100 does not match the tiles below it/);
      });
      // Without the mutation, a missing bundle is reported but tolerated unless required.
      expect((await verifyLog(dir, [log.vkey])).entryBundlesMissing).toBe(1);
      await expect(verifyLog(dir, [log.vkey], { requireEntries: true })).rejects.toThrow(TileMissingError);
    } finally {
      await writeFile(bundle, saved);
    }
  });

  it('fails when one byte of an entry flips', async () => {
    await mutate('tile/entries/005', (b) => (b[100] = b[100]! ^ 0x20), async () => {
      await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(TileError);
    });
  });

  it('fails when a right-edge partial tile flips', async () => {
    await mutate('tile/2/000.p/1', (b) => (b[0] = b[0]! ^ 1), async () => {
      await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(/tile tile\/2\/000.p\/1: hash 0 does not match/);
    });
    await mutate('tile/1/001.p/17', (b) => (b[31] = b[31]! ^ 0x80), async () => {
      await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(/tile tile\/1\/001.p\/17: hash 0 does not match/);
    });
  });

  it('fails when the signed checkpoint commits to another root', async () => {
    const forged = signNote(formatCheckpoint({ origin: 'example.org/rectify', size: N, root: new Uint8Array(32).fill(1), extensions: [] }), log);
    await mutate('checkpoint', () => undefined, async () => {
      await writeFile(join(dir, 'checkpoint'), forged);
      await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(RootMismatchError);
    });
  });

  it('fails on a truncated tile and on a missing tile', async () => {
    await mutate('tile/0/000', () => undefined, async () => {
      await writeFile(join(dir, 'tile/0/000'), Buffer.alloc(100));
      await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(/has 100 bytes, want 8192/);
    });
    const p = join(dir, 'tile/1/000');
    const saved = await readFile(p);
    await unlink(p);
    try {
      await expect(verifyLog(dir, [log.vkey])).rejects.toThrow(TileMissingError);
    } finally {
      await writeFile(p, saved);
    }
  });

  it('serves the same folder over http and verifies it', async () => {
    const server = createServer((req, res) => {
      readFile(join(dir, ...decodeURIComponent(req.url!.slice('/log/'.length)).split('/'))).then(
        (b) => res.end(b),
        () => {
          res.statusCode = 404;
          res.end();
        },
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/log`;
      expect(await verifyLog(url, [log.vkey])).toMatchObject({ ok: true, size: N, root });
    } finally {
      server.close();
    }
  });
});
