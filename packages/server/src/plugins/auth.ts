import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  actorOf,
  findApiTokenByHash,
  findUserById,
  markApiTokenUsed,
  Scope,
  schema,
  writeAudit,
  type AuditEntry,
} from '@rectify/db';
import { AppError, can, forbidden, unauthorized, type Action, type Actor } from '@rectify/domain';
import { eq, sql } from 'drizzle-orm';
import { safeEqual, sha256Hex } from '../lib/crypto.ts';

export const SESSION_COOKIE = 'rectify_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Records a security-relevant action with who, from where, and the outcome. */
export async function audit(request: FastifyRequest, entry: Omit<AuditEntry, 'ip'>): Promise<void> {
  await writeAudit(request.server.ctx.database.db, {
    actorUserId: request.actor?.userId ?? null,
    actorUsername: request.actor?.username ?? null,
    regionCode: request.actor?.regionCode ?? null,
    viaToken: request.auth?.kind === 'token',
    ...entry,
    ip: request.ip,
  });
}

/**
 * Authentication for every route: a session cookie (with CSRF check on unsafe methods) or a bearer API token.
 * Routes marked `config: { public: true }` are reachable without either.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    // The API description is public; everything else under /api/ needs a caller unless the route says otherwise.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const isPublic = request.routeOptions.config?.public === true;
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) return authenticateToken(request, bearer);
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const ok = await authenticateSession(request, reply, cookie, isPublic);
      if (!ok) return;
    }
    if (!request.actor && !isPublic) throw unauthorized();
  });
}

async function authenticateToken(request: FastifyRequest, token: string): Promise<void> {
  const { database } = request.server.ctx;
  const row = await findApiTokenByHash(database.db, sha256Hex(token));
  const live = row && !row.revokedAt && (!row.expiresAt || row.expiresAt.getTime() > Date.now());
  if (!row || !live) {
    const reason = !row ? 'token_invalid' : row.revokedAt ? 'token_revoked' : 'token_expired';
    await audit(request, { action: 'auth.token', outcome: 'failure', details: { reason, tokenId: row?.id } });
    throw unauthorized(
      reason === 'token_revoked' ? 'API 令牌已被吊销' : reason === 'token_expired' ? 'API 令牌已过期' : 'API 令牌无效',
      reason,
    );
  }
  const user = await findUserById(database.db, row.userId);
  if (!user || user.disabled) {
    await audit(request, {
      action: 'auth.token',
      outcome: 'failure',
      details: { reason: 'user_disabled', tokenId: row.id },
    });
    throw unauthorized('令牌所属账号已停用', 'account_disabled');
  }
  request.actor = await actorOf(database.db, user);
  request.auth = { kind: 'token', tokenId: row.id };
  await markApiTokenUsed(database.db, row.id);
}

async function authenticateSession(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  isPublic: boolean,
): Promise<boolean> {
  const { database, config } = request.server.ctx;
  const id = sha256Hex(token);
  const [row] = await database.db
    .select({
      session: schema.sessions,
      live: sql<boolean>`${schema.sessions.expiresAt} > now()
        and ${schema.sessions.lastSeenAt} > now() - make_interval(mins => ${config.sessionIdleMinutes})`,
    })
    .from(schema.sessions)
    .where(eq(schema.sessions.id, id));
  if (!row || !row.live) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (row) {
      await database.db.delete(schema.sessions).where(eq(schema.sessions.id, id));
      await writeAudit(database.db, {
        actorUserId: row.session.userId,
        action: 'auth.session_expired',
        outcome: 'failure',
        ip: request.ip,
      });
    }
    if (isPublic) return true;
    throw row ? unauthorized('会话已过期，请重新登录', 'session_expired') : unauthorized();
  }
  const user = await findUserById(database.db, row.session.userId);
  if (!user || user.disabled) throw unauthorized('账号已停用', 'account_disabled');
  request.actor = await actorOf(database.db, user);
  request.auth = { kind: 'session', sessionId: id, csrfToken: row.session.csrfToken, expiresAt: row.session.expiresAt };

  if (UNSAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !safeEqual(sent, row.session.csrfToken)) {
      await audit(request, {
        action: 'auth.csrf',
        outcome: 'failure',
        details: { method: request.method, url: request.url },
      });
      throw new AppError(403, 'csrf_failed', '缺少或错误的 CSRF 令牌（请刷新页面后重试）');
    }
  }
  await database.db
    .update(schema.sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(schema.sessions.id, id));
  return true;
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/**
 * Checks the permission once at the entry of a use case and returns the caller's scope for it; refusals are
 * audited. Every read of a scoped table then goes through this scope.
 */
export async function authorize(request: FastifyRequest, action: Action): Promise<Scope> {
  const actor = requireActor(request);
  const { policy } = request.server.ctx;
  if (!can(actor, action, policy)) {
    await audit(request, {
      action: 'access.denied',
      outcome: 'failure',
      details: { permission: action, url: request.url },
    });
    throw forbidden(`您的角色无权执行此操作（${action}）`);
  }
  return Scope.of(actor, action, policy);
}
