import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestPlatform, type TestPlatform } from './helpers.ts';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../bin/rectify.mjs');

describe('HTTP basics', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.close());

  it('reports health with the engine in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    expect(body.regions).toBeGreaterThan(70);
  });

  it('serves an OpenAPI 3 description of every route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/units',
      '/api/users/{id}',
      '/api/events',
      '/api/audit',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/units'].post.requestBody.content['application/json'].schema.required).toContain(
      'regionCode',
    );
  });

  it('lists the public region tree without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions?parent=330500' });
    expect(res.json().items.map((r: { name: string }) => r.name)).toEqual([
      '吴兴区',
      '南浔区',
      '德清县',
      '长兴县',
      '安吉县',
    ]);
  });
});

/** The CLI against the engine under test: a PGlite data folder, or a fresh database on the server. */
describe(`rectify CLI on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-cli-'));
  const serverUrl = process.env.DATABASE_URL;
  const dbName = `rectify_cli_${process.pid}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    RECTIFY_DATA: join(dir, 'data'),
    RECTIFY_LOG_LEVEL: 'warn',
  };
  if (serverUrl) {
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
  }
  const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });
  beforeAll(async () => {
    if (serverUrl) await run('psql', [serverUrl, '-qc', `CREATE DATABASE ${dbName}`]);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (serverUrl) await run('psql', [serverUrl, '-qc', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
  });

  it('prints help listing its commands', async () => {
    const { stdout } = await cli('--help');
    for (const cmd of ['start', 'migrate', 'seed', 'user', 'regions', 'backup', 'restore'])
      expect(stdout).toContain(cmd);
  });

  it('loads a region subtree, seeds the demo, creates a user, backs up and restores', async () => {
    const loaded = await cli('regions', 'load', '--code', '330100');
    expect(loaded.stdout).toMatch(/loaded \d+ regions under 330100/);
    const seeded = await cli('seed', '--demo');
    expect(seeded.stdout).toContain('demo seeded');
    await expect(cli('seed', '--demo')).rejects.toThrow(/already has users/);
    const created = await cli(
      'user',
      'create',
      '--username',
      'zhangsan',
      '--unit',
      '湖州市教育局',
      '--role',
      'unit_liaison',
    );
    expect(created.stdout).toMatch(/created zhangsan \(unit_liaison on 湖州市教育局\) with password \S{10,}/);
    await expect(
      cli('user', 'create', '--username', 'zhangsan', '--unit', '湖州市教育局', '--role', 'unit_liaison'),
    ).rejects.toThrow(/已被使用/);

    const backup = join(dir, 'backup.dump');
    await cli('backup', backup);
    expect(existsSync(backup)).toBe(true);
    // A user created after the backup disappears on restore; the one before it is back.
    await cli('user', 'create', '--username', 'lisi', '--unit', '湖州市教育局', '--role', 'unit_liaison');
    if (!serverUrl) await expect(cli('restore', backup)).rejects.toThrow(/not empty/);
    const restored = await cli('restore', backup, '--force');
    expect(restored.stdout).toContain('restored');
    await expect(
      cli('user', 'create', '--username', 'zhangsan', '--unit', '湖州市教育局', '--role', 'unit_liaison'),
    ).rejects.toThrow(/已被使用/);
    expect(
      (await cli('user', 'create', '--username', 'lisi', '--unit', '湖州市教育局', '--role', 'unit_liaison')).stdout,
    ).toContain('created lisi');
  }, 240_000);
});
