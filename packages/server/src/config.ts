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
  RECTIFY_UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(20 * 1_048_576),
  RECTIFY_LEDGER_ORIGIN: z
    .string()
    .regex(/^[^\s+]+$/, 'no spaces or "+"')
    .default('rectify.local/log'),
  RECTIFY_LEDGER_KEY_FILE: z.string().optional(),
  RECTIFY_LEDGER_SEQUENCE_SECONDS: z.coerce.number().positive().default(2),
  RECTIFY_LEDGER_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  RECTIFY_CHECKPOINT_SECONDS: z.coerce.number().positive().default(60),
  RECTIFY_WITNESSES: z.string().default(''),
  RECTIFY_LEDGER_PUBLIC_ENTRIES: bool.default(false),
  RECTIFY_DEMO_CLUES: bool.default(true),
  RECTIFY_CONTACT_KEYS: z.string().optional(),
  RECTIFY_CONTACT_KEY_FILE: z.string().optional(),
  RECTIFY_TOP_REGION: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  RECTIFY_PUBLIC_READS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RECTIFY_PUBLIC_TRACK_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
  RECTIFY_PUBLIC_CODE_SENDER: z.enum(['log', 'webhook']).default('log'),
  RECTIFY_PUBLIC_CODE_WEBHOOK_URL: z.url().optional(),
  RECTIFY_PUBLIC_CODE_WEBHOOK_TOKEN: z.string().min(1).optional(),
  RECTIFY_PUBLIC_ACCOUNT_KEY_FILE: z.string().optional(),
  RECTIFY_CLUE_FLOOD_THRESHOLD: z.coerce.number().int().min(1).default(5),
  RECTIFY_ANALYTICS_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  RECTIFY_HOT_TOPIC_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  RECTIFY_OPINION_ALERT_MIN_COUNT: z.coerce.number().int().min(1).default(3),
  RECTIFY_OPINION_ALERT_Z: z.coerce.number().positive().default(3),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The embedded database's own folder inside `dataDir` (keys and other files live beside it, not in it). */
  pgliteDir: string;
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
  /** Largest evidence file accepted. */
  uploadLimitBytes: number;
  /** Transparency log (docs/ledger.md). */
  ledger: {
    origin: string;
    keyFile: string;
    sequenceSeconds: number;
    batchSize: number;
    checkpointSeconds: number;
    /** `URL|VKEY` entries, not yet parsed (features/ledger/witnesses.ts parses them at start). */
    witnesses: string[];
    /** Serve entry bundles (the events' full bytes) publicly at /log/tile/entries/. */
    publicEntries: boolean;
  };
  /** Public participation and clue intake (docs/public.md). */
  clues: {
    /** Seed demo clues with the demo organisation (off in tests that need an empty queue). */
    demo: boolean;
    /** `KEYID:BASE64(32 bytes)` entries; the first encrypts, all decrypt. Unset → a key file in the data folder. */
    contactKeys: string | undefined;
    contactKeyFile: string;
    /** Region where reports that cannot be placed more precisely go for triage; unset → the top loaded region. */
    topRegion: string | undefined;
    submitsPerMinute: number;
    readsPerMinute: number;
    /** How long a presented tracking page is served from this process's memory (0 = not cached); writes clear it. */
    trackCacheMs: number;
    /** Same text received this many times within an hour → further copies are held for moderation. */
    floodThreshold: number;
  };
  /** Light public accounts (轻量账号, docs/public.md): how sign-in codes are delivered, the contact-digest key. */
  publicAccounts: {
    sender: 'log' | 'webhook';
    webhookUrl: string | undefined;
    webhookToken: string | undefined;
    /** 32 random bytes (created when missing) keying the HMAC digest by which an account is found from a contact. */
    keyFile: string;
  };
  /** Public-opinion analytics jobs (docs/analytics.md). */
  analytics: {
    /** Hot topics and opinion alerts are recomputed every this many minutes. */
    intervalMinutes: number;
    /** The window of the scheduled hot-topic snapshots and of the alert look-back. */
    windowDays: number;
    /** Fewest negative ratings in a day for an alert. */
    alertMinCount: number;
    /** Standard deviations above the 14-day baseline for an alert. */
    alertZ: number;
  };
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
    pgliteDir: resolve(e.RECTIFY_DATA, 'pglite'),
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
    uploadLimitBytes: e.RECTIFY_UPLOAD_LIMIT_BYTES,
    ledger: {
      origin: e.RECTIFY_LEDGER_ORIGIN,
      keyFile: resolve(e.RECTIFY_LEDGER_KEY_FILE ?? resolve(e.RECTIFY_DATA, 'ledger', 'log.key')),
      sequenceSeconds: e.RECTIFY_LEDGER_SEQUENCE_SECONDS,
      batchSize: e.RECTIFY_LEDGER_BATCH,
      checkpointSeconds: e.RECTIFY_CHECKPOINT_SECONDS,
      witnesses: e.RECTIFY_WITNESSES.split(/[\s,]+/).filter((w) => w !== ''),
      publicEntries: e.RECTIFY_LEDGER_PUBLIC_ENTRIES,
    },
    clues: {
      demo: e.RECTIFY_DEMO_CLUES,
      contactKeys: e.RECTIFY_CONTACT_KEYS,
      contactKeyFile: resolve(e.RECTIFY_CONTACT_KEY_FILE ?? resolve(e.RECTIFY_DATA, 'contact.keys')),
      topRegion: e.RECTIFY_TOP_REGION,
      submitsPerMinute: e.RECTIFY_PUBLIC_SUBMITS_PER_MINUTE,
      readsPerMinute: e.RECTIFY_PUBLIC_READS_PER_MINUTE,
      trackCacheMs: e.RECTIFY_PUBLIC_TRACK_CACHE_MS,
      floodThreshold: e.RECTIFY_CLUE_FLOOD_THRESHOLD,
    },
    publicAccounts: {
      sender: e.RECTIFY_PUBLIC_CODE_SENDER,
      webhookUrl: e.RECTIFY_PUBLIC_CODE_WEBHOOK_URL,
      webhookToken: e.RECTIFY_PUBLIC_CODE_WEBHOOK_TOKEN,
      keyFile: resolve(e.RECTIFY_PUBLIC_ACCOUNT_KEY_FILE ?? resolve(e.RECTIFY_DATA, 'public-account.key')),
    },
    analytics: {
      intervalMinutes: e.RECTIFY_ANALYTICS_MINUTES,
      windowDays: e.RECTIFY_HOT_TOPIC_DAYS,
      alertMinCount: e.RECTIFY_OPINION_ALERT_MIN_COUNT,
      alertZ: e.RECTIFY_OPINION_ALERT_Z,
    },
  };
}
