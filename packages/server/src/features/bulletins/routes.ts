import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit, type Executor } from '@rectify/db';
import { AppError, conflict, errorResponses, forbidden, idParams, notFound } from '@rectify/domain';
import {
  BULLETIN_KIND_LABELS,
  BULLETIN_STATE_LABELS,
  bulletinListQuery,
  bulletinPage,
  bulletinVersionBody,
  bulletinView,
  createBulletinBody,
  publicBulletinPage,
  publicBulletinsQuery,
  publicBulletinView,
  updateBulletinBody,
} from '@rectify/domain/schemas/bulletins';
import { pageWindow } from '../../lib/list.ts';
import { authorize } from '../../plugins/auth.ts';
import { ensureRegion } from '../clues/intake.ts';
import { PublicLimits } from '../public/limits.ts';
import { mask } from '../public/presenter.ts';
import {
  findBulletin,
  findPublishedBulletin,
  insertBulletin,
  listBulletins,
  listPublishedBulletins,
  updateBulletin,
  type BulletinRow,
} from './queries.ts';

const tags = ['bulletins'];

export const presentBulletin = (b: BulletinRow) => ({
  id: b.id,
  regionCode: b.regionCode,
  kind: b.kind,
  kindLabel: BULLETIN_KIND_LABELS[b.kind],
  title: b.title,
  body: b.body,
  campaignId: b.campaignId,
  state: b.state,
  stateLabel: BULLETIN_STATE_LABELS[b.state],
  publishedAt: b.publishedAt?.toISOString() ?? null,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
  version: b.version,
});

/** The public's view: personal data in the title and body masked, like every public text. */
export const presentPublicBulletin = (b: BulletinRow) => ({
  id: b.id,
  regionCode: b.regionCode,
  kind: b.kind,
  kindLabel: BULLETIN_KIND_LABELS[b.kind],
  title: mask(b.title)!,
  body: mask(b.body)!,
  campaignId: b.campaignId,
  publishedAt: (b.publishedAt ?? b.updatedAt).toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

/** Which state a transition leaves from, and where it goes. */
const TRANSITIONS = {
  publish: { from: ['draft', 'withdrawn'], to: 'published', label: '发布' },
  withdraw: { from: ['published'], to: 'withdrawn', label: '撤回' },
} as const;

/**
 * Bulletins (通报/公告): staff of a region write notices, progress reports and results, publish them to the portal and
 * the region's feed, and withdraw them (a withdrawn bulletin leaves the portal and stays here). Staff see their region
 * subtree; every change is audited. The public reads published ones without signing in.
 */
export function bulletinRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const reads = new PublicLimits(app.ctx.config.clues.readsPerMinute);

  const audited = (request: FastifyRequest, tx: Executor, action: string, row: BulletinRow, details = {}) =>
    writeAudit(tx, {
      actorUserId: request.actor!.userId,
      actorUsername: request.actor!.username,
      viaToken: request.auth?.kind === 'token',
      ip: request.ip,
      action,
      outcome: 'success',
      regionCode: row.regionCode,
      details: { bulletinId: row.id, version: row.version, state: row.state, ...details },
    });

  r.get('/api/bulletins', {
    schema: {
      tags,
      summary: '通报/公告（本辖区，含草稿和已撤回）',
      querystring: bulletinListQuery,
      response: { 200: bulletinPage, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'bulletin.read');
      const q = request.query;
      const { items, total } = await listBulletins(db, scope, q, pageWindow(q));
      return { items: items.map(presentBulletin), total, page: q.page, pageSize: q.pageSize };
    },
  });

  r.get('/api/bulletins/:id', {
    schema: { tags, summary: '通报/公告详情', params: idParams, response: { 200: bulletinView, ...errorResponses } },
    handler: async (request) => {
      const scope = await authorize(request, 'bulletin.read');
      const row = await findBulletin(db, scope, request.params.id);
      if (!row) throw notFound('通报');
      return presentBulletin(row);
    },
  });

  r.post('/api/bulletins', {
    schema: {
      tags,
      summary: '新建通报/公告（草稿；地区默认为本人所在地区，须在本人辖区内）',
      body: createBulletinBody,
      response: { 201: bulletinView, ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'bulletin.manage');
      const actor = request.actor!;
      const regionCode = request.body.regionCode ?? actor.regionCode;
      if (!scope.coversRegion(regionCode)) throw forbidden('只能在本人辖区内发布通报', { regionCode });
      await ensureRegion(db, regionCode);
      const row = await db.transaction(async (tx) => {
        const saved = await insertBulletin(tx, {
          regionCode,
          kind: request.body.kind,
          title: request.body.title,
          body: request.body.body,
          campaignId: request.body.campaignId ?? null,
          createdBy: actor.userId,
        });
        await audited(request, tx, 'bulletin.create', saved);
        return saved;
      });
      return reply.status(201).send(presentBulletin(row));
    },
  });

  r.patch('/api/bulletins/:id', {
    schema: {
      tags,
      summary: '修改通报/公告（按版本号；已撤回的不能修改）',
      params: idParams,
      body: updateBulletinBody,
      response: { 200: bulletinView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'bulletin.manage');
      const current = await findBulletin(db, scope, request.params.id);
      if (!current) throw notFound('通报');
      if (current.state === 'withdrawn') throw conflict('已撤回的通报不能修改，请先重新发布或新建');
      const { version, ...changes } = request.body;
      return db.transaction(async (tx) => {
        const saved = await updateBulletin(tx, current.id, version, changes);
        if (!saved) throw conflict('通报已被他人修改，请刷新后重试', { version: current.version });
        await audited(request, tx, 'bulletin.update', saved, { fields: Object.keys(changes) });
        return presentBulletin(saved);
      });
    },
  });

  for (const [name, t] of Object.entries(TRANSITIONS)) {
    r.post(`/api/bulletins/:id/${name}`, {
      schema: {
        tags,
        summary: `${t.label}通报/公告（按版本号）`,
        params: idParams,
        body: bulletinVersionBody,
        response: { 200: bulletinView, ...errorResponses },
      },
      handler: async (request) => {
        const scope = await authorize(request, 'bulletin.manage');
        const current = await findBulletin(db, scope, request.params.id);
        if (!current) throw notFound('通报');
        if (!(t.from as readonly string[]).includes(current.state))
          throw new AppError(409, 'illegal_transition', `${BULLETIN_STATE_LABELS[current.state]}的通报不能${t.label}`);
        return db.transaction(async (tx) => {
          const saved = await updateBulletin(tx, current.id, request.body.version, {
            state: t.to,
            ...(t.to === 'published' && { publishedAt: current.publishedAt ?? new Date() }),
          });
          if (!saved) throw conflict('通报已被他人修改，请刷新后重试', { version: current.version });
          await audited(request, tx, `bulletin.${name}`, saved);
          return presentBulletin(saved);
        });
      },
    });
  }

  r.get('/api/public/bulletins', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: '公告通报（已发布；按行政区划含下级、类型、关键词筛选，分页；个人信息已脱敏）',
      querystring: publicBulletinsQuery,
      response: { 200: publicBulletinPage, ...errorResponses },
    },
    handler: async (request, reply) => {
      reads.checkRead(request, reply);
      const q = request.query;
      const { items, total } = await listPublishedBulletins(db, q, pageWindow(q));
      return { items: items.map(presentPublicBulletin), total, page: q.page, pageSize: q.pageSize };
    },
  });

  r.get('/api/public/bulletins/:id', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: '公告通报详情',
      params: z.object({ id: z.uuid({ message: '不是有效的编号（UUID）' }) }),
      response: { 200: publicBulletinView, ...errorResponses },
    },
    handler: async (request, reply) => {
      reads.checkRead(request, reply);
      const row = await findPublishedBulletin(db, request.params.id);
      if (!row) throw notFound('公告通报');
      return presentPublicBulletin(row);
    },
  });
}
