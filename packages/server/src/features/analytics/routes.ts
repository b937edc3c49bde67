import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  acknowledgeOpinionAlert,
  appendEvent,
  findOpinionAlert,
  findRegion,
  listOpinionAlerts,
  type OpinionAlertRow,
  type Scope,
} from '@rectify/db';
import {
  AppError,
  errorResponses,
  forbidden,
  idParams,
  isoDateTime,
  notFound,
  regionPrefix,
  uuid,
} from '@rectify/domain';
import {
  hotTopicsQuery,
  hotTopicsView,
  opinionAlertsQuery,
  opinionAlertsView,
  opinionAlertView,
  type OpinionAlertView,
} from '@rectify/domain/schemas/analytics';
import { authorize } from '../../plugins/auth.ts';
import { hotTopicsOf } from './hot-topics.ts';

const tags = ['analytics'];

/** The contract's alert view plus who acknowledged it and when (additive). */
const acknowledgedAlertView = opinionAlertView.extend({
  acknowledgedAt: isoDateTime.nullable().optional(),
  acknowledgedBy: uuid.nullable().optional(),
});

/**
 * The region a request is about: the one asked for when the caller's scope covers it (else 403, as the KPI routes
 * do), by default the caller's own region, or the first region they hold the action in.
 */
async function regionOf(request: FastifyRequest, scope: Scope, asked: string | undefined): Promise<string> {
  if (asked !== undefined) {
    if (!scope.coversRegion(asked)) throw forbidden('该行政区划不在您的权限范围内');
    if (!(await findRegion(request.server.ctx.database.db, asked))) throw notFound('行政区划');
    return asked;
  }
  const own = request.actor!.regionCode;
  if (scope.coversRegion(own)) return own;
  const granted = scope.grants.find((g) => g.regionCode !== null)?.regionCode;
  if (!granted) throw forbidden('您没有按行政区划查看分析结果的权限');
  return granted;
}

export function presentAlert(
  a: OpinionAlertRow,
): OpinionAlertView & { acknowledgedAt: string | null; acknowledgedBy: string | null } {
  return {
    id: a.id,
    regionCode: a.regionCode,
    subjectType: a.subjectType as OpinionAlertView['subjectType'],
    subjectKey: a.subjectKey,
    subjectLabel: a.subjectLabel,
    bucketStart: a.bucketStart.toISOString(),
    negativeCount: a.negativeCount,
    baselineMean: a.baselineMean,
    zScore: a.zScore,
    examples: a.examples,
    status: a.status,
    modelVersion: a.modelVersion,
    createdAt: a.createdAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedBy,
  };
}

/** Public-opinion analytics (DESIGN §8): hot topics per region, negative-feedback alerts (舆情预警). */
export function analyticsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/analytics/hot-topics', {
    schema: {
      tags,
      summary: '热点问题：区域内近 N 天民意线索聚类，按热度排序（最近一次计算结果；尚未计算时即时计算）',
      querystring: hotTopicsQuery,
      response: { 200: hotTopicsView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'analytics.read');
      const q = request.query;
      const region = await regionOf(request, scope, q.regionCode);
      return hotTopicsOf(db, scope, region, q.windowDays, q.limit);
    },
  });

  r.get('/api/analytics/alerts', {
    schema: {
      tags,
      summary: '舆情预警：按单位、分类、热点统计的负面评价突增（可按状态筛选）',
      querystring: opinionAlertsQuery,
      response: { 200: opinionAlertsView.extend({ items: acknowledgedAlertView.array() }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'analytics.read');
      const q = request.query;
      const region = q.regionCode === undefined ? undefined : await regionOf(request, scope, q.regionCode);
      const rows = await listOpinionAlerts(db, scope, {
        regionPrefix: region ? regionPrefix(region) : undefined,
        status: q.status,
        limit: q.limit,
      });
      return { items: rows.map(presentAlert) };
    },
  });

  r.post('/api/analytics/alerts/:id/acknowledge', {
    schema: {
      tags,
      summary: '确认舆情预警（评议办；每条预警确认一次，记入全过程记录）',
      params: idParams,
      response: { 200: acknowledgedAlertView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'analytics.manage');
      const actor = request.actor!;
      const alert = await findOpinionAlert(db, scope, request.params.id);
      if (!alert) throw notFound('舆情预警');
      const alreadyDone = () => new AppError(409, 'already_acknowledged', '该预警已确认，无需重复确认');
      if (alert.status !== 'open') throw alreadyDone();
      const row = await db.transaction(async (tx) => {
        const updated = await acknowledgeOpinionAlert(tx, alert.id, actor.userId, new Date());
        if (!updated) throw alreadyDone();
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'opinion_alert.acknowledged',
          subjectType: 'opinion_alert',
          subjectId: updated.id,
          regionCode: updated.regionCode,
          unitId: updated.unitId,
          payload: {
            subjectType: updated.subjectType,
            subjectKey: updated.subjectKey,
            subjectLabel: updated.subjectLabel,
            bucketStart: updated.bucketStart.toISOString(),
            negativeCount: updated.negativeCount,
          },
        });
        return updated;
      });
      return presentAlert(row);
    },
  });
}
