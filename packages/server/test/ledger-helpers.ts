import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { TileSource } from '@rectify/ledger';
import { LedgerService } from '../src/features/ledger/service.ts';
import type { FetchLike } from '../src/features/ledger/witnesses.ts';
import { as, login, startTestPlatform, type TestPlatform } from './helpers.ts';

export const silent = pino({ level: 'silent' });

/** A test platform whose ledger key and journal live in a fresh temporary folder. */
export async function startLedgerPlatform(
  env: Record<string, string> = {},
): Promise<TestPlatform & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rectify-ledger-'));
  const t = await startTestPlatform({ env: { RECTIFY_DATA: dataDir, ...env } });
  return { ...t, dataDir };
}

export function ledgerService(t: TestPlatform, opts: { fetch?: FetchLike } = {}): LedgerService {
  return new LedgerService(t.config, t.database, silent, opts);
}

/** Creates `n` units as admin through the API; returns their ids. */
export async function createUnits(app: FastifyInstance, n: number, prefix = '测试单位'): Promise<string[]> {
  const admin = as(app, await login(app, 'admin'));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await admin('POST', '/api/units', {
      name: `${prefix}${i}-${Math.random().toString(36).slice(2, 8)}`,
      kind: 'department',
      regionCode: '330500',
    });
    if (res.statusCode !== 201) throw new Error(`create unit: ${res.statusCode} ${res.body}`);
    ids.push(res.json().id as string);
  }
  return ids;
}

/** The app's public /log/ endpoints as a tlog-tiles source, through app.inject (no network). */
export function injectSource(app: FastifyInstance): TileSource {
  return {
    description: 'app.inject /log/',
    async read(path) {
      const res = await app.inject({ method: 'GET', url: `/log/${path}` });
      if (res.statusCode === 404) return undefined;
      if (res.statusCode !== 200) throw new Error(`GET /log/${path}: ${res.statusCode}`);
      return new Uint8Array(res.rawPayload);
    },
  };
}
