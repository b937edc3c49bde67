import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerTlogCommands } from '../src/cli.ts';
import { Ledger, MemoryLedgerStore, generateSignerKey, parseSignerKey, writeTiles, encodeBase64 } from '../src/index.ts';

let dir: string;
const key = generateSignerKey('example.org/cli');
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-cli-'));
  const ledger = new Ledger(new MemoryLedgerStore());
  await ledger.append(Array.from({ length: 1000 }, (_, i) => new TextEncoder().encode(`cli ${i}`)));
  await writeTiles(dir, ledger.store, await ledger.signCheckpoint('example.org/cli', [parseSignerKey(key.skey)]));
  root = encodeBase64(await ledger.root());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  process.exitCode = 0;
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = undefined;
  try {
    const program = new Command().exitOverride();
    registerTlogCommands(program);
    await program.parseAsync(['node', 'rectify', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1)!;

describe('tlog CLI', () => {
  it('verify: exit 0 and the JSON summary as the last stdout line', async () => {
    const r = await run(['tlog', 'verify', dir, '--key', key.vkey]);
    expect(r.code).toBe(0);
    expect(JSON.parse(lastLine(r.stdout))).toEqual({ ok: true, size: 1000, root });
  });

  it('verify: repeatable --key with --require-all', async () => {
    const other = generateSignerKey('other');
    const r = await run(['tlog', 'verify', dir, '--key', key.vkey, '--key', other.vkey, '--require-all']);
    expect(r.code).toBe(1);
    expect(JSON.parse(lastLine(r.stdout))).toMatchObject({ ok: false });
    expect(r.stderr).toMatch(/not signed by other\+/);
  });

  it('verify: exit 1, reason on stderr and {"ok":false} on a tampered tile', async () => {
    const p = join(dir, 'tile', 'entries', '001');
    const orig = await readFile(p);
    const bad = Buffer.from(orig);
    bad[10] = bad[10]! ^ 1;
    await writeFile(p, bad);
    try {
      const r = await run(['tlog', 'verify', dir, '--key', key.vkey]);
      expect(r.code).toBe(1);
      const j = JSON.parse(lastLine(r.stdout)) as { ok: boolean; error: string };
      expect(j.ok).toBe(false);
      expect(j.error).toMatch(/TileError: entry bundle tile\/entries\/001/);
      expect(r.stderr).toMatch(/verification failed/);
    } finally {
      await writeFile(p, orig);
    }
  });

  it('verify: a wrong key fails', async () => {
    const r = await run(['tlog', 'verify', dir, '--key', generateSignerKey('example.org/cli').vkey]);
    expect(r.code).toBe(1);
    expect(JSON.parse(lastLine(r.stdout))).toEqual({ ok: false, error: 'UnverifiedNoteError: note has no verifiable signatures' });
  });

  it('keygen prints a signer and verifier key', async () => {
    const r = await run(['tlog', 'keygen', 'example.org/new']);
    const [skey, vkey] = r.stdout.trim().split('\n');
    expect(parseSignerKey(skey!).vkey).toBe(vkey);
  });
});
