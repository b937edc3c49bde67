import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting comes from the environment; the README's configuration table documents each one. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  RECTIFY_DATA: z.string().default('./data'),
  RECTIFY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RECTIFY_DEMO: bool.default(true),
  RECTIFY_DEMO_PASSWORD: z.string().optional(),
  RECTIFY_SEPARATION_OF_DUTIES: bool.default(false),
  RECTIFY_SESSION_HOURS: z.coerce.number().positive().default(12),
  RECTIFY_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  RECTIFY_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  RECTIFY_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  RECTIFY_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RECTIFY_TRUST_PROXY: bool.default(false),
  RECTIFY_SECURE_COOKIES: bool.optional(),
  RECTIFY_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['RECTIFY_LOG_LEVEL'];
  demo: boolean;
  demoPassword: string | undefined;
  separationOfDuties: boolean;
  sessionHours: number;
  sessionIdleMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  loginRatePerMinute: number;
  trustProxy: boolean;
  /** undefined → Secure cookies exactly when the request arrived over TLS (directly or via a trusted proxy). */
  secureCookies: boolean | undefined;
  bodyLimit: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration in environment variables:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.RECTIFY_DATA),
    logLevel: e.RECTIFY_LOG_LEVEL,
    demo: e.RECTIFY_DEMO,
    demoPassword: e.RECTIFY_DEMO_PASSWORD,
    separationOfDuties: e.RECTIFY_SEPARATION_OF_DUTIES,
    sessionHours: e.RECTIFY_SESSION_HOURS,
    sessionIdleMinutes: e.RECTIFY_SESSION_IDLE_MINUTES,
    lockoutThreshold: e.RECTIFY_LOCKOUT_THRESHOLD,
    lockoutMinutes: e.RECTIFY_LOCKOUT_MINUTES,
    loginRatePerMinute: e.RECTIFY_LOGIN_RATE_PER_MINUTE,
    trustProxy: e.RECTIFY_TRUST_PROXY,
    secureCookies: e.RECTIFY_SECURE_COOKIES,
    bodyLimit: e.RECTIFY_BODY_LIMIT_BYTES,
  };
}
