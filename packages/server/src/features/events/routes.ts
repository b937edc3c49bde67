import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listEvents } from '@rectify/db';
import { errorResponse, eventListQuery, eventView, pageOf } from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { pageWindow, sendCsv } from '../../lib/list.ts';

export function eventRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/events', {
    schema: {
      tags: ['events'],
      summary: '事件流（每一次状态变化；format=csv 导出）',
      querystring: eventListQuery,
      response: { 200: pageOf(eventView), 401: errorResponse, 403: errorResponse },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'event.read');
      const q = request.query;
      if (q.format === 'csv') {
        const { items } = await listEvents(db, scope, q, { limit: 100_000, offset: 0 });
        return sendCsv(reply, '事件', items, [
          { header: '编号', value: (e) => e.id },
          { header: '时间', value: (e) => e.at },
          { header: '操作人', value: (e) => e.actorUsername },
          { header: '类型', value: (e) => e.type },
          { header: '对象', value: (e) => `${e.subjectType}:${e.subjectId}` },
          { header: '行政区划', value: (e) => e.regionCode },
        ]);
      }
      const { items, total } = await listEvents(db, scope, q, pageWindow(q));
      return {
        items: items.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorUsername: e.actorUsername,
          type: e.type,
          subjectType: e.subjectType,
          subjectId: e.subjectId,
          regionCode: e.regionCode,
          payload: e.payload,
          evidence: e.evidence,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  });
}
