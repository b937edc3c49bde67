import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from './client.ts';

/**
 * Signals between the app processes of one database over PostgreSQL LISTEN/NOTIFY: a process that changed something
 * other processes cache says so on a channel, and every listener (itself included) drops its copy. A notification is
 * delivered only once its transaction commits. On PGlite there is one process, and the same calls work in it.
 */
export async function sendSignal(database: Database, channel: string): Promise<void> {
  await database.sql.query('SELECT pg_notify($1, $2)', [channel, '']);
}

/** Calls `onSignal` for each signal on `channel` until the returned function is called. */
export async function listenForSignals(
  database: Database,
  channel: string,
  onSignal: () => void,
  onError: (err: Error) => void = () => undefined,
): Promise<() => Promise<void>> {
  if (database.engine === 'pglite') return (database.sql as PGlite).listen(channel, onSignal);
  return listenOnServer(database.sql as pg.Pool, channel, onSignal, onError);
}

/**
 * One connection of the pool held for LISTEN. When it is lost (server restart, failover) the listener reconnects after
 * a second and calls `onSignal` once, since signals sent in between were missed.
 */
async function listenOnServer(
  pool: pg.Pool,
  channel: string,
  onSignal: () => void,
  onError: (err: Error) => void,
): Promise<() => Promise<void>> {
  let client: pg.PoolClient | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const quoted = `"${channel.replaceAll('"', '""')}"`;

  const connect = async (): Promise<void> => {
    const c = await pool.connect();
    c.on('notification', (n) => {
      if (n.channel === channel) onSignal();
    });
    c.on('error', (err) => {
      onError(err);
      c.release(err);
      if (client === c) client = undefined;
      if (!stopped) retry = setTimeout(reconnect, 1000);
    });
    await c.query(`LISTEN ${quoted}`);
    client = c;
  };
  const reconnect = () => {
    connect().then(onSignal, (err: Error) => {
      onError(err);
      if (!stopped) retry = setTimeout(reconnect, 1000);
    });
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = undefined;
    if (!c) return;
    await c.query(`UNLISTEN ${quoted}`).catch(() => undefined);
    c.release();
  };
}
