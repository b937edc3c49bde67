import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  actorOf,
  deleteSession,
  findUserByUsername,
  insertSession,
  recordLoginFailure,
  recordLoginSuccess,
  setTotp,
  type UserRow,
} from '@rectify/db';
import { AppError, locked, unauthorized, type LoginBody, type PolicyOptions } from '@rectify/domain';
import { audit, SESSION_COOKIE } from '../../plugins/auth.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { burnPasswordCheck, verifyPassword } from '../../lib/passwords.ts';
import { matchTotp } from '../../lib/totp.ts';

/**
 * Password (+ TOTP when enrolled) sign-in. Wrong credentials count towards a temporary lockout; every outcome is
 * audited. Unknown usernames and wrong passwords give the same answer.
 */
export async function login(request: FastifyRequest, reply: FastifyReply, body: LoginBody) {
  const { database, config } = request.server.ctx;
  const db = database.db;
  const user = await findUserByUsername(db, body.username);
  const fail = async (reason: string, u?: UserRow) => {
    await audit(request, {
      actorUserId: u?.id ?? null,
      actorUsername: body.username,
      regionCode: u?.regionCode ?? null,
      action: 'auth.login',
      outcome: 'failure',
      details: { reason },
    });
  };

  if (!user) {
    await burnPasswordCheck(body.password);
    await fail('unknown_user');
    throw unauthorized('用户名或密码错误', 'invalid_credentials');
  }
  if (user.disabled) {
    await fail('disabled', user);
    throw unauthorized('账号已停用，请联系管理员', 'account_disabled');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await fail('locked', user);
    throw locked(`连续登录失败次数过多，账号已临时锁定，请于 ${minutesUntil(user.lockedUntil)} 分钟后重试`, {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }

  const passwordOk = await verifyPassword(user.passwordHash, body.password);
  let totpStep: number | null = null;
  if (passwordOk && user.totpEnabled) {
    if (!body.totp) {
      await fail('totp_required', user);
      throw unauthorized('请输入动态口令', 'totp_required');
    }
    totpStep = matchTotp(user.totpSecret ?? '', body.totp, user.totpLastStep);
  }
  if (!passwordOk || (user.totpEnabled && totpStep === null)) {
    const after = await recordLoginFailure(db, user.id, config.lockoutThreshold, config.lockoutMinutes);
    await fail(passwordOk ? 'totp_invalid' : 'bad_password', user);
    if (after.lockedUntil && after.lockedUntil.getTime() > Date.now()) {
      await audit(request, {
        actorUserId: user.id,
        actorUsername: user.username,
        regionCode: user.regionCode,
        action: 'auth.lockout',
        outcome: 'success',
        details: { failedLogins: after.failedLogins, lockedUntil: after.lockedUntil.toISOString() },
      });
    }
    throw passwordOk
      ? unauthorized('动态口令错误', 'totp_invalid')
      : unauthorized('用户名或密码错误', 'invalid_credentials');
  }

  await recordLoginSuccess(db, user.id);
  if (totpStep !== null) await setTotp(db, user.id, { totpLastStep: totpStep });
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + config.sessionHours * 3600_000);
  await insertSession(db, {
    id: sha256Hex(token),
    userId: user.id,
    csrfToken,
    expiresAt,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies ?? request.protocol === 'https',
    expires: expiresAt,
  });
  const actor = await actorOf(db, user);
  request.actor = actor;
  await audit(request, { action: 'auth.login', outcome: 'success', details: { mfa: user.totpEnabled } });
  return { user: presentMe(user, actor.grants, request.server.ctx.policy), csrfToken, expiresAt: expiresAt.toISOString() };
}

export async function logout(request: FastifyRequest, reply: FastifyReply) {
  if (request.auth?.kind === 'session') await deleteSession(request.server.ctx.database.db, request.auth.sessionId);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  await audit(request, { action: 'auth.logout', outcome: 'success' });
}

export function presentMe(
  user: UserRow,
  grants: Awaited<ReturnType<typeof actorOf>>['grants'],
  policy: PolicyOptions,
) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: user.unitId,
    regionCode: user.regionCode,
    grants,
    totpEnabled: user.totpEnabled,
    mustChangePassword: user.mustChangePassword,
    separationOfDuties: policy.separationOfDuties,
  };
}

function minutesUntil(t: Date): number {
  return Math.max(1, Math.ceil((t.getTime() - Date.now()) / 60_000));
}

export const passwordPolicyError = (problems: string[]) =>
  new AppError(400, 'password_policy', `密码不符合安全要求：${problems.join('；')}`, { problems });
