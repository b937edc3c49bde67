import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database } from '@rectify/db';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

async function schemaFingerprint(database: Database) {
  const { rows } = await database.sql.query<{ t: string }>(
    `select table_name || '.' || column_name || ':' || data_type t from information_schema.columns
      where table_schema = 'public' order by 1`,
  );
  const migrations = await database.sql.query<{ n: number }>(
    'select count(*)::int n from drizzle.__drizzle_migrations',
  );
  return { columns: rows.map((r) => r.t), migrations: migrations.rows[0]!.n };
}

/** Opens an empty database of the engine under test. */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const name = `rectify_mig_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe(`migrations on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('apply from empty, then re-apply as a no-op', async () => {
    const { database, drop } = await emptyDatabase();
    try {
      await migrateDatabase(database);
      const first = await schemaFingerprint(database);
      expect(first.columns).toContain('events.region_code:text');
      expect(first.columns).toContain('units.version:integer');
      expect(first.migrations).toBeGreaterThanOrEqual(2);
      await migrateDatabase(database);
      expect(await schemaFingerprint(database)).toEqual(first);
    } finally {
      await drop();
    }
  });

  it('are safe when several processes migrate at once', async () => {
    const { database, drop } = await emptyDatabase();
    try {
      await Promise.all([migrateDatabase(database), migrateDatabase(database), migrateDatabase(database)]);
      const fp = await schemaFingerprint(database);
      const { rows } = await database.sql.query<{ n: number }>(
        'select count(distinct hash)::int n from drizzle.__drizzle_migrations',
      );
      expect(rows[0]!.n).toBe(fp.migrations);
    } finally {
      await drop();
    }
  });
});
