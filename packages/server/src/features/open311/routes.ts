import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { findApiTokenByHash, schema, type ClueRow, type Executor } from '@rectify/db';
import { AppError } from '@rectify/domain';
import { sha256Hex } from '../../lib/crypto.ts';
import { knownRegion, receiveClue, topRegion } from '../clues/intake.ts';
import { formatTrackingCode } from '../clues/tracking-code.ts';
import { categoryByCode, PUBLIC_CATEGORIES } from '../public/categories.ts';
import { PublicLimits } from '../public/limits.ts';
import { mask, publicClueSteps } from '../public/presenter.ts';
import { join } from 'node:path';
import { DiskFileStore } from '../evidence/store.ts';
import { sendOpen311, splitFormat, type Open311Format, type Open311Record } from './format.ts';
import { firstPublicPhoto, isPublicRequest, readPhoto, stripJpegMetadata, stripPngMetadata } from './media.ts';

const CLOSED_STATES = ['replied', 'rated', 'rejected', 'merged', 'forwarded'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): services are the clue categories, a request is a
 * clue. POST works without `api_key` (public, rate limited); a valid key (an API token) identifies a partner system.
 * A request placed only by `lat`/`long` or an address goes to the deployment's top region for triage. Listings show
 * masked text and locations rounded to about 100 m; `service_request_id` is the clue id, and the reporter's tracking
 * code is returned once, in `service_notice` of the POST answer.
 */
export function open311Routes(app: FastifyInstance): void {
  // Form posts only here: the JSON API elsewhere keeps refusing other content types (415).
  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 65_536 });
    const { db } = app.ctx.database;
    const { config } = app.ctx;
    const submits = new PublicLimits(config.clues.submitsPerMinute);
    const reads = new PublicLimits(config.clues.readsPerMinute);
    const store = new DiskFileStore(join(config.dataDir, 'files'));
    const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

    const handle =
      (fn: (request: FastifyRequest, reply: FastifyReply, name: string, format: Open311Format) => Promise<unknown>) =>
      async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
        const parsed = splitFormat(request.params.file);
        if (!parsed)
          return sendOpen311(reply, 'json', 'errors', [{ code: 404, description: '格式应为 .json 或 .xml' }], 404);
        const [name, format] = parsed;
        try {
          return await fn(request, reply, name, format);
        } catch (err) {
          const status = err instanceof Open311Error || err instanceof AppError ? err.status : 500;
          if (status === 500) request.log.error({ err }, 'open311 failure');
          const description = status === 500 ? '服务器内部错误' : (err as Error).message;
          return sendOpen311(reply, format, 'errors', [{ code: status, description }], status);
        }
      };

    scope.get(
      '/open311/v2/:file',
      handle(async (request, reply, name, format) => {
        reads.checkRead(request, reply);
        if (name === 'services') return sendOpen311(reply, format, 'services', PUBLIC_CATEGORIES.map(service));
        if (name === 'requests') {
          const q = request.query as Record<string, string | undefined>;
          return sendOpen311(reply, format, 'requests', await listRequests(db, q, baseOf(request)));
        }
        throw new Open311Error(404, `没有这个资源：${name}`);
      }),
    );

    scope.get(
      '/open311/v2/services/:file',
      handle(async (request, reply, code, format) => {
        reads.checkRead(request, reply);
        const c = categoryByCode(code);
        if (!c) throw new Open311Error(404, `没有这个服务：${code}`);
        // Services carry no extra attributes (metadata=false); the definition lists none.
        const definition = { service_code: c.code, attributes: [] };
        if (format === 'json') return reply.send(definition);
        return reply
          .header('content-type', 'text/xml; charset=utf-8')
          .send(
            `<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>${c.code}</service_code><attributes/></service_definition>`,
          );
      }),
    );

    scope.get(
      '/open311/v2/requests/:file',
      handle(async (request, reply, id, format) => {
        reads.checkRead(request, reply);
        if (!uuidPattern.test(id)) throw new Open311Error(404, '没有这个请求');
        const rows = await listRequests(db, { service_request_id: id }, baseOf(request));
        if (rows.length === 0) throw new Open311Error(404, '没有这个请求');
        return sendOpen311(reply, format, 'requests', rows);
      }),
    );

    // The `media_url` of a request: its first public photo, without metadata (see media.ts for what is public).
    scope.get(
      '/open311/v2/media/:id/:file',
      async (request: FastifyRequest<{ Params: { id: string; file: string } }>, reply: FastifyReply) => {
        reads.checkRead(request, reply);
        const { id, file } = request.params;
        const m = /^([0-9a-f]{64})\.(jpg|png)$/.exec(file);
        const gone = () => sendOpen311(reply, 'json', 'errors', [{ code: 404, description: '没有这张公开照片' }], 404);
        if (!uuidPattern.test(id) || !m) return gone();
        const [clue] = await db.select().from(schema.clues).where(eq(schema.clues.id, id));
        const photo = clue && isPublicRequest(clue) ? await firstPublicPhoto(db, clue) : undefined;
        if (!photo || photo.sha256 !== m[1] || photo.ext !== m[2]) return gone();
        const bytes = await readPhoto(store, photo.sha256);
        const clean = bytes && (photo.ext === 'jpg' ? stripJpegMetadata(bytes) : stripPngMetadata(bytes));
        if (!clean) return gone();
        return reply
          .header('content-type', photo.ext === 'jpg' ? 'image/jpeg' : 'image/png')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'public, max-age=300')
          .send(clean);
      },
    );

    scope.get(
      '/open311/v2/tokens/:file',
      handle(async (request, reply, token, format) => {
        reads.checkRead(request, reply);
        // Requests are created synchronously: the token is the request id itself.
        if (!uuidPattern.test(token)) throw new Open311Error(404, '没有这个令牌');
        const [row] = await db.select({ id: schema.clues.id }).from(schema.clues).where(eq(schema.clues.id, token));
        if (!row) throw new Open311Error(404, '没有这个令牌');
        return sendOpen311(reply, format, 'requests', [{ token, service_request_id: row.id }]);
      }),
    );

    scope.post(
      '/open311/v2/:file',
      handle(async (request, reply, name, format) => {
        if (name !== 'requests') throw new Open311Error(404, `没有这个资源：${name}`);
        const f = fields(request.body);
        let partner: string | undefined;
        if (f.api_key) {
          const token = await findApiTokenByHash(db, sha256Hex(f.api_key));
          if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() < Date.now()))
            throw new Open311Error(403, 'api_key 无效或已吊销');
          partner = token.id;
        } else {
          submits.check(request, reply);
        }
        const category = f.service_code ? categoryByCode(f.service_code) : undefined;
        if (!category) throw new Open311Error(400, 'service_code 缺失或无效');
        const lat = f.lat !== undefined ? Number(f.lat) : undefined;
        const lng = f.long !== undefined ? Number(f.long) : undefined;
        const hasPoint = lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng);
        if (hasPoint && (Math.abs(lat) > 90 || Math.abs(lng) > 180)) throw new Open311Error(400, 'lat/long 超出范围');
        if (!hasPoint && !f.address_string && !f.address_id)
          throw new Open311Error(400, '需要提供位置：lat 和 long，或 address_string，或 address_id');
        const description = (f.description ?? '').trim();
        if (description.length < 5) throw new Open311Error(400, 'description 至少 5 个字');
        if (description.length > 5000) throw new Open311Error(400, 'description 不能超过 5000 字');
        const region =
          f.jurisdiction_id && /^\d{6}(\d{3})?$/.test(f.jurisdiction_id) && (await knownRegion(db, f.jurisdiction_id))
            ? f.jurisdiction_id
            : await topRegion(db, config);
        const name311 = [f.last_name, f.first_name].filter(Boolean).join('');
        const { row } = await receiveClue(db, config, {
          channel: 'open311',
          regionCode: region,
          title: `${category.name}：${description.slice(0, 30)}`,
          body: description,
          category: category.name,
          lat: hasPoint ? lat : undefined,
          lng: hasPoint ? lng : undefined,
          address: (f.address_string ?? f.address_id)?.slice(0, 200),
          contact: { name: name311 || undefined, phone: f.phone, email: f.email },
          idempotencyKey: f.device_id && f.request_key ? `open311:${f.device_id}:${f.request_key}` : undefined,
          externalRef: partner ? `partner:${partner}` : undefined,
          reporterKey: partner
            ? `partner:${partner}`
            : f.device_id
              ? sha256Hex(`device:${f.device_id}`).slice(0, 32)
              : undefined,
        });
        return sendOpen311(
          reply,
          format,
          'requests',
          [
            {
              service_request_id: row.id,
              service_notice: `已收到。查询码 ${formatTrackingCode(row.trackingCode)}，可在门户查询进展并评价。`,
              account_id: null,
            },
          ],
          201,
        );
      }),
    );
  });
}

function service(c: (typeof PUBLIC_CATEGORIES)[number]): Open311Record {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: false,
    type: 'realtime',
    keywords: c.name,
    group: '民意线索',
  };
}

function fields(body: unknown): Record<string, string | undefined> {
  if (!body || typeof body !== 'object') return {};
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === 'string' || typeof value === 'number') out[k] = String(value).slice(0, 6000);
  }
  return out;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

async function listRequests(
  db: Executor,
  q: Record<string, string | undefined>,
  base: string,
): Promise<Open311Record[]> {
  const ids = q.service_request_id?.split(',').filter((id) => uuidPattern.test(id));
  if (q.service_request_id && (!ids || ids.length === 0)) return [];
  const category = q.service_code ? categoryByCode(q.service_code) : undefined;
  const conditions: (SQL | undefined)[] = [
    eq(schema.clues.moderation, 'ok'),
    ne(schema.clues.channel, 'staff'),
    ids ? inArray(schema.clues.id, ids.slice(0, 100)) : undefined,
    q.service_code ? eq(schema.clues.category, category?.name ?? '\u0000') : undefined,
    q.status === 'open' ? sql`${schema.clues.state} not in ${CLOSED_STATES}` : undefined,
    q.status === 'closed' ? inArray(schema.clues.state, CLOSED_STATES) : undefined,
    q.start_date && !Number.isNaN(Date.parse(q.start_date))
      ? sql`${schema.clues.receivedAt} >= ${new Date(q.start_date).toISOString()}`
      : undefined,
    q.end_date && !Number.isNaN(Date.parse(q.end_date))
      ? sql`${schema.clues.receivedAt} <= ${new Date(q.end_date).toISOString()}`
      : undefined,
  ];
  // Without dates, the spec's default window: the last 90 days, at most 1000 requests.
  if (!ids && !q.start_date) conditions.push(sql`${schema.clues.receivedAt} >= now() - interval '90 days'`);
  const rows = await db
    .select()
    .from(schema.clues)
    .where(and(...conditions))
    .orderBy(desc(schema.clues.receivedAt))
    .limit(1000);
  return Promise.all(rows.map((r) => requestRecord(db, r, base)));
}

async function requestRecord(db: Executor, r: ClueRow, base: string): Promise<Open311Record> {
  const steps = await publicClueSteps(db, r.id);
  const photo = await firstPublicPhoto(db, r);
  const last = steps.at(-1);
  const unit = r.handlingUnitId
    ? (await db.select({ name: schema.units.name }).from(schema.units).where(eq(schema.units.id, r.handlingUnitId)))[0]
    : undefined;
  const category = PUBLIC_CATEGORIES.find((c) => c.name === r.category);
  return {
    service_request_id: r.id,
    status: CLOSED_STATES.includes(r.state) ? 'closed' : 'open',
    status_notes: last?.text ?? last?.label ?? null,
    service_name: category?.name ?? r.category ?? null,
    service_code: category?.code ?? null,
    description: mask(r.body),
    agency_responsible: unit?.name ?? null,
    service_notice: null,
    requested_datetime: r.receivedAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: null,
    address: mask(r.address),
    address_id: null,
    zipcode: null,
    lat: round(r.lat),
    long: round(r.lng),
    media_url: photo ? `${base}/open311/v2/media/${r.id}/${photo.sha256}.${photo.ext}` : null,
  };
}
