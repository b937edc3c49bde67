import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listAudit } from '@rectify/db';
import { auditListQuery, auditView, errorResponse, pageOf } from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { pageWindow, sendCsv } from '../../lib/list.ts';

export function auditRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: '安全审计日志（format=csv 导出）',
      querystring: auditListQuery,
      response: { 200: pageOf(auditView), 401: errorResponse, 403: errorResponse },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'audit.read');
      const q = request.query;
      if (q.format === 'csv') {
        const { items } = await listAudit(db, scope, q, { limit: 100_000, offset: 0 });
        return sendCsv(reply, '审计日志', items, [
          { header: '时间', value: (a) => a.at },
          { header: '账号', value: (a) => a.actorUsername },
          { header: '操作', value: (a) => a.action },
          { header: '结果', value: (a) => a.outcome },
          { header: 'IP', value: (a) => a.ip },
          { header: '详情', value: (a) => a.details },
        ]);
      }
      const { items, total } = await listAudit(db, scope, q, pageWindow(q));
      return {
        items: items.map((a) => ({
          id: a.id,
          at: a.at.toISOString(),
          actorUsername: a.actorUsername,
          action: a.action,
          outcome: a.outcome,
          ip: a.ip,
          regionCode: a.regionCode,
          details: a.details,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  });
}
