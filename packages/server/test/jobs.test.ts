import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import type pg from 'pg';
import { schema } from '@rectify/db';
import { JobScheduler } from '../src/jobs/scheduler.ts';
import { recomputeWarnings } from '../src/features/problems/service.ts';
import { as, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.close());

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('warning recomputation job', () => {
  it('turns an assigned problem yellow near its deadline and red once overdue, without touching its version', async () => {
    const staff = as(t.app, await login(t.app, 'cppcc_staff'));
    const [unit] = await t.database.db.select().from(schema.units).where(eq(schema.units.name, '湖州市水利局'));
    let p = (
      await staff('POST', '/api/problems', {
        title: '河道保洁不到位',
        description: '长兴县某河道漂浮物较多，保洁频次不足。',
        source: 'data',
        regionCode: '330522',
      })
    ).json();
    p = (await staff('POST', `/api/problems/${p.id}/commands/confirm`, { version: p.version, input: {} })).json();
    p = (
      await staff('POST', `/api/problems/${p.id}/commands/assign`, {
        version: p.version,
        input: { leadUnitId: unit!.id, responsibleLeader: '王局长', responsiblePerson: '李科长', deadline: inDays(20) },
      })
    ).json();
    expect(p.warning).toBe('green');

    await recomputeWarnings(t.database.db, new Date(Date.now() + 15 * 86_400_000));
    let row = (await t.database.db.select().from(schema.problems).where(eq(schema.problems.id, p.id)))[0]!;
    expect(row.warning).toBe('yellow');

    const changed = await recomputeWarnings(t.database.db, new Date(Date.now() + 25 * 86_400_000));
    expect(changed).toBeGreaterThanOrEqual(1);
    row = (await t.database.db.select().from(schema.problems).where(eq(schema.problems.id, p.id)))[0]!;
    expect(row.warning).toBe('red');
    expect(row.overdueDays).toBeGreaterThanOrEqual(4);
    expect(row.version).toBe(p.version);
  });

  it('runs a job in one process at a time on a server, always on PGlite', async () => {
    let runs = 0;
    const scheduler = new JobScheduler(t.database, pino({ level: 'silent' })).register({
      name: 'count',
      cron: '0 0 1 1 *',
      run: async () => {
        runs++;
      },
    });
    expect(await scheduler.runNow('count')).toBe(true);
    expect(runs).toBe(1);
    if (t.database.engine === 'postgres') {
      // Another process holds the job's lock: this one skips.
      const other = await (t.database.sql as pg.Pool).connect();
      const { createHash } = await import('node:crypto');
      const key = createHash('sha256').update('rectify-job:count').digest().readInt32BE(0);
      await other.query('SELECT pg_advisory_lock($1)', [key]);
      expect(await scheduler.runNow('count')).toBe(false);
      await other.query('SELECT pg_advisory_unlock($1)', [key]);
      other.release();
      expect(await scheduler.runNow('count')).toBe(true);
      expect(runs).toBe(2);
    }
    await expect(scheduler.runNow('missing')).rejects.toThrow(/no job/);
  });
});
