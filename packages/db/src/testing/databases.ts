import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../client.ts';

/**
 * Test databases for both engines. On a PostgreSQL server every call makes a fresh database cloned from a migrated
 * template; on PGlite every call loads a migrated data-folder dump (~1 s instead of ~6 s per migration).
 */
export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

const adminUrl = (url: string, dbName: string) => {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
};

async function withServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Builds the migrated template once per test run. Returns what `openTestDatabase` needs. */
export async function prepareTemplate(serverUrl: string | undefined, dumpPath: string): Promise<string> {
  if (serverUrl) {
    const name = `rectify_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    await withServer(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const db = await openDatabase({ url: adminUrl(serverUrl, name), poolSize: 1 });
    await migrateDatabase(db);
    await db.close();
    return name;
  }
  const db = await openDatabase({});
  await migrateDatabase(db);
  const blob = await db.dumpDataDir!();
  const { writeFileSync } = await import('node:fs');
  writeFileSync(dumpPath, Buffer.from(await blob.arrayBuffer()));
  await db.close();
  return dumpPath;
}

export async function dropTemplate(serverUrl: string | undefined, template: string): Promise<void> {
  if (serverUrl) await withServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
}

export async function openTestDatabase(serverUrl: string | undefined, template: string): Promise<TestDatabase> {
  if (serverUrl) {
    const name = `rectify_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await withServer(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
    const database = await openDatabase({ url: adminUrl(serverUrl, name), poolSize: 5 });
    return {
      database,
      drop: async () => {
        await database.close();
        await withServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const { readFileSync } = await import('node:fs');
  const database = await openDatabase({ loadDataDir: new Blob([readFileSync(template)]) });
  return { database, drop: () => database.close() };
}
