import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listRegions } from '@rectify/db';
import {
  errorResponses,
  forbidden,
  KPI_DEFINITIONS,
  KPI_NAMES,
  REGION_CODE_PATTERN,
  regionPrefix,
  type KpiName,
} from '@rectify/domain';
import {
  kpiQuery,
  kpiTrendQuery,
  kpiTrendView,
  kpiView,
  regionKpiView,
  unitKpiView,
} from '@rectify/domain/schemas/kpi';
import { authorize } from '../../plugins/auth.ts';
import { effectiveSettingsFor } from '../settings/service.ts';
import { monthPeriods } from './months.ts';
import { computeKpis, computeKpisByPeriod, unitScores } from './service.ts';

function periodOf(q: { from?: string | undefined; to?: string | undefined }) {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 365 * 86_400_000);
  return { from, to };
}

/** The region asked for (default: the caller's own), refused when outside the caller's scope. */
async function regionInScope(request: FastifyRequest, query: { region?: string | undefined; unit?: string }) {
  const scope = await authorize(request, 'problem.read');
  const region = query.region ?? request.actor!.regionCode;
  if (query.region && !scope.coversRegion(region) && !query.unit) {
    throw forbidden('该行政区划不在您的权限范围内');
  }
  return { scope, region };
}

/** The region rankings order regions by this KPI, best first. */
const REGION_RANK_KPI: KpiName = 'completion';

export function kpiRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/kpi', {
    schema: {
      tags: ['kpi'],
      summary: '各项指标（整改完成率、三个月完成率 … 响应时长），含目标与差距',
      querystring: kpiQuery,
      response: { 200: kpiView, ...errorResponses },
    },
    handler: async (request) => {
      const { scope, region } = await regionInScope(request, request.query);
      const period = periodOf(request.query);
      const kpis = await computeKpis(
        db,
        scope,
        { regionPrefix: regionPrefix(region), unitId: request.query.unit, campaignId: request.query.campaign },
        period,
        (await effectiveSettingsFor(db, region)).kpiTargets,
      );
      return {
        region,
        period: { from: period.from.toISOString(), to: period.to.toISOString() },
        kpis: Object.fromEntries(
          KPI_NAMES.map((k) => [k, { ...kpis[k], label: KPI_DEFINITIONS[k].label, unit: KPI_DEFINITIONS[k].unit }]),
        ) as never,
      };
    },
  });

  r.get('/api/kpi/units', {
    schema: {
      tags: ['kpi'],
      summary: '单位绩效考核得分排名（完成率 30、按期 20、满意度 25、长效化 15、反弹 10 反向）',
      querystring: kpiQuery.omit({ unit: true }),
      response: { 200: unitKpiView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      const region = request.query.region ?? request.actor!.regionCode;
      const period = periodOf(request.query);
      const rows = await unitScores(
        db,
        scope,
        { regionPrefix: regionPrefix(region), campaignId: request.query.campaign },
        period,
        (await effectiveSettingsFor(db, region)).assessment,
      );
      return {
        items: rows.map((row) => ({
          unitId: row.unitId,
          problems: row.problems,
          score: row.assessment.score,
          exported: row.assessment.exported,
          kpis: row.kpis,
        })),
      };
    },
  });

  r.get('/api/kpi/trend', {
    schema: {
      tags: ['kpi'],
      summary: '各项指标按月走势（每个自然月单独计算，北京时间）',
      querystring: kpiTrendQuery,
      response: { 200: kpiTrendView, ...errorResponses },
    },
    handler: async (request) => {
      const { scope, region } = await regionInScope(request, request.query);
      const q = request.query;
      const subject = { regionPrefix: regionPrefix(region), unitId: q.unit, campaignId: q.campaign };
      const { kpiTargets } = await effectiveSettingsFor(db, region);
      // All months in one round: the aggregates grouped by month, the same formulas for each.
      const periods = monthPeriods(q.to ? new Date(q.to) : new Date(), q.months);
      const kpis = await computeKpisByPeriod(db, scope, subject, periods, kpiTargets);
      const months = periods.map((m, i) => ({
        month: m.month,
        period: { from: m.from.toISOString(), to: m.to.toISOString() },
        kpis: kpis[i]!,
      }));
      return { region, months };
    },
  });

  r.get('/api/kpi/regions', {
    schema: {
      tags: ['kpi'],
      summary: '下级行政区划指标排名（按整改完成率）',
      querystring: kpiQuery.omit({ unit: true }),
      response: { 200: regionKpiView, ...errorResponses },
    },
    handler: async (request) => {
      const { scope, region } = await regionInScope(request, request.query);
      const period = periodOf(request.query);
      const children = (await listRegions(db, { parent: region })).filter((c) => REGION_CODE_PATTERN.test(c.code));
      const items: { regionCode: string; name: string; kpis: Awaited<ReturnType<typeof computeKpis>> }[] = [];
      for (const child of children) {
        const kpis = await computeKpis(
          db,
          scope,
          { regionPrefix: regionPrefix(child.code), campaignId: request.query.campaign },
          period,
          (await effectiveSettingsFor(db, child.code)).kpiTargets,
        );
        items.push({ regionCode: child.code, name: child.name, kpis });
      }
      const valueOf = (i: (typeof items)[number]) => i.kpis[REGION_RANK_KPI].value;
      items.sort((a, b) => (valueOf(b) ?? -1) - (valueOf(a) ?? -1));
      return {
        region,
        period: { from: period.from.toISOString(), to: period.to.toISOString() },
        rankedBy: REGION_RANK_KPI,
        items: items.map((i, index) => ({ ...i, rank: valueOf(i) === null ? null : index + 1 })),
      };
    },
  });
}
