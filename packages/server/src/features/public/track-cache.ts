import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { listenForSignals, sendSignal } from '@rectify/db';

/** One presented tracking page: the JSON as sent, its entity tag, when to refresh it, when it stops being served. */
export interface TrackEntry {
  json: string;
  etag: string;
  refreshAt: number;
  expires: number;
}

/**
 * Presented tracking pages (`GET /api/public/clues/:code`) by normalised tracking code, in this process only.
 *
 * - Bounded: at most `max` codes, least recently used first out (a Map keeps insertion order; a hit re-inserts).
 * - Short-lived: an entry is served for `ttlMs` at most, so changes that no request of an app process made (jobs,
 *   the CLI, a lost signal) are seen within that time. In the last fifth of its life a read still gets the
 *   entry at once, and one refresh per code runs in the background ({@link TrackCache.claimRefresh}): a code people
 *   keep asking for is re-read before it expires instead of making a reader wait.
 * - Invalidated in every app process of the database by every successful write request (see
 *   {@link invalidateOnWrites}): whatever a staff or public action changes (a clue, its problem, a publication, a
 *   unit) is seen on the next read, in the writer's process at once, in the others once the signal arrives. The
 *   generation counter makes a read that started before a write unable to store its (possibly stale) result after it.
 *
 * The key is the normalised code and nothing else, and only a found clue is stored, so an entry can only ever be the
 * page of the code it is stored under.
 */
export class TrackCache {
  private readonly entries = new Map<string, TrackEntry>();
  private readonly refreshing = new Set<string>();
  private gen = 0;

  constructor(
    readonly max = 10_000,
    readonly ttlMs = 5_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The generation to pass to {@link set}: a write in between makes that set a no-op. */
  get generation(): number {
    return this.gen;
  }

  get(code: string, now = Date.now()): TrackEntry | undefined {
    const e = this.entries.get(code);
    if (!e) return undefined;
    this.entries.delete(code);
    if (e.expires <= now) return undefined;
    this.entries.set(code, e);
    return e;
  }

  set(code: string, json: string, generation: number, now = Date.now()): TrackEntry {
    const entry = {
      json,
      etag: `W/"${createHash('sha1').update(json).digest('base64url')}"`,
      refreshAt: now + this.ttlMs * 0.8,
      expires: now + this.ttlMs,
    };
    if (generation !== this.gen || this.max <= 0) return entry;
    this.entries.delete(code);
    this.entries.set(code, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** True (once, until {@link releaseRefresh}) when the entry is due for a background refresh and none is running. */
  claimRefresh(code: string, entry: TrackEntry, now = Date.now()): boolean {
    if (entry.refreshAt > now || this.refreshing.has(code)) return false;
    this.refreshing.add(code);
    return true;
  }

  releaseRefresh(code: string): void {
    this.refreshing.delete(code);
  }

  delete(code: string): void {
    this.entries.delete(code);
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Writes that change no cached page: creating a new clue (a new, unguessable code nobody has tracked yet) and the light
 * account's sign-in steps.
 */
const CREATES_ONLY = new Set([
  '/api/public/clues',
  '/open311/v2/:file',
  '/api/public/account/code',
  '/api/public/account/sign-in',
  '/api/public/account/sign-out',
]);

/** The channel on which app processes of one database tell each other that a write may have changed public pages. */
export const PUBLIC_PAGES_CHANNEL = 'rectify_public_pages';

/**
 * Clears the cache after every write request that did not fail (and before its response is sent, so the writer's
 * own next read sees the change), and tells the other app processes on the same database to clear theirs
 * (LISTEN/NOTIFY, packages/db signals). A public submit or an Open311 create is excepted: it only adds a new code.
 * Changes made outside a request (jobs, the CLI) are seen within the time to live.
 */
export function invalidateOnWrites(app: FastifyInstance, cache: TrackCache): void {
  const { database } = app.ctx;
  const changed = async () => {
    cache.clear();
    await sendSignal(database, PUBLIC_PAGES_CHANNEL).catch((err: Error) =>
      app.log.warn({ err }, 'could not tell other processes to clear their tracking pages'),
    );
  };
  app.addHook('onSend', async (request, reply, payload) => {
    if (READS.has(request.method) || reply.statusCode >= 400) return payload;
    const route = request.routeOptions.url ?? request.url;
    if (request.method === 'POST' && CREATES_ONLY.has(route)) return payload;
    await changed();
    return payload;
  });
  // A write that failed on the server's side may have committed part of its work: clear after it too.
  app.addHook('onResponse', async (request, reply) => {
    if (!READS.has(request.method) && reply.statusCode >= 500) await changed();
  });

  let stopListening: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    stopListening = await listenForSignals(
      database,
      PUBLIC_PAGES_CHANNEL,
      () => cache.clear(),
      (err) => app.log.warn({ err }, 'tracking page signals interrupted; reconnecting'),
    );
  });
  app.addHook('onClose', async () => {
    await stopListening?.();
  });
}
