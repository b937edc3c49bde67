import type { Logger } from 'pino';
import type { Database } from '@rectify/db';
import { recomputeWarnings } from '../features/problems/service.ts';
import { runReminders } from '../features/reminders/service.ts';
import { analysePendingClues } from '../features/clues/analytics.ts';
import { JobScheduler } from './scheduler.ts';

/** The platform's recurring jobs. Each feature adds its jobs here. */
export function createJobs(database: Database, log: Logger): JobScheduler {
  return new JobScheduler(database, log)
    .register({
      name: 'problem-warnings',
      // Lights change with the calendar: shortly after midnight, and hourly to pick up anything missed.
      cron: '5 * * * *',
      run: async () => ({ changed: await recomputeWarnings(database.db) }),
    })
    .register({
      name: 'reminders',
      // Plan, progress, deadline and look-back reminders, each filed once (see features/reminders).
      cron: '0 8 * * *',
      run: async () => runReminders(database.db),
    })
    .register({
      name: 'clue-analytics',
      // Category, routing and near-duplicate suggestions for new clues (shown to triage staff as suggestions only).
      cron: '*/5 * * * *',
      run: async () => ({ analysed: await analysePendingClues(database.db) }),
    });
}
