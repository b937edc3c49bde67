import { createHash } from 'node:crypto';
import { Cron } from 'croner';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '@rectify/db';

export interface JobDefinition {
  name: string;
  /** Cron pattern, read in the deployment's time zone. */
  cron: string;
  /** Must be idempotent: a run may repeat after a crash, and two processes may run it back to back. */
  run(): Promise<Record<string, unknown> | void>;
}

/**
 * Recurring jobs behind one interface for both engines. On PGlite the process is alone and runs every job itself;
 * on a PostgreSQL server every process schedules the job, and a session advisory lock per job lets only one of
 * them run it at a time (the others skip that tick).
 */
export class JobScheduler {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly crons: Cron[] = [];

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    private readonly timeZone = 'Asia/Shanghai',
  ) {}

  register(job: JobDefinition): this {
    this.jobs.set(job.name, job);
    return this;
  }

  start(): void {
    for (const job of this.jobs.values()) {
      this.crons.push(
        new Cron(job.cron, { timezone: this.timeZone, protect: true }, async () => {
          await this.runNow(job.name);
        }),
      );
    }
  }

  stop(): void {
    for (const c of this.crons.splice(0)) c.stop();
  }

  /** Runs a job once now (also what a tick does). Returns false when another process held the job. */
  async runNow(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    const started = performance.now();
    const release = await this.lock(name);
    if (!release) {
      this.log.debug({ job: name }, 'job skipped: running in another process');
      return false;
    }
    try {
      const summary = await job.run();
      this.log.info({ job: name, ms: Math.round(performance.now() - started), ...summary }, 'job finished');
      return true;
    } catch (err) {
      this.log.error({ job: name, err }, 'job failed');
      return true;
    } finally {
      await release();
    }
  }

  private async lock(name: string): Promise<(() => Promise<void>) | null> {
    if (this.database.engine === 'pglite') return async () => undefined;
    const key = createHash('sha256').update(`rectify-job:${name}`).digest().readInt32BE(0);
    const client = await (this.database.sql as pg.Pool).connect();
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
    if (!rows[0]?.ok) {
      client.release();
      return null;
    }
    return async () => {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      client.release();
    };
  }
}
