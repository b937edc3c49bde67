import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The Drizzle handle; the same type for both engines so queries are written once. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A database handle or an open transaction: what every query function takes. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export type Engine = 'pglite' | 'postgres';

export interface DatabaseConfig {
  /** PostgreSQL server URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; omitted → in-memory. */
  dataDir?: string | undefined;
  /** PGlite: start from this dump (see `dumpDataDir`) instead of an empty folder. */
  loadDataDir?: Blob | undefined;
  /** pg pool size. */
  poolSize?: number;
}

/** Raw SQL access with positional parameters; satisfied by both PGlite and a pg Pool. */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database {
  engine: Engine;
  db: Db;
  sql: SqlExecutor;
  /** Human-readable location, for logs (no password). */
  location: string;
  /** PGlite only: a gzipped tarball of the data folder. */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../drizzle');

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) return openPostgres(config.url, config.poolSize ?? 10);
  return openPglite(config);
}

async function openPglite(config: DatabaseConfig): Promise<Database> {
  // PGlite does not create missing parent folders (STACK pitfall 2).
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const options = config.loadDataDir ? { loadDataDir: config.loadDataDir } : {};
  // PGlite ignores the options when the data-dir argument is present but undefined: pass one form or the other.
  const client = config.dataDir ? new PGlite(config.dataDir, options) : new PGlite(options);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    sql: client,
    location: config.dataDir ? resolve(config.dataDir) : 'memory',
    dumpDataDir: async () => client.dumpDataDir('gzip'),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
  // Fail fast with a clear message instead of on the first request.
  const probe = await pool.connect().catch((err: Error) => {
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${err.message}`);
  });
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { engine: 'postgres', db, sql: pool, location: redactUrl(url), close: () => pool.end() };
}

/** Applies pending migrations; a no-op when up to date. Safe with several processes on one server. */
const pgliteMigrations = new WeakMap<Database, Promise<void>>();

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    // PGlite has one connection and no session locks: serialise concurrent calls in this process instead.
    const previous = pgliteMigrations.get(database) ?? Promise.resolve();
    const next = previous.then(() => migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER }));
    pgliteMigrations.set(database, next.catch(() => undefined));
    return next;
  }
  const pool = database.sql as pg.Pool;
  const lockClient = await pool.connect();
  try {
    // Several app processes may start together: one migrates, the others wait and find nothing to do.
    await lockClient.query('SELECT pg_advisory_lock(724201)');
    // Migrate on the connection holding the lock (a pool of one would otherwise wait for itself).
    await migratePg(drizzlePg(lockClient), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(724201)').catch(() => undefined);
    lockClient.release();
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
