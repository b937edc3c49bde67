import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { migrateDatabase, openDatabase, type Database } from '@rectify/db';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { hasUsers, readDemoAccounts, seedDemo, type DemoAccounts } from './demo/seed.ts';
import { LedgerService } from './features/ledger/service.ts';
import { createJobs } from './jobs/index.ts';
import { registerAnalyticsJobs, runAnalyticsOnce } from './jobs/analytics.ts';

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: { service: 'rectify' } });
}

export async function openMigrated(config: Config, log: Logger): Promise<Database> {
  const t0 = performance.now();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.pgliteDir,
  });
  await migrateDatabase(database);
  log.info(
    { engine: database.engine, location: database.location, ms: Math.round(performance.now() - t0) },
    'database ready',
  );
  return database;
}

export interface RunningPlatform {
  app: FastifyInstance;
  database: Database;
  address: string;
  demo: DemoAccounts | undefined;
  /** The transparency log's jobs; `ledger.key.vkey` is the verifier key to publish. */
  ledger: LedgerService;
  stop(): Promise<void>;
}

/** Opens and migrates the database, seeds the demo on an empty one (when enabled), and starts the HTTP server. */
export async function startPlatform(config: Config, log = createLogger(config)): Promise<RunningPlatform> {
  const database = await openMigrated(config, log);
  let demo: DemoAccounts | undefined;
  if (config.demo) {
    demo = (await hasUsers(database)) ? readDemoAccounts(config) : await seedDemo(database, config, log);
  }
  const ledger = new LedgerService(config, database, log);
  log.info({ vkey: ledger.key.vkey, keyFile: ledger.key.file, created: ledger.key.created }, 'ledger key ready');
  ledger.start();
  const jobs = registerAnalyticsJobs(createJobs(database, log), database, config);
  jobs.start();
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  // Topics and alerts at once rather than at the first tick (a fresh demo shows them right after start). After
  // listening: the first run loads the segmenter and would otherwise hold up the plugins' start.
  const analyticsWarmUp = runAnalyticsOnce(jobs).catch((err) => log.error({ err }, 'analytics warm-up failed'));
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const address = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  return {
    app,
    database,
    address,
    demo,
    ledger,
    stop: async () => {
      jobs.stop();
      await analyticsWarmUp;
      await ledger.stop();
      await app.close();
      await database.close();
    },
  };
}
