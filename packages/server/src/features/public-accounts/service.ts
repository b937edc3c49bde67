import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { schema, type Executor } from '@rectify/db';
import { AppError, badRequest } from '@rectify/domain';
import type { Config } from '../../config.ts';
import { randomToken, safeEqual, sha256Hex } from '../../lib/crypto.ts';
import { contactBox } from '../clues/contact-box.ts';

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 5;
export const SESSION_TTL_MS = 30 * 86_400_000;
export const ACCOUNT_COOKIE = 'rectify_public';
/** At most this many codes per contact per hour, whatever the address. */
export const CODES_PER_HOUR = 5;

export type ContactKind = 'phone' | 'email';

/** A mainland mobile number (optionally +86) or an e-mail address, normalised; 400 otherwise. */
export function normaliseContact(raw: string): { kind: ContactKind; value: string } {
  const s = raw.trim();
  const phone = s.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  if (/^1[3-9]\d{9}$/.test(phone)) return { kind: 'phone', value: phone };
  if (/^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(s) && s.length <= 254) return { kind: 'email', value: s.toLowerCase() };
  throw badRequest('请填写 11 位手机号码或电子邮箱地址');
}

const keys = new Map<string, Buffer>();
function digestKey(config: Config): Buffer {
  const file = config.publicAccounts.keyFile;
  let key = keys.get(file);
  if (!key) {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${randomToken(32)}\n`, { mode: 0o600 });
    }
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    if (key.length < 32) throw new Error(`${file} must hold at least 32 bytes (base64url)`);
    keys.set(file, key);
  }
  return key;
}

/** HMAC-SHA256 of the normalised contact: how an account and its codes are found, without storing the contact. */
export const contactDigest = (config: Config, value: string) =>
  createHmac('sha256', digestKey(config)).update(value).digest('hex');

const codeHash = (digest: string, code: string) => sha256Hex(`${digest}:${code}`);

/** Stores a fresh 6-digit code for the contact (earlier ones stop working) and returns it with its expiry. */
export async function issueCode(db: Executor, digest: string, now = new Date()) {
  const [recent] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.publicSignInCodes)
    .where(
      and(
        eq(schema.publicSignInCodes.contactDigest, digest),
        gt(schema.publicSignInCodes.createdAt, new Date(now.getTime() - 3_600_000)),
      ),
    );
  if (Number(recent?.n ?? 0) >= CODES_PER_HOUR)
    throw new AppError(429, 'rate_limited', '验证码发送过于频繁，请一小时后再试', { per: 'contact' });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await db.transaction(async (tx) => {
    await tx
      .update(schema.publicSignInCodes)
      .set({ consumedAt: now })
      .where(and(eq(schema.publicSignInCodes.contactDigest, digest), isNull(schema.publicSignInCodes.consumedAt)));
    await tx
      .insert(schema.publicSignInCodes)
      .values({ contactDigest: digest, codeHash: codeHash(digest, code), expiresAt, createdAt: now });
  });
  return { code, expiresAt };
}

const wrongCode = (left: number) =>
  new AppError(
    400,
    'invalid_code',
    left > 0 ? `验证码不正确，还可以再试 ${left} 次` : '验证码错误次数过多，请重新获取',
    {
      attemptsLeft: left,
    },
  );

/**
 * Checks a code against the contact's latest unused one: expired, used up (5 wrong tries) or absent → 400 with a
 * message; a wrong one counts an attempt. On success the code is consumed and the account found or created (the
 * contact stored encrypted, bound to the account id).
 */
export async function verifyCode(
  db: Executor,
  config: Config,
  contact: { kind: ContactKind; value: string },
  code: string,
  now = new Date(),
): Promise<{ accountId: string }> {
  const digest = contactDigest(config, contact.value);
  // A wrong code must count even though the answer is an error: the transaction commits, then the error is thrown.
  const outcome = await db.transaction(async (tx): Promise<{ accountId: string } | { error: AppError }> => {
    const [row] = await tx
      .select()
      .from(schema.publicSignInCodes)
      .where(and(eq(schema.publicSignInCodes.contactDigest, digest), isNull(schema.publicSignInCodes.consumedAt)))
      .orderBy(desc(schema.publicSignInCodes.createdAt))
      .limit(1)
      .for('update');
    if (!row) throw new AppError(400, 'invalid_code', '请先获取验证码');
    if (row.expiresAt.getTime() <= now.getTime()) throw new AppError(400, 'code_expired', '验证码已过期，请重新获取');
    if (row.attempts >= MAX_ATTEMPTS) throw wrongCode(0);
    if (!safeEqual(row.codeHash, codeHash(digest, code))) {
      await tx
        .update(schema.publicSignInCodes)
        .set({ attempts: row.attempts + 1 })
        .where(eq(schema.publicSignInCodes.id, row.id));
      return { error: wrongCode(MAX_ATTEMPTS - row.attempts - 1) };
    }
    await tx.update(schema.publicSignInCodes).set({ consumedAt: now }).where(eq(schema.publicSignInCodes.id, row.id));
    const [existing] = await tx
      .select({ id: schema.publicAccounts.id })
      .from(schema.publicAccounts)
      .where(eq(schema.publicAccounts.contactDigest, digest));
    if (existing) {
      await tx
        .update(schema.publicAccounts)
        .set({ lastSignInAt: now })
        .where(eq(schema.publicAccounts.id, existing.id));
      return { accountId: existing.id };
    }
    const id = randomUUID();
    const sealed = contactBox(config).seal(contact.value, `public_account:${id}`);
    await tx.insert(schema.publicAccounts).values({
      id,
      contactDigest: digest,
      contactKind: contact.kind,
      contactCiphertext: sealed.sealed,
      contactKeyId: sealed.keyId,
      lastSignInAt: now,
    });
    return { accountId: id };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome;
}

export async function createSession(db: Executor, accountId: string, now = new Date()) {
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(schema.publicSessions).values({ id: sha256Hex(token), accountId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** The account of a session cookie, if the session exists and has not expired. */
export async function accountOfToken(db: Executor, token: string | undefined, now = new Date()) {
  if (!token || token.length > 100) return undefined;
  const [row] = await db
    .select({
      accountId: schema.publicSessions.accountId,
      contactKind: schema.publicAccounts.contactKind,
      contactCiphertext: schema.publicAccounts.contactCiphertext,
    })
    .from(schema.publicSessions)
    .innerJoin(schema.publicAccounts, eq(schema.publicAccounts.id, schema.publicSessions.accountId))
    .where(and(eq(schema.publicSessions.id, sha256Hex(token)), gt(schema.publicSessions.expiresAt, now)));
  return row;
}

export async function endSession(db: Executor, token: string | undefined): Promise<void> {
  if (!token || token.length > 100) return;
  await db.delete(schema.publicSessions).where(eq(schema.publicSessions.id, sha256Hex(token)));
}

/** The account's contact, masked for showing back to its owner (138****5678, a***@example.com). */
export function maskedContact(
  config: Config,
  account: { accountId: string; contactKind: string; contactCiphertext: string },
) {
  const value = contactBox(config).open(account.contactCiphertext, `public_account:${account.accountId}`);
  if (account.contactKind === 'phone') return `${value.slice(0, 3)}****${value.slice(-4)}`;
  const [user, domain] = value.split('@');
  return `${user!.slice(0, 1)}***@${domain}`;
}

export const accountReporterKey = (accountId: string) => `account:${accountId}`;
