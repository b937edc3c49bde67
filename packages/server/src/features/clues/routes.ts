import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import {
  appendEvent,
  eventsOfSubject,
  findClue,
  findProblem,
  listClues,
  loadClueForCommand,
  schema,
  updateClue,
  upsertPublication,
  type ClueRow,
} from '@rectify/db';
import {
  CLUE_STATE_LABELS,
  conflict,
  forbidden,
  regionCode,
  idParams,
  notFound,
  type ClueCommandType,
  type ClueState,
} from '@rectify/domain';
import { audit, authorize, requireActor } from '../../plugins/auth.ts';
import { pageWindow, sendCsv } from '../../lib/list.ts';
import { analyseClue } from './analytics.ts';
import { withReviewThreshold } from '../analytics/clue-suggestions.ts';
import { clueReplyQualities, eventReplyQualities } from '../analytics/reply-quality.ts';
import { contactAad, contactBox, type ClueContact } from './contact-box.ts';
import { ensureRegion, receiveClue } from './intake.ts';
import { presentClue, presentClueDetail } from './presenter.ts';
import {
  clueCommandEnvelope,
  clueCommandParams,
  clueListQuery,
  moderationBody,
  publicationBody,
  staffClueBody,
} from './schema.ts';
import { fireClueCommand } from './service.ts';
import { PUBLIC_CATEGORIES } from '../public/categories.ts';
import { effectiveSettingsFor } from '../settings/service.ts';

const clueSettingsQuery = z.object({ region: regionCode.optional() });

const tags = ['clues'];

/** Triage of clues by staff (DESIGN §4): the queue, each lifecycle step, moderation, contact reads, publication. */
export function clueRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const { config } = app.ctx;

  r.get('/api/clues', {
    schema: { tags, summary: '线索分拣队列（筛选；format=csv 导出）', querystring: clueListQuery },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'clue.read');
      const q = withReviewThreshold(request.query);
      if (q.format === 'csv') {
        const { items } = await listClues(db, scope, q, q.sort);
        return sendCsv<ClueRow>(reply, '民意线索', items, [
          { header: '查询码', value: (c) => c.trackingCode },
          { header: '渠道', value: (c) => c.channel },
          { header: '行政区划', value: (c) => c.regionCode },
          { header: '标题', value: (c) => c.title },
          { header: '分类', value: (c) => c.category },
          { header: '状态', value: (c) => CLUE_STATE_LABELS[c.state as ClueState] },
          { header: '审核', value: (c) => c.moderation },
          { header: '收到时间', value: (c) => c.receivedAt.toISOString() },
          { header: '首次答复', value: (c) => c.firstReplyAt?.toISOString() },
          { header: '评价', value: (c) => c.rating },
        ]);
      }
      const { items, total } = await listClues(db, scope, q, q.sort, pageWindow(q));
      const quality = await clueReplyQualities(
        db,
        scope,
        items.map((c) => c.id),
      );
      return {
        items: items.map((c) => ({ ...presentClue(c), replyQuality: quality.get(c.id) })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  });

  r.get('/api/clues/settings', {
    schema: {
      tags,
      summary: '分拣配置：本地区的不予受理理由清单、答复模板、分类（region 缺省为本人所在地区）',
      querystring: clueSettingsQuery,
    },
    handler: async (request) => {
      const scope = await authorize(request, 'clue.read');
      const region = request.query.region ?? request.actor!.regionCode;
      if (request.query.region && !scope.coversRegion(region)) throw forbidden('该行政区划不在您的权限范围内');
      const { clueRejectReasons, templates } = await effectiveSettingsFor(db, region);
      return {
        region,
        rejectReasons: clueRejectReasons,
        replyTemplates: {
          clueAcceptedReply: templates.clueAcceptedReply,
          clueForwardedReply: templates.clueForwardedReply,
          clueRejectedReply: templates.clueRejectedReply,
        },
        categories: PUBLIC_CATEGORIES,
      };
    },
  });

  r.post('/api/clues', {
    schema: { tags, summary: '录入线索（走访、座谈、来电）', body: staffClueBody },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'clue.create');
      const actor = requireActor(request);
      const b = request.body;
      if (!scope.coversRegion(b.regionCode)) throw forbidden('只能在您负责的行政区划内录入线索');
      await ensureRegion(db, b.regionCode);
      const { row } = await receiveClue(db, config, {
        ...b,
        actor: { userId: actor.userId, username: actor.username },
      });
      return reply.status(201).send(presentClueDetail(row, actor));
    },
  });

  r.get('/api/clues/:id', {
    schema: { tags, summary: '线索详情（含分析建议与当前用户可执行的操作）', params: idParams },
    handler: async (request) => {
      const scope = await authorize(request, 'clue.read');
      let row = await findClue(db, scope, request.params.id);
      if (!row) throw notFound('线索');
      if (!row.modelVersion) row = await analyseClue(db, row);
      const quality = await clueReplyQualities(db, scope, [row.id]);
      return { ...presentClueDetail(row, requireActor(request)), replyQuality: quality.get(row.id) };
    },
  });

  r.get('/api/clues/:id/events', {
    schema: { tags, summary: '线索的全过程记录', params: idParams },
    handler: async (request) => {
      const scope = await authorize(request, 'clue.read');
      if (!(await findClue(db, scope, request.params.id))) throw notFound('线索');
      const eventScope = await authorize(request, 'event.read');
      const items = await eventsOfSubject(db, eventScope, 'clue', request.params.id);
      const quality = await eventReplyQualities(
        db,
        scope,
        items.map((e) => e.id),
      );
      return {
        items: items.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorUsername: e.actorUsername,
          type: e.type,
          payload: e.payload,
          replyQuality: quality.get(e.id),
        })),
      };
    },
  });

  r.post('/api/clues/:id/commands/:command', {
    schema: {
      tags,
      summary: '分拣操作（triage/accept/merge/forward/reject/reply）：非法状态 409，无权 403，条件不满足 422',
      params: clueCommandParams,
      body: clueCommandEnvelope,
    },
    handler: async (request) => {
      const row = await fireClueCommand(
        request,
        request.params.id,
        request.params.command as ClueCommandType,
        request.body.version,
        request.body.input,
      );
      const quality = await clueReplyQualities(db, await authorize(request, 'clue.read'), [row.id]);
      return { ...presentClueDetail(row, request.actor!), replyQuality: quality.get(row.id) };
    },
  });

  r.post('/api/clues/:id/moderation', {
    schema: { tags, summary: '审核被拦截的线索：放行或确认为垃圾信息', params: idParams, body: moderationBody },
    handler: async (request) => {
      const scope = await authorize(request, 'clue.moderate');
      const actor = requireActor(request);
      const b = request.body;
      const row = await db.transaction(async (tx) => {
        if (!(await findClue(tx, scope, request.params.id))) throw notFound('线索');
        const current = (await loadClueForCommand(tx, request.params.id))!;
        if (current.version !== b.version) throw conflict('线索已被他人更新，请刷新后重试');
        const status = b.decision === 'release' ? 'ok' : 'spam';
        const updated = await updateClue(tx, current.id, current.version, {
          moderation: status,
          moderationReason: b.note ?? current.moderationReason,
        });
        if (!updated) throw conflict('线索已被他人更新，请刷新后重试');
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'clue.moderated',
          subjectType: 'clue',
          subjectId: current.id,
          regionCode: current.regionCode,
          payload: { from: current.moderation, to: status, reason: current.moderationReason },
        });
        return updated;
      });
      return presentClueDetail(row, actor);
    },
  });

  r.get('/api/clues/:id/contact', {
    schema: { tags, summary: '查看反映人联系方式（每次查看均记入审计日志）', params: idParams },
    handler: async (request) => {
      const scope = await authorize(request, 'clue.contact.read');
      const row = await findClue(db, scope, request.params.id);
      if (!row) throw notFound('线索');
      await audit(request, { action: 'clue.contact_read', outcome: 'success', details: { clueId: row.id } });
      if (!row.contactCiphertext) return { contact: null, anonymous: row.anonymous };
      const box = contactBox(config);
      const contact = JSON.parse(box.open(row.contactCiphertext, contactAad(row.id))) as ClueContact;
      // Rotation on access: a value sealed with an older key is re-sealed with the current one.
      const resealed = box.reseal(row.contactCiphertext, contactAad(row.id));
      if (resealed)
        await db
          .update(schema.clues)
          .set({ contactCiphertext: resealed.sealed, contactKeyId: resealed.keyId })
          .where(eq(schema.clues.id, row.id));
      return { contact, anonymous: row.anonymous };
    },
  });

  r.put('/api/problems/:id/publication', {
    schema: {
      tags: ['public'],
      summary: '公开问题（及其整改措施、进展、结果）到公众门户',
      params: idParams,
      body: publicationBody,
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.publish');
      const actor = requireActor(request);
      const problem = await findProblem(db, scope, request.params.id);
      if (!problem) throw notFound('问题');
      if (request.body.published && ['draft', 'rejected'].includes(problem.state))
        throw forbidden('草稿或已退回的问题不能公开');
      return db.transaction(async (tx) => {
        const saved = await upsertPublication(tx, {
          problemId: problem.id,
          regionCode: problem.regionCode,
          ...request.body,
          publishedBy: actor.userId,
        });
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'problem.publication_set',
          subjectType: 'problem',
          subjectId: problem.id,
          regionCode: problem.regionCode,
          unitId: problem.leadUnitId,
          payload: { ...request.body },
        });
        return {
          problemId: saved.problemId,
          published: saved.published,
          measures: saved.measures,
          progress: saved.progress,
          result: saved.result,
        };
      });
    },
  });
}
