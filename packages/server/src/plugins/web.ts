import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../web/dist');

/**
 * Serves the built web app: the public portal at `/`, the console at `/console/` (separate bundles). Client-side
 * routes fall back to the entry page of their app; unknown `/api/` paths keep the JSON 404.
 */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    app.log.warn({ dir: WEB_DIST }, 'web app not built: run `npm run build:web`; serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply, path) => {
      // Hashed assets never change; entry pages must always be fresh.
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      reply.header('x-content-type-options', 'nosniff');
    },
  });
  app.get('/console', (_req, reply) => reply.redirect('/console/'));
  app.get('/console/*', { config: { public: true } }, (_req, reply) => reply.sendFile('console/index.html'));
  app.get('/*', { config: { public: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `没有这个接口：${req.method} ${req.url}` } });
    }
    return reply.sendFile('index.html');
  });
}
