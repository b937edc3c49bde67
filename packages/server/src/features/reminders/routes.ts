import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inbox, markNotificationDone } from '@rectify/db';
import { errorResponse, idParams, notFound, notificationsQuery, notificationView } from '@rectify/domain';
import { requireActor } from '../../plugins/auth.ts';

export function reminderRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/notifications', {
    schema: {
      tags: ['notifications'],
      summary: '我的提醒与待办（open=false 含已处理）',
      querystring: notificationsQuery,
      response: { 200: z.object({ items: z.array(notificationView) }), 400: errorResponse, 401: errorResponse },
    },
    handler: async (request) => {
      const rows = await inbox(db, requireActor(request), {
        open: request.query.open === 'true',
        limit: request.query.limit,
      });
      return {
        items: rows.map((n) => ({
          ...n,
          createdAt: n.createdAt.toISOString(),
          doneAt: n.doneAt?.toISOString() ?? null,
        })),
      };
    },
  });

  r.post('/api/notifications/:id/done', {
    schema: {
      tags: ['notifications'],
      summary: '标记提醒为已处理',
      params: idParams,
      response: { 200: notificationView, 401: errorResponse, 404: errorResponse },
    },
    handler: async (request) => {
      const row = await markNotificationDone(db, requireActor(request), request.params.id);
      if (!row) throw notFound('提醒');
      return { ...row, createdAt: row.createdAt.toISOString(), doneAt: row.doneAt?.toISOString() ?? null };
    },
  });
}
