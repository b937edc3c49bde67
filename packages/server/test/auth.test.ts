import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { currentStep, totpAt } from '../src/lib/totp.ts';
import { as, DEMO_PASSWORD, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform({ env: { RECTIFY_LOCKOUT_THRESHOLD: '3', RECTIFY_LOGIN_RATE_PER_MINUTE: '1000' } });
});
afterAll(() => t.close());

async function lastAudit(action: string) {
  const [row] = await t.database.db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.action, action))
    .orderBy(desc(schema.auditLog.id))
    .limit(1);
  return row;
}

describe('sign-in', () => {
  it('accepts the right password, sets a secure-by-default cookie and returns a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'member', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'rectify_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect((await lastAudit('auth.login'))?.outcome).toBe('success');
  });

  it('marks the cookie Secure behind TLS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'member', password: DEMO_PASSWORD },
      headers: {},
      // light-my-request has no TLS; the config switch forces the flag as a TLS deployment would
    });
    expect(res.cookies.find((c) => c.name === 'rectify_session')!.secure).toBeFalsy();
    const secure = await startTestPlatform({ env: { RECTIFY_SECURE_COOKIES: 'true' } });
    try {
      const r2 = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'member', password: DEMO_PASSWORD },
      });
      expect(r2.cookies.find((c) => c.name === 'rectify_session')!.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('refuses a wrong password with 401 and audits it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: 'wrong-Password1' },
    });
    expectError(res, 401, 'invalid_credentials');
    const audit = await lastAudit('auth.login');
    expect(audit?.outcome).toBe('failure');
    expect(audit?.details).toMatchObject({ reason: 'bad_password' });
  });

  it('gives an unknown username the same answer as a wrong password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    expectError(res, 401, 'invalid_credentials');
    expect((await lastAudit('auth.login'))?.details).toMatchObject({ reason: 'unknown_user' });
  });

  it('locks the account after repeated failures, even for the right password, and audits the lockout', async () => {
    for (let i = 0; i < 3; i++) {
      expectError(
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'evaluator', password: `bad-Pass${i}!x` },
        }),
        401,
      );
    }
    expect((await lastAudit('auth.lockout'))?.actorUsername).toBe('evaluator');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'evaluator', password: DEMO_PASSWORD },
    });
    const err = expectError(res, 423, 'locked');
    expect(err.message).toContain('锁定');
    expect((await lastAudit('auth.login'))?.details).toMatchObject({ reason: 'locked' });

    // An administrator can unlock it.
    const admin = as(t.app, await login(t.app, 'admin'));
    const users = (await admin('GET', '/api/users?q=evaluator')).json().items;
    const u = users.find((x: { username: string }) => x.username === 'evaluator');
    expect(u.lockedUntil).not.toBeNull();
    expect((await admin('PATCH', `/api/users/${u.id}`, { version: u.version, unlock: true })).statusCode).toBe(200);
    expect((await lastAudit('user.unlock'))?.outcome).toBe('success');
    await login(t.app, 'evaluator');
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await startTestPlatform({ demo: false, env: { RECTIFY_LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'x', password: 'y' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: 'y' },
      });
      expect(res.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('sessions and CSRF', () => {
  it('requires sign-in for the API', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/units' }), 401, 'unauthorized');
  });

  it('refuses a write without the CSRF header (403) and audits it; the same write with it succeeds', async () => {
    const s = await login(t.app, 'admin');
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(schema.units);
    const payload = { name: '湖州市测试单位', kind: 'department', regionCode: '330500' };
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: s.cookie }, payload });
    expectError(res, 403, 'csrf_failed');
    expect((await lastAudit('auth.csrf'))?.outcome).toBe('failure');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
      payload,
    });
    expectError(wrong, 403, 'csrf_failed');
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(schema.units);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await as(t.app, s)('POST', '/api/units', payload)).statusCode).toBe(201);
  });

  it('rejects an expired session with 401 session_expired and audits it', async () => {
    const s = await login(t.app, 'supervisor');
    expect((await as(t.app, s)('GET', '/api/auth/me')).statusCode).toBe(200);
    await t.database.db.update(schema.sessions).set({ expiresAt: sql`now() - interval '1 minute'` });
    expectError(await as(t.app, s)('GET', '/api/auth/me'), 401, 'session_expired');
    expect((await lastAudit('auth.session_expired'))?.outcome).toBe('failure');
  });

  it('expires idle sessions', async () => {
    const s = await login(t.app, 'supervisor');
    await t.database.db.update(schema.sessions).set({ lastSeenAt: sql`now() - interval '2 hours'` });
    expectError(await as(t.app, s)('GET', '/api/auth/me'), 401, 'session_expired');
  });

  it('ends the session at logout', async () => {
    const s = await login(t.app, 'member');
    expect((await as(t.app, s)('POST', '/api/auth/logout')).statusCode).toBe(200);
    expectError(await as(t.app, s)('GET', '/api/auth/me'), 401);
  });
});

describe('password policy', () => {
  it('refuses a weak new password with 400 and the reasons, audits it, and keeps the old password', async () => {
    const s = await login(t.app, 'unit_head');
    const res = await as(t.app, s)('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    const err = expectError(res, 400, 'password_policy');
    expect(err.message).toContain('至少 10 位');
    expect((await lastAudit('auth.password_change'))?.outcome).toBe('failure');
    await login(t.app, 'unit_head');
  });

  it('accepts a strong one and ends other sessions', async () => {
    const s1 = await login(t.app, 'unit_liaison');
    const s2 = await login(t.app, 'unit_liaison');
    const res = await as(t.app, s1)('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Stronger-Pass-2026',
    });
    expect(res.statusCode).toBe(200);
    expectError(await as(t.app, s2)('GET', '/api/auth/me'), 401);
    await login(t.app, 'unit_liaison', 'Stronger-Pass-2026');
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'unit_liaison', password: DEMO_PASSWORD },
      }),
      401,
    );
  });
});

describe('API tokens', () => {
  it('authenticates other systems with a bearer token, stores only its hash, and refuses it once revoked', async () => {
    const s = as(t.app, await login(t.app, 'cppcc_staff'));
    const created = await s('POST', '/api/auth/tokens', { name: '12345 热线对接' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const [stored] = await t.database.db.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/units', headers: bearer })).statusCode).toBe(200);
    // No CSRF for bearer tokens: they are not sent automatically by browsers.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer })).statusCode).toBe(200);

    expect((await s('DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(200);
    expectError(await t.app.inject({ method: 'GET', url: '/api/units', headers: bearer }), 401, 'token_revoked');
    const audit = await lastAudit('auth.token');
    expect(audit?.details).toMatchObject({ reason: 'token_revoked', tokenId: id });
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/units', headers: { authorization: 'Bearer rct_x_nope' } }),
      401,
      'token_invalid',
    );
  });
});

describe('TOTP second factor', () => {
  it('enrols, then requires and checks the code at sign-in, and refuses a replayed code', async () => {
    const s = as(t.app, await login(t.app, 'leader'));
    const { secret } = (await s('POST', '/api/auth/totp/enroll')).json();
    expect((await s('POST', '/api/auth/totp/confirm', { code: '000000' })).statusCode).toBe(400);
    expect((await s('POST', '/api/auth/totp/confirm', { code: totpAt(secret, currentStep()) })).statusCode).toBe(200);

    const without = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });
    expectError(without, 401, 'totp_required');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD, totp: '123456' },
    });
    expectError(bad, 401, 'totp_invalid');
    const next = totpAt(secret, currentStep() + 1);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD, totp: next },
    });
    expect(ok.statusCode).toBe(200);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD, totp: next },
    });
    expectError(replay, 401, 'totp_invalid');
    const [row] = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'auth.totp_confirm'), eq(schema.auditLog.outcome, 'success')));
    expect(row).toBeDefined();
  });
});
