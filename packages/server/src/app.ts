import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '@rectify/db';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerWeb } from './plugins/web.ts';
import { features } from './features/index.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Serve the built web app (off in API tests). */
  web?: boolean;
}

/** Builds the HTTP app: plugins in order (external → app → features), then the web app. */
export async function buildApp({ config, database, web = true }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
  });
  const ctx: AppContext = { config, database, policy: { separationOfDuties: config.separationOfDuties } };
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  registerAuth(app);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'SAMEORIGIN');
  });

  for (const feature of features) feature(app);
  if (web) await registerWeb(app);
  return app;
}
