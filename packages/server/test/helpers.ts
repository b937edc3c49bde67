import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openTestDatabase, type TestDatabase } from '@rectify/db/testing/databases';
import type { Database } from '@rectify/db';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createLogger } from '../src/platform.ts';

export const DEMO_PASSWORD = 'Demo-Passw0rd!';
/** Seeding the demo (≈ 200 problems, ≈ 300 clues) takes up to ~100 s on a busy 2-core CI machine. */
export const DEMO_SEED_TIMEOUT_MS = 300_000;

export interface TestPlatform {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** A fresh database of the engine under test (DATABASE_URL → PostgreSQL, else PGlite) and an app on it. */
export async function startTestPlatform(
  opts: { env?: Record<string, string>; demo?: boolean; demoProblems?: boolean } = {},
): Promise<TestPlatform> {
  const testDb: TestDatabase = await openTestDatabase(process.env.DATABASE_URL, inject('dbTemplate'));
  const config = loadConfig({
    RECTIFY_LOG_LEVEL: 'silent',
    RECTIFY_DEMO_PASSWORD: DEMO_PASSWORD,
    RECTIFY_DATA: `/tmp/rectify-test-data-${process.pid}`,
    ...opts.env,
  });
  if (opts.demo !== false) {
    await seedDemo(testDb.database, config, createLogger(config), { problems: opts.demoProblems ?? false });
  }
  const app = await buildApp({ config, database: testDb.database, web: false });
  return {
    app,
    database: testDb.database,
    config,
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rectify_session')!;
  return { cookie: `rectify_session=${cookie.value}`, csrf: res.json().csrfToken };
}

/** Sends a request as a signed-in user (cookie + CSRF header on writes). */
export function as(app: FastifyInstance, session: Session) {
  return (method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, ...(method !== 'GET' && { 'x-csrf-token': session.csrf }) },
      ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
    });
}

export function expectError(res: LightMyRequestResponse, status: number, code?: string) {
  const body = res.json() as { error?: { code: string; message: string; details?: unknown } };
  if (res.statusCode !== status || !body.error || (code && body.error.code !== code)) {
    throw new Error(`expected ${status}${code ? ` ${code}` : ''}, got ${res.statusCode} ${res.body}`);
  }
  if (!body.error.message) throw new Error('error without a message');
  return body.error;
}
