import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { appendEvent, openDatabase, type Database } from '@rectify/db';
import { loadConfig } from '../src/config.ts';
import { LedgerService } from '../src/features/ledger/service.ts';
import { silent } from './ledger-helpers.ts';

/**
 * The `rectify` binary against a database on disk (a PGlite folder, or a database on the PostgreSQL server):
 * `ledger audit` passes, then names a tampered event; `ledger publish` writes a folder `tlog verify` accepts.
 */

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'rectify-ledger-cli-'));
let url: string | undefined;
let dbName: string | undefined;
let env: Record<string, string>;
let vkey: string;

async function open(): Promise<Database> {
  return openDatabase(url ? { url, poolSize: 2 } : { dataDir: join(dataDir, 'pglite') });
}

async function rectify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { DATABASE_URL: _ignored, ...base } = process.env;
    const r = await run('node', ['packages/server/bin/rectify.mjs', ...args], { env: { ...base, ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const lastJson = (s: string) => JSON.parse(s.trim().split('\n').at(-1)!) as Record<string, unknown>;

beforeAll(async () => {
  const template = inject('dbTemplate');
  if (process.env.DATABASE_URL) {
    dbName = `rectify_ledger_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${template}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${dbName}`;
    url = u.toString();
  } else {
    // A migrated PGlite folder from the test template.
    const db = await openDatabase({ dataDir: join(dataDir, 'pglite'), loadDataDir: new Blob([readFileSync(template)]) });
    await db.close();
  }
  env = { RECTIFY_DATA: dataDir, RECTIFY_LOG_LEVEL: 'silent', ...(url && { DATABASE_URL: url }) };
  const config = loadConfig(env);
  const db = await open();
  try {
    await db.db.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) {
        await appendEvent(tx, {
          actorUserId: null,
          actorUsername: 'cli',
          type: 'test.cli',
          subjectType: 'test',
          subjectId: String(i),
          regionCode: '330500',
          payload: { i },
        });
      }
    });
    const service = new LedgerService(config, db, silent);
    await service.runOnce();
    vkey = service.key.vkey;
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  if (dbName) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

it('publishes a folder that `rectify tlog verify` accepts', async () => {
  const out = join(dataDir, 'published');
  const pub = await rectify('ledger', 'publish', out);
  expect(pub.code).toBe(0);
  expect(lastJson(pub.stdout)).toMatchObject({ ok: true, size: 40 });
  const v = await rectify('tlog', 'verify', out, '--key', vkey);
  expect(v.code).toBe(0);
  expect(lastJson(v.stdout)).toMatchObject({ ok: true, size: 40 });
  const other = await rectify('tlog', 'verify', out, '--key', 'other.example/log+00000000+AQ' + 'A'.repeat(42) + '=');
  expect(other.code).toBe(1);
});

it('`rectify ledger audit` passes, then names an edited event and exits 1', async () => {
  const ok = await rectify('ledger', 'audit');
  expect(ok.stderr).toBe('');
  expect(ok.code).toBe(0);
  expect(lastJson(ok.stdout)).toEqual({ ok: true, events: 40, leaves: 40, pending: 0, checkpoints: 1 });

  const db = await open();
  let id: number;
  try {
    await db.sql.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
    id = Number(
      (await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM events WHERE subject_id = '7'`)).rows[0]!.id,
    );
    await db.sql.query(`UPDATE events SET actor_username = 'someone-else' WHERE id = $1`, [id]);
  } finally {
    await db.close();
  }
  const bad = await rectify('ledger', 'audit');
  expect(bad.code).toBe(1);
  const last = lastJson(bad.stdout);
  expect(last).toMatchObject({ ok: false, kind: 'edited' });
  expect(String(last.error)).toContain(`event ${id}`);
  expect(bad.stdout).toContain('actorUsername');
});
