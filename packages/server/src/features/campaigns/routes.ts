import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appendEvent,
  campaignsUsingScheme,
  findCampaign,
  findScheme,
  insertResearch,
  listCampaigns,
  listSchemes,
  replaceScores,
  researchOf,
  scoresOf,
  updateCampaign,
  type CampaignRow,
  type SchemeRow,
} from '@rectify/db';
import {
  advanceCampaignPhase,
  advancePhaseBody,
  AppError,
  campaignListQuery,
  campaignView,
  compareAcrossRegions,
  conflict,
  createCampaignBody,
  errorResponses,
  forbidden,
  idParams,
  indicatorSchemeBody,
  notFound,
  pageOf,
  researchBody,
  SCORE_SOURCES,
  scoresBody,
  updateCampaignBody,
  validateScheme,
} from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { pageWindow } from '../../lib/list.ts';
import { campaignResults, campaignSnapshot, createCampaign, saveScheme, scoreSourceOf } from './service.ts';

const tags = ['campaigns'];

const schemeView = z.object({
  id: z.string(),
  familyId: z.string(),
  version: z.number().int(),
  name: z.string(),
  indicators: z.array(z.unknown()),
  regionCode: z.string(),
  createdAt: z.string(),
});
const presentScheme = (s: SchemeRow) => ({
  ...s,
  indicators: s.indicators as unknown[],
  createdAt: s.createdAt.toISOString(),
});
const presentCampaign = (c: CampaignRow) => ({
  id: c.id,
  title: c.title,
  topic: c.topic,
  year: c.year,
  regionCode: c.regionCode,
  phase: c.phase as z.infer<typeof campaignView>['phase'],
  schemeId: c.schemeId,
  targetUnitIds: c.targetUnitIds,
  memberIds: c.memberIds,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  sourceWeights: c.sourceWeights as Record<string, number> | null,
  lookbackMonths: c.lookbackMonths,
  version: c.version,
});

export function campaignRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.post('/api/schemes/validate', {
    schema: {
      tags,
      summary: '校验指标体系（各层权重之和须为 100），返回全部问题及其位置',
      body: indicatorSchemeBody,
      response: {
        200: z.object({
          issues: z.array(
            z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.string(), message: z.string() }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      await authorize(request, 'campaign.read');
      return { issues: validateScheme(request.body) };
    },
  });

  r.post('/api/schemes', {
    schema: {
      tags,
      summary: '新建指标体系（第 1 版）',
      body: indicatorSchemeBody,
      response: { 201: schemeView, ...errorResponses },
    },
    handler: async (request, reply) => {
      await authorize(request, 'campaign.manage');
      const row = await saveScheme(db, request.actor!, request.body, request.actor!.regionCode, null);
      return reply.status(201).send(presentScheme(row));
    },
  });

  r.post('/api/schemes/:id/versions', {
    schema: {
      tags,
      summary: '发布指标体系的新版本（旧版本保持不变，结果仍可比较）',
      params: idParams,
      body: indicatorSchemeBody,
      response: { 201: schemeView, ...errorResponses },
    },
    handler: async (request, reply) => {
      await authorize(request, 'campaign.manage');
      const base = await findScheme(db, request.params.id);
      if (!base) throw notFound('指标体系');
      const row = await saveScheme(db, request.actor!, request.body, base.regionCode, base.familyId);
      return reply.status(201).send(presentScheme(row));
    },
  });

  r.get('/api/schemes', {
    schema: {
      tags,
      summary: '指标体系（各版本）',
      response: { 200: z.object({ items: z.array(schemeView) }), ...errorResponses },
    },
    handler: async (request) => {
      await authorize(request, 'campaign.read');
      return { items: (await listSchemes(db)).map(presentScheme) };
    },
  });

  r.get('/api/schemes/:id/comparison', {
    schema: {
      tags,
      summary: '同一指标体系（同一版本）在各地区的评议结果比较',
      params: idParams,
      response: {
        200: z.object({
          schemeId: z.string(),
          schemeVersion: z.number(),
          rows: z.array(z.record(z.string(), z.unknown())),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.read');
      const scheme = await findScheme(db, request.params.id);
      if (!scheme) throw notFound('指标体系');
      const campaigns = await campaignsUsingScheme(db, scope, scheme.id);
      const results = await Promise.all(
        campaigns.map(async (c) => ({
          regionCode: c.regionCode,
          scheme: { id: scheme.id, version: scheme.version },
          units: (await campaignResults(db, c)).units,
        })),
      );
      const comparison = compareAcrossRegions(results);
      if (!comparison.ok) throw new AppError(comparison.status, comparison.code, comparison.message);
      return {
        schemeId: comparison.schemeId,
        schemeVersion: comparison.schemeVersion,
        rows: comparison.rows as unknown as Record<string, unknown>[],
      };
    },
  });

  r.post('/api/campaigns', {
    schema: {
      tags,
      summary: '新建评议活动',
      body: createCampaignBody,
      response: { 201: campaignView, ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'campaign.manage');
      if (!scope.coversRegion(request.body.regionCode)) throw forbidden('只能在您负责的行政区划内开展评议');
      return reply.status(201).send(presentCampaign(await createCampaign(db, request.actor!, request.body)));
    },
  });

  r.get('/api/campaigns', {
    schema: {
      tags,
      summary: '评议活动列表',
      querystring: campaignListQuery,
      response: { 200: pageOf(campaignView), ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.read');
      const { items, total } = await listCampaigns(db, scope, pageWindow(request.query));
      return { items: items.map(presentCampaign), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  });

  r.get('/api/campaigns/:id', {
    schema: { tags, summary: '评议活动详情', params: idParams, response: { 200: campaignView, ...errorResponses } },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.read');
      const row = await findCampaign(db, scope, request.params.id);
      if (!row) throw notFound('评议活动');
      return presentCampaign(row);
    },
  });

  r.patch('/api/campaigns/:id', {
    schema: {
      tags,
      summary: '修改评议活动（带读取时的版本号；已被他人修改时 409）',
      params: idParams,
      body: updateCampaignBody,
      response: { 200: campaignView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.manage');
      const actor = request.actor!;
      const { version, ...changes } = request.body;
      return db.transaction(async (tx) => {
        const row = await findCampaign(tx, scope, request.params.id);
        if (!row) throw notFound('评议活动');
        if (row.version !== version)
          throw conflict('评议活动已被他人更新，请刷新后重试', { currentVersion: row.version });
        if (row.phase === 'archived') throw new AppError(409, 'illegal_transition', '评议活动已归档，不能再修改');
        if (changes.schemeId !== undefined && changes.schemeId !== row.schemeId) {
          // Scores refer to the scheme's leaves: once scoring started, another scheme would orphan them.
          if (row.phase !== 'planning' && row.phase !== 'research') {
            throw new AppError(409, 'illegal_transition', '评议打分开始后不能更换指标体系');
          }
          if (!(await findScheme(tx, changes.schemeId))) throw notFound('指标体系');
        }
        const updated = await updateCampaign(tx, row.id, row.version, changes);
        if (!updated) throw conflict('评议活动已被他人更新，请刷新后重试');
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'campaign.updated',
          subjectType: 'campaign',
          subjectId: row.id,
          regionCode: row.regionCode,
          payload: { fields: Object.keys(changes) },
        });
        return presentCampaign(updated);
      });
    },
  });

  r.post('/api/campaigns/:id/phase', {
    schema: {
      tags,
      summary: '推进阶段（planning → research → scoring → rectification → lookback → archived）',
      params: idParams,
      body: advancePhaseBody.extend({ version: z.number().int().min(1) }),
      response: { 200: campaignView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.read');
      const actor = request.actor!;
      return db.transaction(async (tx) => {
        const row = await findCampaign(tx, scope, request.params.id);
        if (!row) throw notFound('评议活动');
        if (row.version !== request.body.version)
          throw conflict('评议活动已被他人更新，请刷新后重试', { currentVersion: row.version });
        const decision = advanceCampaignPhase(await campaignSnapshot(tx, row), request.body.to, actor, new Date());
        if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message);
        const updated = await updateCampaign(tx, row.id, row.version, {
          phase: decision.next.phase,
          phaseChangedAt: decision.next.phaseChangedAt,
        });
        if (!updated) throw conflict('评议活动已被他人更新，请刷新后重试');
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: decision.event.type,
          subjectType: 'campaign',
          subjectId: row.id,
          regionCode: row.regionCode,
          payload: decision.event.payload,
        });
        return presentCampaign(updated);
      });
    },
  });

  r.post('/api/campaigns/:id/research', {
    schema: {
      tags,
      summary: '登记调研（走访、调查、座谈）',
      params: idParams,
      body: researchBody,
      response: { 201: z.object({ id: z.string() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'campaign.research');
      const campaign = await findCampaign(db, scope, request.params.id);
      if (!campaign) throw notFound('评议活动');
      if (!scope.coversRegion(request.body.regionCode)) throw forbidden('调研地点不在您的权限范围内');
      const actor = request.actor!;
      const row = await db.transaction(async (tx) => {
        const created = await insertResearch(tx, { ...request.body, campaignId: campaign.id, createdBy: actor.userId });
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'campaign.research_recorded',
          subjectType: 'campaign',
          subjectId: campaign.id,
          regionCode: request.body.regionCode,
          payload: { researchId: created.id, kind: created.kind, title: created.title },
          evidence: created.evidence,
        });
        return created;
      });
      return reply.status(201).send({ id: row.id });
    },
  });

  r.get('/api/campaigns/:id/research', {
    schema: {
      tags,
      summary: '调研记录',
      params: idParams,
      response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.read');
      if (!(await findCampaign(db, scope, request.params.id))) throw notFound('评议活动');
      return {
        items: (await researchOf(db, request.params.id)).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      };
    },
  });

  r.put('/api/campaigns/:id/scores', {
    schema: {
      tags,
      summary: '提交本人（或群众测评）的评分表，整体替换此前提交',
      params: idParams,
      body: scoresBody,
      response: { 200: z.object({ saved: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.score');
      const actor = request.actor!;
      const campaign = await findCampaign(db, scope, request.params.id);
      if (!campaign) throw notFound('评议活动');
      if (campaign.phase !== 'scoring')
        throw new AppError(409, 'illegal_transition', '评议活动不在“评议打分”阶段，不能评分');
      const source = scoreSourceOf(actor, request.body.source);
      if (source === 'member' && campaign.memberIds.length > 0 && !campaign.memberIds.includes(actor.userId)) {
        throw forbidden('您不是本次评议活动的参评委员');
      }
      const outside = request.body.scores.find((s) => !campaign.targetUnitIds.includes(s.unitId));
      if (outside) throw new AppError(422, 'not_a_target', `单位 ${outside.unitId} 不是本次评议的对象`);
      const rater = source === 'public' ? 'public-survey' : actor.userId;
      await db.transaction(async (tx) => {
        await replaceScores(tx, campaign.id, rater, source, campaign.regionCode, request.body.scores);
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'campaign.scores_submitted',
          subjectType: 'campaign',
          subjectId: campaign.id,
          regionCode: campaign.regionCode,
          payload: { source, count: request.body.scores.length },
        });
      });
      return { saved: request.body.scores.length };
    },
  });

  r.get('/api/campaigns/:id/scores', {
    schema: {
      tags,
      summary: '本人（或群众测评）此前提交的评分表',
      params: idParams,
      querystring: z.object({ source: z.enum(SCORE_SOURCES, { message: '评分来源应为委员、群众或第三方' }) }),
      response: {
        200: z.object({
          source: z.enum(SCORE_SOURCES),
          scores: z.array(z.object({ unitId: z.string(), indicatorKey: z.string(), value: z.number() })),
          submittedAt: z.string().nullable(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.score');
      const actor = request.actor!;
      const campaign = await findCampaign(db, scope, request.params.id);
      if (!campaign) throw notFound('评议活动');
      const source = scoreSourceOf(actor, request.query.source);
      const rater = source === 'public' ? 'public-survey' : actor.userId;
      const mine = (await scoresOf(db, campaign.id)).filter((s) => s.raterId === rater && s.source === source);
      const latest = mine.reduce<Date | null>((at, s) => (at && at > s.createdAt ? at : s.createdAt), null);
      return {
        source,
        scores: mine.map((s) => ({ unitId: s.unitId, indicatorKey: s.indicatorKey, value: s.value })),
        submittedAt: latest?.toISOString() ?? null,
      };
    },
  });

  r.get('/api/campaigns/:id/results', {
    schema: {
      tags,
      summary: '评议结果：各单位加权得分、分来源得分、各指标得分与排名',
      params: idParams,
      response: {
        200: z.object({
          schemeId: z.string(),
          schemeVersion: z.number(),
          units: z.array(z.record(z.string(), z.unknown())),
          ignored: z.number().int(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'campaign.read');
      const campaign = await findCampaign(db, scope, request.params.id);
      if (!campaign) throw notFound('评议活动');
      const result = await campaignResults(db, campaign);
      return {
        schemeId: result.scheme.id,
        schemeVersion: result.scheme.version,
        units: [...result.units].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)) as unknown as Record<
          string,
          unknown
        >[],
        ignored: result.ignored.length,
      };
    },
  });
}
