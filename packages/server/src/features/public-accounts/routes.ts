import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { AppError, CLUE_STATE_LABELS, errorResponse, type ClueState } from '@rectify/domain';
import { formatTrackingCode } from '../clues/tracking-code.ts';
import { PublicLimits, WindowLimiter } from '../public/limits.ts';
import { mask } from '../public/presenter.ts';
import { codeSender } from './sender.ts';
import {
  ACCOUNT_COOKIE,
  accountOfToken,
  accountReporterKey,
  contactDigest,
  createSession,
  endSession,
  issueCode,
  maskedContact,
  normaliseContact,
  verifyCode,
} from './service.ts';

const tags = ['public'];
const errors = { 400: errorResponse, 401: errorResponse, 429: errorResponse, 502: errorResponse };
const contactField = z.string().trim().min(5, '请填写手机号码或电子邮箱').max(254, '联系方式过长');

/** The signed-in light account of a public request, if any (the `rectify_public` cookie). */
export async function publicAccountOf(request: FastifyRequest) {
  const token = request.cookies[ACCOUNT_COOKIE];
  if (!token) return undefined;
  return accountOfToken(request.server.ctx.database.db, token);
}

/**
 * Light public accounts (轻量账号, optional): sign in with a one-time code sent to a phone number or e-mail address,
 * then see all one's reports without keeping tracking codes. Reports submitted while signed in belong to the account.
 */
export function publicAccountRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const { config } = app.ctx;
  if (config.publicAccounts.sender === 'webhook' && !config.publicAccounts.webhookUrl)
    throw new Error('RECTIFY_PUBLIC_CODE_SENDER=webhook needs RECTIFY_PUBLIC_CODE_WEBHOOK_URL');
  const sender = codeSender(config, app.log);
  const byAddress = new PublicLimits(config.clues.submitsPerMinute);
  const perContact = new WindowLimiter(1);

  const setCookie = (request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(ACCOUNT_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies ?? request.protocol === 'https',
      expires: expiresAt,
    });

  r.post('/api/public/account/code', {
    config: { public: true },
    bodyLimit: 1024,
    schema: {
      tags,
      summary: '获取登录验证码（发送到手机或邮箱，10 分钟内有效，最多试 5 次）',
      body: z.strictObject({ contact: contactField }),
      response: { 200: z.object({ sent: z.literal(true), expiresInSeconds: z.number().int() }), ...errors },
    },
    handler: async (request, reply) => {
      byAddress.check(request, reply);
      const contact = normaliseContact(request.body.contact);
      const digest = contactDigest(config, contact.value);
      if (!perContact.hit(digest)) {
        reply.header('retry-after', String(60 - (Math.floor(Date.now() / 1000) % 60)));
        throw new AppError(429, 'rate_limited', '验证码已发送，请一分钟后再试', { per: 'contact' });
      }
      const { code, expiresAt } = await issueCode(db, digest);
      try {
        await sender.send({ kind: contact.kind, contact: contact.value, code, expiresAt });
      } catch (err) {
        request.log.error({ err }, 'sign-in code not delivered');
        throw new AppError(502, 'code_not_sent', '验证码发送失败，请稍后再试');
      }
      return { sent: true as const, expiresInSeconds: Math.round((expiresAt.getTime() - Date.now()) / 1000) };
    },
  });

  r.post('/api/public/account/sign-in', {
    config: { public: true },
    bodyLimit: 1024,
    schema: {
      tags,
      summary: '用验证码登录（登录后可查看本人的全部反映）',
      body: z.strictObject({ contact: contactField, code: z.string().regex(/^\d{6}$/, '验证码应为 6 位数字') }),
      response: { 200: z.object({ contact: z.string() }), ...errors },
    },
    handler: async (request, reply) => {
      byAddress.check(request, reply);
      const contact = normaliseContact(request.body.contact);
      const { accountId } = await verifyCode(db, config, contact, request.body.code);
      const session = await createSession(db, accountId);
      setCookie(request, reply, session.token, session.expiresAt);
      const account = (await accountOfToken(db, session.token))!;
      return { contact: maskedContact(config, account) };
    },
  });

  r.get('/api/public/account', {
    config: { public: true },
    schema: {
      tags,
      summary: '当前登录的轻量账号（联系方式已脱敏）',
      response: { 200: z.object({ contact: z.string() }), ...errors },
    },
    handler: async (request) => {
      const account = await publicAccountOf(request);
      if (!account) throw new AppError(401, 'unauthorized', '请先登录');
      return { contact: maskedContact(config, account) };
    },
  });

  r.get('/api/public/account/clues', {
    config: { public: true },
    schema: {
      tags,
      summary: '我的反映（登录后提交的反映）',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              trackingCode: z.string(),
              title: z.string(),
              state: z.string(),
              stateLabel: z.string(),
              receivedAt: z.string(),
            }),
          ),
        }),
        ...errors,
      },
    },
    handler: async (request) => {
      const account = await publicAccountOf(request);
      if (!account) throw new AppError(401, 'unauthorized', '请先登录');
      const rows = await db
        .select({
          trackingCode: schema.clues.trackingCode,
          title: schema.clues.title,
          state: schema.clues.state,
          moderation: schema.clues.moderation,
          receivedAt: schema.clues.receivedAt,
        })
        .from(schema.clues)
        .where(and(eq(schema.clues.reporterKey, accountReporterKey(account.accountId))))
        .orderBy(desc(schema.clues.receivedAt))
        .limit(200);
      return {
        items: rows.map((c) => ({
          trackingCode: formatTrackingCode(c.trackingCode),
          title: mask(c.title)!,
          state: c.state,
          stateLabel: c.moderation !== 'ok' ? '审核中' : CLUE_STATE_LABELS[c.state as ClueState],
          receivedAt: c.receivedAt.toISOString(),
        })),
      };
    },
  });

  r.post('/api/public/account/sign-out', {
    config: { public: true },
    schema: { tags, summary: '退出登录', response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
    handler: async (request, reply) => {
      await endSession(db, request.cookies[ACCOUNT_COOKIE]);
      reply.clearCookie(ACCOUNT_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });
}
