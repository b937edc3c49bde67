import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countRegions } from '@rectify/db';
import { VERSION } from '../../version.ts';

const healthView = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  uptimeSec: z.number(),
  regions: z.number().int(),
  dbLatencyMs: z.number(),
});

export function healthRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;
  r.get('/api/health', {
    schema: { tags: ['system'], summary: '健康检查', response: { 200: healthView, 503: healthView } },
    config: { public: true },
    handler: async (_request, reply) => {
      const t0 = performance.now();
      const regions = await countRegions(database.db).catch(() => -1);
      const body = {
        status: regions >= 0 ? ('ok' as const) : ('degraded' as const),
        db: database.engine,
        version: VERSION,
        uptimeSec: Math.round(process.uptime()),
        regions: Math.max(regions, 0),
        dbLatencyMs: Math.round((performance.now() - t0) * 10) / 10,
      };
      return reply.status(body.status === 'ok' ? 200 : 503).send(body);
    },
  });
}
