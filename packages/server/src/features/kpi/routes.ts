import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, forbidden, KPI_DEFINITIONS, KPI_NAMES, regionPrefix, uuid } from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { computeKpis, unitScores } from './service.ts';

const kpiResult = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  target: z.number().nullable(),
  gap: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
});

const kpiQuery = z.object({
  region: z
    .string()
    .regex(/^(\d{6}|\d{9})$/, '行政区划代码应为 6 位或 9 位数字')
    .describe('region subtree; default: your own region'),
  unit: uuid.optional(),
  campaign: uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('period start (inclusive); default: 1 year ago'),
  to: z.iso.datetime({ offset: true }).optional().describe('period end (exclusive); default: now'),
});

function periodOf(q: { from?: string | undefined; to?: string | undefined }) {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 365 * 86_400_000);
  return { from, to };
}

export function kpiRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/kpi', {
    schema: {
      tags: ['kpi'],
      summary: '各项指标（整改完成率、三个月完成率 … 响应时长），含目标与差距',
      querystring: kpiQuery.partial({ region: true }),
      response: {
        200: z.object({
          region: z.string(),
          period: z.object({ from: z.string(), to: z.string() }),
          kpis: z.record(z.enum(KPI_NAMES), kpiResult.extend({ label: z.string(), unit: z.enum(['ratio', 'hours']) })),
        }),
        400: errorResponse,
        401: errorResponse,
        403: errorResponse,
      },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      const region = request.query.region ?? request.actor!.regionCode;
      if (request.query.region && !scope.coversRegion(region) && !request.query.unit) {
        throw forbidden('该行政区划不在您的权限范围内');
      }
      const period = periodOf(request.query);
      const kpis = await computeKpis(
        db,
        scope,
        { regionPrefix: regionPrefix(region), unitId: request.query.unit, campaignId: request.query.campaign },
        period,
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
      querystring: kpiQuery.partial({ region: true }).omit({ unit: true }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              unitId: z.string(),
              problems: z.number().int(),
              score: z.number().nullable(),
              exported: z.number().nullable(),
              kpis: z.record(z.string(), kpiResult),
            }),
          ),
        }),
        400: errorResponse,
        401: errorResponse,
        403: errorResponse,
      },
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
}
