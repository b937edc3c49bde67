import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appendEvent,
  findClueByCode,
  findPublishedProblem,
  listPublishedProblems,
  loadClueForCommand,
  loadProblemForCommand,
  snapshotFromJson,
  trackClueByCode,
  updateProblem,
  type ClueRow,
  type Executor,
} from '@rectify/db';
import { AppError, conflict, decide, errorResponse, notFound, type PublicReporter } from '@rectify/domain';
import {
  publicClueSubmitBody as submitBody,
  publicClueSubmitted as submitted,
  publicProblemPage,
  publicProblemsQuery,
  publicProblemView,
  publicRatingBody as ratingBody,
  trackedClueView,
} from '@rectify/domain/schemas/clues';
import { pageWindow } from '../../lib/list.ts';
import { ensureRegion, receiveClue } from '../clues/intake.ts';
import { applyClueCommand } from '../clues/service.ts';
import { formatTrackingCode, normaliseTrackingCode } from '../clues/tracking-code.ts';
import { derivedColumns } from '../problems/service.ts';
import { presentPublicBulletin } from '../bulletins/routes.ts';
import { publicAccountOf } from '../public-accounts/routes.ts';
import { accountReporterKey } from '../public-accounts/service.ts';
import { listPublishedBulletins } from '../bulletins/queries.ts';
import { PUBLIC_CATEGORIES } from './categories.ts';
import { atomFeed, rssFeed } from './feed.ts';
import { PublicLimits } from './limits.ts';
import { presentPublicProblem, presentTrackedClue } from './presenter.ts';
import { invalidateOnWrites, TrackCache } from './track-cache.ts';

const tags = ['public'];
const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse, 429: errorResponse };
/** A report is text plus references to photos: 64 KiB is generous and keeps floods cheap. */
export const PUBLIC_BODY_LIMIT = 65_536;

const codeParams = z.object({ code: z.string().min(1).max(40) });

/**
 * The public side (DESIGN §6): submit a clue without an account, track it by code, rate the outcome, read the
 * published problems and their feed. Every text that leaves here is masked; nothing here needs a sign-in.
 */
export function publicRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const { config } = app.ctx;
  const submits = new PublicLimits(config.clues.submitsPerMinute);
  const reads = new PublicLimits(config.clues.readsPerMinute);
  const tracked = new TrackCache(10_000, config.clues.trackCacheMs);
  invalidateOnWrites(app, tracked);

  r.get('/api/public/categories', {
    config: { public: true },
    schema: { tags, summary: '反映问题的分类' },
    handler: async () => ({ items: PUBLIC_CATEGORIES }),
  });

  r.post('/api/public/clues', {
    config: { public: true },
    bodyLimit: PUBLIC_BODY_LIMIT,
    schema: {
      tags,
      summary: '反映问题（无需注册；立即返回查询码；Idempotency-Key 头或 idempotencyKey 字段防止重复提交）',
      body: submitBody,
      response: { 200: submitted, 201: submitted, ...errors },
    },
    handler: async (request, reply) => {
      const device = submits.check(request, reply);
      // Signed in with a light account: the report is the account's (listed under 我的反映).
      const account = await publicAccountOf(request);
      const { website, idempotencyKey, ...content } = request.body;
      await ensureRegion(db, content.regionCode);
      const header = request.headers['idempotency-key'];
      const key = idempotencyKey ?? (typeof header === 'string' && header.length <= 128 ? header : undefined);
      const { row, created } = await receiveClue(db, config, {
        ...content,
        channel: 'portal',
        idempotencyKey: key ? `portal:${key}` : undefined,
        reporterKey: account ? accountReporterKey(account.accountId) : device,
        // A filled honeypot is stored as spam and answered like any report: the sender learns nothing.
        moderation: website ? { status: 'spam', reason: 'honeypot' } : undefined,
      });
      return reply.status(created ? 201 : 200).send(submittedView(row));
    },
  });

  /** Reads and presents a tracking page and stores it (unless a write came in between); undefined when unknown. */
  async function presentTracked(code: string) {
    const generation = tracked.generation;
    const found = await trackClueByCode(db, code);
    if (!found) return undefined;
    const problem = found.clue.problemId || found.clue.duplicateOf ? await linkedProblem(db, found.clue) : undefined;
    // Validated once here, as the response schema would; hits then send the stored JSON as it is.
    const view = trackedClueView.parse(await presentTrackedClue(db, found.clue, problem, found.events));
    return tracked.set(code, JSON.stringify(view), generation);
  }

  r.get('/api/public/clues/:code', {
    config: { public: true },
    schema: {
      tags,
      summary: '按查询码查看办理进展（仅公开的步骤，个人信息已脱敏）',
      params: codeParams,
      response: { 200: trackedClueView, ...errors },
    },
    handler: async (request, reply) => {
      reads.checkRead(request, reply);
      const code = normaliseTrackingCode(request.params.code);
      if (!code) throw notFound('查询码对应的反映');
      let entry = tracked.get(code);
      if (entry && tracked.claimRefresh(code, entry)) {
        void presentTracked(code)
          .then((fresh) => fresh ?? tracked.delete(code))
          .catch((err: unknown) => request.log.warn({ err }, 'tracking page refresh failed'))
          .finally(() => tracked.releaseRefresh(code));
      }
      entry ??= await presentTracked(code);
      if (!entry) throw notFound('查询码对应的反映');
      reply.header('cache-control', 'no-cache').header('etag', entry.etag);
      // The JSON is already serialised (a string with a JSON content type is sent as it is); 304 has no body.
      if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send(undefined as never);
      return reply.type('application/json; charset=utf-8').send(entry.json as never);
    },
  });

  r.post('/api/public/clues/:code/rating', {
    config: { public: true },
    bodyLimit: 8192,
    schema: {
      tags,
      summary: '评价线索办理结果（答复后可评价一次）',
      params: codeParams,
      body: ratingBody,
      response: { 200: trackedClueView, ...errors, 422: errorResponse },
    },
    handler: async (request, reply) => {
      submits.check(request, reply);
      const found = await clueByCode(db, request.params.code);
      const principal = reporterOf(found);
      await db.transaction(async (tx) => {
        const row = (await loadClueForCommand(tx, found.id))!;
        await applyClueCommand(
          tx,
          config,
          row,
          { type: 'rate', input: request.body },
          principal,
          publicActor,
          new Date(),
        );
      });
      const clue = await clueByCode(db, request.params.code);
      return presentTrackedClue(db, clue, await linkedProblem(db, clue));
    },
  });

  r.post('/api/public/clues/:code/problem-rating', {
    config: { public: true },
    bodyLimit: 8192,
    schema: {
      tags,
      summary: '评价由本线索形成的问题的整改结果（问题销号后，每位反映人一次）',
      params: codeParams,
      body: ratingBody,
      response: { 200: trackedClueView, ...errors, 422: errorResponse },
    },
    handler: async (request, reply) => {
      submits.check(request, reply);
      const clue = await clueByCode(db, request.params.code);
      if (!clue.problemId) throw notFound('关联问题');
      await rateProblemAsReporter(db, clue, request.body, await publicAccountOf(request));
      return presentTrackedClue(db, clue, await linkedProblem(db, clue));
    },
  });

  r.get('/api/public/problems', {
    config: { public: true },
    schema: {
      tags,
      summary: '公开的问题清单（整改措施、进展、结果按公开设置显示）',
      querystring: publicProblemsQuery,
      response: { 200: publicProblemPage, ...errors },
    },
    handler: async (request, reply) => {
      reads.checkRead(request, reply);
      const q = request.query;
      const { items, total } = await listPublishedProblems(db, q, pageWindow(q));
      const views = await Promise.all(items.map((i) => presentPublicProblem(db, i.problem, i.publication, false)));
      return { items: views, total, page: q.page, pageSize: q.pageSize };
    },
  });

  r.get('/api/public/problems/:id', {
    config: { public: true },
    schema: {
      tags,
      summary: '公开问题详情',
      params: z.object({ id: z.uuid() }),
      response: { 200: publicProblemView, ...errors },
    },
    handler: async (request, reply) => {
      reads.checkRead(request, reply);
      const found = await findPublishedProblem(db, request.params.id);
      if (!found) throw notFound('公开问题');
      return presentPublicProblem(db, found.problem, found.publication);
    },
  });

  r.get('/api/public/feed/:file', {
    config: { public: true },
    schema: {
      tags,
      summary: '按行政区划订阅公开问题：/api/public/feed/330500.atom 或 330500.rss',
      params: z.object({
        file: z.string().regex(/^\d{6}(?:\d{3}){0,2}\.(atom|rss)$/, '应为 区划代码.atom 或 区划代码.rss'),
      }),
    },
    handler: async (request, reply) => {
      reads.checkRead(request, reply);
      const [region, kind] = request.params.file.split('.') as [string, 'atom' | 'rss'];
      const { items } = await listPublishedProblems(db, { region }, { limit: 50, offset: 0 });
      const problems = await Promise.all(items.map((i) => presentPublicProblem(db, i.problem, i.publication, false)));
      // Published bulletins of the region subtree go into the same feed, newest first with the problems.
      const notices = (await listPublishedBulletins(db, { region }, { limit: 50, offset: 0 })).items.map((b) => {
        const v = presentPublicBulletin(b);
        return { ...v, description: v.body, stateLabel: v.kindLabel, path: `/api/public/bulletins/${v.id}` };
      });
      const views = [...problems, ...notices]
        .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.updatedAt.localeCompare(a.updatedAt))
        .slice(0, 50);
      const base = `${request.protocol}://${request.host}`;
      return sendFeed(reply, kind, kind === 'atom' ? atomFeed(base, region, views) : rssFeed(base, region, views));
    },
  });
}

const publicActor = { userId: null, username: 'public' };

function sendFeed(reply: FastifyReply, kind: 'atom' | 'rss', xml: string) {
  return reply
    .header(
      'content-type',
      kind === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
    )
    .send(xml);
}

export function submittedView(row: ClueRow) {
  return {
    trackingCode: formatTrackingCode(row.trackingCode),
    state: row.state,
    message: '已收到您的反映，请记下查询码以便查询办理进展',
    receivedAt: row.receivedAt.toISOString(),
  };
}

async function clueByCode(db: Executor, raw: string): Promise<ClueRow> {
  const code = normaliseTrackingCode(raw);
  const clue = code ? await findClueByCode(db, code) : undefined;
  if (!clue) throw notFound('查询码对应的反映');
  return clue;
}

/**
 * Whoever holds the tracking code is the reporter of that clue (the code is the secret). A signed-in light account
 * that submitted the clue is one reporter across all its clues, so it rates a problem once however many it reported.
 */
function reporterOf(clue: ClueRow, account?: { accountId: string }): PublicReporter {
  const key = account ? accountReporterKey(account.accountId) : undefined;
  return { kind: 'public', reporterKey: key && clue.reporterKey === key ? key : `clue:${clue.id}`, clueIds: [clue.id] };
}

/** The problem the clue became (directly, or through the clue it was merged into), if staff published it. */
async function linkedProblem(db: Executor, clue: Pick<ClueRow, 'problemId' | 'duplicateOf'>) {
  let problemId = clue.problemId;
  if (!problemId && clue.duplicateOf) {
    const target = await loadTarget(db, clue.duplicateOf);
    problemId = target?.problemId ?? null;
  }
  if (!problemId) return undefined;
  const found = await findPublishedProblem(db, problemId);
  return found ? { row: found.problem, publication: found.publication } : undefined;
}

async function loadTarget(db: Executor, id: string) {
  return db.transaction(async (tx) => loadClueForCommand(tx, id));
}

/** A reporter of a linked clue rates the problem's closure through the problem machine (PublicReporter principal). */
async function rateProblemAsReporter(
  db: Executor,
  clue: ClueRow,
  input: z.infer<typeof ratingBody>,
  account: { accountId: string } | undefined,
) {
  await db.transaction(async (tx) => {
    const row = await loadProblemForCommand(tx, clue.problemId!);
    if (!row) throw notFound('关联问题');
    const now = new Date();
    const decision = decide(snapshotFromJson(row.snapshot), { type: 'rate', input }, reporterOf(clue, account), now);
    if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message);
    const updated = await updateProblem(tx, row.id, row.version, derivedColumns(decision.next, now));
    if (!updated) throw conflict('问题已被更新，请重试');
    await appendEvent(tx, {
      actorUserId: null,
      actorUsername: 'public',
      type: decision.event.type,
      subjectType: 'problem',
      subjectId: row.id,
      regionCode: row.regionCode,
      unitId: row.leadUnitId,
      payload: decision.event.payload,
    });
  });
}
