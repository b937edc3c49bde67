import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deleteSessionsOfUser,
  findUserById,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  setTotp,
  updateUser,
  type ApiTokenRow,
} from '@rectify/db';
import {
  changePasswordBody,
  createTokenBody,
  errorResponse,
  idParams,
  loginBody,
  loginResponse,
  meView,
  notFound,
  okResponse,
  passwordProblems,
  tokenCreatedResponse,
  tokenView,
  totpConfirmBody,
  totpEnrollResponse,
  unauthorized,
  badRequest,
} from '@rectify/domain';
import { audit, requireActor } from '../../plugins/auth.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { matchTotp, newTotpSecret, otpauthUrl } from '../../lib/totp.ts';
import { login, logout, passwordPolicyError, presentMe } from './service.ts';

const tags = ['auth'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 423: errorResponse, 429: errorResponse };

export function authRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const db = database.db;

  r.post('/api/auth/login', {
    schema: {
      tags,
      summary: '登录（用户名 + 密码，已启用时需动态口令）',
      body: loginBody,
      response: { 200: loginResponse, ...errors },
    },
    config: {
      public: true,
      rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' },
    },
    handler: (request, reply) => login(request, reply, request.body),
  });

  r.post('/api/auth/logout', {
    schema: { tags, summary: '退出登录', response: { 200: okResponse } },
    handler: async (request, reply) => {
      await logout(request, reply);
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    schema: {
      tags,
      summary: '当前用户、授权与 CSRF 令牌',
      response: { 200: z.object({ user: meView, csrfToken: z.string().nullable() }), ...errors },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const user = await findUserById(db, actor.userId);
      if (!user) throw unauthorized();
      return {
        user: presentMe(user, actor.grants, app.ctx.policy),
        csrfToken: request.auth?.kind === 'session' ? request.auth.csrfToken : null,
      };
    },
  });

  r.post('/api/auth/password', {
    schema: { tags, summary: '修改本人密码', body: changePasswordBody, response: { 200: okResponse, ...errors } },
    handler: async (request) => {
      const actor = requireActor(request);
      const user = await findUserById(db, actor.userId);
      if (!user) throw unauthorized();
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        await audit(request, {
          action: 'auth.password_change',
          outcome: 'failure',
          details: { reason: 'bad_password' },
        });
        throw unauthorized('当前密码错误', 'invalid_credentials');
      }
      const problems = passwordProblems(request.body.newPassword, user.username);
      if (problems.length > 0) {
        await audit(request, {
          action: 'auth.password_change',
          outcome: 'failure',
          details: { reason: 'policy', problems },
        });
        throw passwordPolicyError(problems);
      }
      await db.transaction(async (tx) => {
        await updateUser(tx, user.id, user.version, {
          passwordHash: await hashPassword(request.body.newPassword),
          passwordChangedAt: new Date(),
          mustChangePassword: false,
        });
        // Other sessions of this account end; this one stays.
        await deleteSessionsOfUser(tx, user.id);
      });
      await audit(request, { action: 'auth.password_change', outcome: 'success' });
      return { ok: true as const };
    },
  });

  r.post('/api/auth/totp/enroll', {
    schema: { tags, summary: '开始绑定动态口令（TOTP）', response: { 200: totpEnrollResponse, ...errors } },
    handler: async (request) => {
      const actor = requireActor(request);
      const user = await findUserById(db, actor.userId);
      if (user?.totpEnabled) throw badRequest('已启用动态口令；如需更换请先停用');
      const secret = newTotpSecret();
      await setTotp(db, actor.userId, { totpSecret: secret, totpEnabled: false, totpLastStep: null });
      await audit(request, { action: 'auth.totp_enroll', outcome: 'success' });
      return { secret, otpauthUrl: otpauthUrl(secret, actor.username) };
    },
  });

  r.post('/api/auth/totp/confirm', {
    schema: { tags, summary: '输入动态口令确认绑定', body: totpConfirmBody, response: { 200: okResponse, ...errors } },
    handler: async (request) => {
      const actor = requireActor(request);
      const user = await findUserById(db, actor.userId);
      if (!user?.totpSecret) throw badRequest('请先开始绑定动态口令');
      const step = matchTotp(user.totpSecret, request.body.code, user.totpLastStep);
      if (step === null) {
        await audit(request, { action: 'auth.totp_confirm', outcome: 'failure' });
        throw badRequest('动态口令错误，请核对手机时间后重试');
      }
      await setTotp(db, actor.userId, { totpEnabled: true, totpLastStep: step });
      await audit(request, { action: 'auth.totp_confirm', outcome: 'success' });
      return { ok: true as const };
    },
  });

  r.post('/api/auth/totp/disable', {
    schema: {
      tags,
      summary: '停用动态口令（需当前口令）',
      body: totpConfirmBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const user = await findUserById(db, actor.userId);
      if (!user?.totpEnabled || !user.totpSecret) throw badRequest('未启用动态口令');
      if (matchTotp(user.totpSecret, request.body.code, user.totpLastStep) === null) {
        await audit(request, { action: 'auth.totp_disable', outcome: 'failure' });
        throw badRequest('动态口令错误');
      }
      await setTotp(db, actor.userId, { totpEnabled: false, totpSecret: null, totpLastStep: null });
      await audit(request, { action: 'auth.totp_disable', outcome: 'success' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/tokens', {
    schema: { tags, summary: '本人的 API 令牌', response: { 200: z.object({ items: z.array(tokenView) }), ...errors } },
    handler: async (request) => ({ items: (await listApiTokens(db, requireActor(request).userId)).map(presentToken) }),
  });

  r.post('/api/auth/tokens', {
    schema: {
      tags,
      summary: '创建 API 令牌（供其他系统调用；明文只显示一次）',
      body: createTokenBody,
      response: { 201: tokenCreatedResponse, ...errors },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const prefix = randomToken(6);
      const token = `rct_${prefix}_${randomToken(32)}`;
      const row = await insertApiToken(db, {
        userId: actor.userId,
        name: request.body.name,
        prefix,
        tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + request.body.expiresInDays * 86_400_000),
      });
      await audit(request, {
        action: 'auth.token_create',
        outcome: 'success',
        details: { tokenId: row.id, name: row.name },
      });
      return reply.status(201).send({ ...presentToken(row), token });
    },
  });

  r.delete('/api/auth/tokens/:id', {
    schema: {
      tags,
      summary: '吊销 API 令牌',
      params: idParams,
      response: { 200: okResponse, ...errors, 404: errorResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const row = await revokeApiToken(db, actor.userId, request.params.id);
      if (!row) throw notFound('令牌');
      await audit(request, { action: 'auth.token_revoke', outcome: 'success', details: { tokenId: row.id } });
      return { ok: true as const };
    },
  });
}

function presentToken(t: ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}
