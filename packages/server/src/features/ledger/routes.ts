import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { badRequest, errorResponse, notFound } from '@rectify/domain';
import {
  encodeEntryBundle,
  hashesAtTileLevel,
  parseTilePath,
  SqlLedgerStore,
  TILE_HEIGHT,
  TILE_WIDTH,
  TileError,
} from '@rectify/ledger';
import { authorize } from '../../plugins/auth.ts';
import { loadOrCreateLogKey } from './keys.ts';
import { checkpointOfSize, consistencyBetween, latestCheckpoint, subjectProofs } from './proofs.ts';
import { publicLedgerRoutes } from './public.ts';
import { consistencyQuery, consistencyView, subjectParams, subjectProofsView } from './schema.ts';

const tags = ['ledger'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

function text(reply: FastifyReply, status: number, body: string, cache = 'no-cache') {
  return reply.status(status).type('text/plain; charset=utf-8').header('cache-control', cache).send(body);
}

/**
 * The transparency log: public C2SP endpoints under /log/ (no sign-in: outside /api/, so no session or CSRF), and
 * signed-in, scoped proofs under /api/ledger/.
 */
export function ledgerRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const store = new SqlLedgerStore(database.sql);
  let vkey: string | undefined;
  publicLedgerRoutes(app);

  r.get('/log/checkpoint', {
    schema: { tags, summary: '最新签名检查点（C2SP tlog-checkpoint，含见证人联署；公开）' },
    handler: async (_request, reply) => {
      const cp = await latestCheckpoint(database);
      if (!cp) return text(reply, 404, 'no checkpoint yet\n');
      return text(reply, 200, cp.note);
    },
  });

  r.get('/log/key', {
    schema: { tags, summary: '日志验证公钥（note verifier key；公开）' },
    handler: async (_request, reply) => {
      vkey ??= loadOrCreateLogKey(config.ledger.keyFile, config.ledger.origin).vkey;
      return text(reply, 200, vkey + '\n', 'public, max-age=300');
    },
  });

  r.get('/log/tile/*', {
    schema: { tags, summary: '哈希瓦片与条目包（C2SP tlog-tiles；公开，条目包按配置开放）' },
    handler: async (request, reply) => {
      const path = `tile/${(request.params as { '*': string })['*']}`;
      let ref;
      try {
        ref = parseTilePath(path);
      } catch (e) {
        if (e instanceof TileError) return text(reply, 404, `${e.message}\n`);
        throw e;
      }
      const size = await store.size();
      const start = ref.index * TILE_WIDTH;
      const end = start + ref.width;
      const available = ref.level === 'entries' ? size : hashesAtTileLevel(size, ref.level);
      if (end > available) return text(reply, 404, 'tile not available\n');
      if (ref.level === 'entries' && !config.ledger.publicEntries)
        return text(reply, 404, 'entry bundles are not public on this log\n');
      const body =
        ref.level === 'entries'
          ? encodeEntryBundle((await store.readLeaves(start, end)).map((l) => l.data))
          : Buffer.concat(await store.readLevel(ref.level * TILE_HEIGHT, start, end));
      return reply
        .type('application/octet-stream')
        .header(
          'cache-control',
          ref.width === TILE_WIDTH ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
        )
        .send(Buffer.from(body));
    },
  });

  r.get('/api/ledger/subjects/:type/:id', {
    schema: {
      tags,
      summary: '某一对象的全部事件及其在透明日志中的包含证明（按权限范围）',
      params: subjectParams,
      response: { 200: subjectProofsView, ...errors },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'event.read');
      const out = await subjectProofs(database, scope, request.params.type, request.params.id);
      if (!out) throw notFound('该对象的事件');
      return out;
    },
  });

  r.get('/api/ledger/consistency', {
    schema: {
      tags,
      summary: '两个已发布检查点之间的一致性证明（日志只增不改）',
      querystring: consistencyQuery,
      response: { 200: consistencyView, ...errors },
    },
    handler: async (request) => {
      await authorize(request, 'event.read');
      const { from, to } = request.query;
      if (to !== undefined && from > to) throw badRequest('from 不能大于 to');
      const toCp = to === undefined ? await latestCheckpoint(database) : await checkpointOfSize(database, to);
      if (!toCp) throw notFound(`大小为 ${to ?? '最新'} 的检查点`);
      if (from > toCp.size) throw badRequest('from 不能大于 to');
      const fromCp = await checkpointOfSize(database, from);
      if (!fromCp) throw notFound(`大小为 ${from} 的检查点`);
      return { from: fromCp, to: toCp, proof: await consistencyBetween(database, fromCp, toCp) };
    },
  });
}
