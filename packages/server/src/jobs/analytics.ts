import type { Database } from '@rectify/db';
import type { Config } from '../config.ts';
import { refreshHotTopics } from '../features/analytics/hot-topics.ts';
import { detectOpinionAlerts, type OpinionOptions } from '../features/analytics/opinion.ts';
import type { JobScheduler } from './scheduler.ts';

export const ANALYTICS_JOBS = ['hot-topics', 'opinion-alerts'] as const;

export function opinionOptions(config: Config): OpinionOptions {
  return {
    lookbackDays: config.analytics.windowDays,
    bucketHours: 24,
    baselineBuckets: 14,
    minCount: config.analytics.alertMinCount,
    z: config.analytics.alertZ,
  };
}

/**
 * The public-opinion batches (DESIGN §8): hot-topic snapshots per county and city, then sentiment of new feedback and
 * negative-spike alerts (which read the topics). Both every `RECTIFY_ANALYTICS_MINUTES`.
 */
export function registerAnalyticsJobs(jobs: JobScheduler, database: Database, config: Config): JobScheduler {
  const every = config.analytics.intervalMinutes;
  const cron = every === 60 ? '0 * * * *' : `*/${every} * * * *`;
  return jobs
    .register({
      name: 'hot-topics',
      cron,
      run: async () => refreshHotTopics(database.db, config.analytics.windowDays),
    })
    .register({
      name: 'opinion-alerts',
      cron,
      run: async () => detectOpinionAlerts(database.db, opinionOptions(config), config.analytics.windowDays),
    });
}

/** Runs the analytics batches once now, in order (at start, so a fresh demo has topics and alerts at once). */
export async function runAnalyticsOnce(jobs: JobScheduler): Promise<void> {
  for (const name of ANALYTICS_JOBS) await jobs.runNow(name);
}
