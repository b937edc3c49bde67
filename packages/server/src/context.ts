import type { Database } from '@rectify/db';
import type { Actor, PolicyOptions } from '@rectify/domain';
import type { Config } from './config.ts';

/** What every feature may use: configuration, the database, the permission policy. */
export interface AppContext {
  config: Config;
  database: Database;
  policy: PolicyOptions;
}

export type RequestAuth =
  { kind: 'session'; sessionId: string; csrfToken: string; expiresAt: Date } | { kind: 'token'; tokenId: string };

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
  }
}
