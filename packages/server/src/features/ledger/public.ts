import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, notFound } from '@rectify/domain';
import { PublicLimits } from '../public/limits.ts';
import { publishedProblemProofs } from './proofs.ts';
import { publicProblemProofsView } from './schema.ts';

/**
 * Public proofs that a published problem's public events are in the transparency log (no sign-in). The portal checks
 * them in the browser against the signed checkpoint and the verifier key at /log/key.
 */
export function publicLedgerRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const reads = new PublicLimits(config.clues.readsPerMinute);

  r.get('/api/public/problems/:id/proofs', {
    config: { public: true },
    schema: {
      tags: ['public', 'ledger'],
      summary: '公开问题的公开事件在透明日志中的包含证明（叶子序号、叶子哈希、证明、最新签名检查点）',
      params: z.object({ id: z.uuid() }),
      response: { 200: publicProblemProofsView, 400: errorResponse, 404: errorResponse, 429: errorResponse },
    },
    handler: async (request, reply) => {
      reads.checkRead(request, reply);
      const out = await publishedProblemProofs(database, request.params.id);
      if (!out) throw notFound('公开问题');
      return out;
    },
  });
}
