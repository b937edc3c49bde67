import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRegions } from '@rectify/db';
import { errorResponse, regionListQuery, regionView } from '@rectify/domain';

export function regionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  // Administrative divisions are public reference data: the portal's place picker uses this without signing in.
  r.get('/api/regions', {
    schema: {
      tags: ['regions'],
      summary: '行政区划（parent 的下级；q 按名称搜索；都不给时返回最上级）',
      querystring: regionListQuery,
      response: { 200: z.object({ items: z.array(regionView) }), 400: errorResponse },
    },
    config: { public: true },
    handler: async (request) => ({
      items: (await listRegions(db, request.query)).map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
      })),
    }),
  });
}
