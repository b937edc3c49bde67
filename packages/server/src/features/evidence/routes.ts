import { createHash } from 'node:crypto';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findEvidence, recordEvidence } from '@rectify/db';
import { AppError, badRequest, errorResponse, notFound, regionCode as regionCodeSchema } from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { readPhotoFacts } from '../../lib/exif.ts';
import { EVIDENCE_TYPES, sniffEvidenceType } from '../../lib/sniff.ts';
import { PublicLimits } from '../public/limits.ts';
import { DiskFileStore } from './store.ts';

const MAX_FILES = 9;

const evidenceView = z.object({
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  originalName: z.string().nullable(),
  exif: z
    .object({
      takenAt: z.string().nullable(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      make: z.string().nullable(),
      model: z.string().nullable(),
    })
    .nullable(),
});

const publicPhotoView = z.object({ sha256: z.string(), size: z.number().int(), mime: z.string() });

/**
 * Evidence files (佐证材料): multipart upload, stored by SHA-256, type sniffed from the bytes against an allow-list,
 * size-limited, and served only with their sniffed type (never as HTML or script), with photo EXIF time and place.
 */
export function evidenceRoutes(app: FastifyInstance): void {
  const { config, database } = app.ctx;
  const store = new DiskFileStore(join(config.dataDir, 'files'));
  void app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: MAX_FILES, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicUploads = new PublicLimits(config.clues.submitsPerMinute);

  /**
   * Stores the files of a multipart request. A public upload names its place in a `regionCode` field before the
   * files (so staff of that region see the photos with the clue) and may send photos only.
   */
  async function receiveFiles(
    request: FastifyRequest,
    who: { regionCode: string | null; uploadedBy: string | null; photosOnly?: boolean },
  ) {
    if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', '请以 multipart/form-data 上传文件');
    let regionCode = who.regionCode;
    const items = [];
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'regionCode' && who.regionCode === null) {
          const parsed = regionCodeSchema.safeParse(part.value);
          if (!parsed.success) throw badRequest('regionCode 应为 6 位或 9 位行政区划代码');
          regionCode = parsed.data;
        }
        continue;
      }
      if (!regionCode) throw badRequest('请先在表单中给出 regionCode（问题所在地的行政区划代码），再附文件');
      const bytes = await part.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(
            413,
            'payload_too_large',
            `文件“${part.filename}”超过 ${Math.round(config.uploadLimitBytes / 1048576)} MB 上限`,
          );
        }
        throw err;
      });
      const mime = sniffEvidenceType(bytes);
      if (!mime || (who.photosOnly && !mime.startsWith('image/'))) {
        const allowed = who.photosOnly ? 'JPG、PNG、GIF、WebP 照片' : Object.values(EVIDENCE_TYPES).join('、');
        throw new AppError(415, 'unsupported_media_type', `文件“${part.filename}”不是允许的类型（${allowed}）`);
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await store.put(sha256, bytes);
      const row = await recordEvidence(database.db, {
        sha256,
        size: bytes.length,
        mime,
        originalName: part.filename?.slice(0, 200) ?? null,
        regionCode,
        uploadedBy: who.uploadedBy,
        exif: mime === 'image/jpeg' ? readPhotoFacts(bytes) : null,
      });
      items.push({ ...row, exif: row.exif as z.infer<typeof evidenceView>['exif'] });
    }
    if (items.length === 0) throw badRequest('没有收到文件');
    return items;
  }

  r.post('/api/evidence', {
    schema: {
      tags: ['evidence'],
      summary: `上传佐证材料（multipart，最多 ${MAX_FILES} 个；图片、PDF、Word、Excel、MP4）`,
      consumes: ['multipart/form-data'],
      response: {
        201: z.object({ items: z.array(evidenceView) }),
        400: errorResponse,
        401: errorResponse,
        403: errorResponse,
        413: errorResponse,
        415: errorResponse,
      },
    },
    handler: async (request, reply) => {
      await authorize(request, 'problem.read');
      const actor = request.actor!;
      const items = await receiveFiles(request, { regionCode: actor.regionCode, uploadedBy: actor.userId });
      return reply.status(201).send({ items });
    },
  });

  r.post('/api/public/evidence', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: `公众反映问题时上传照片（multipart，最多 ${MAX_FILES} 张，JPG/PNG/GIF/WebP；字段 regionCode 为所反映问题的地点）`,
      consumes: ['multipart/form-data'],
      response: {
        201: z.object({ items: z.array(publicPhotoView) }),
        400: errorResponse,
        413: errorResponse,
        415: errorResponse,
        429: errorResponse,
      },
    },
    handler: async (request, reply) => {
      publicUploads.check(request, reply);
      const items = await receiveFiles(request, { regionCode: null, uploadedBy: null, photosOnly: true });
      return reply.status(201).send({ items: items.map((i) => ({ sha256: i.sha256, size: i.size, mime: i.mime })) });
    },
  });

  r.get('/api/evidence/:sha256', {
    schema: {
      tags: ['evidence'],
      summary: '下载佐证材料（按其字节识别的类型返回）',
      params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 SHA-256') }),
      response: { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'problem.read');
      const row = await findEvidence(database.db, scope, request.params.sha256);
      if (!row || !(await store.has(row.sha256))) throw notFound('佐证材料');
      const inline = row.mime.startsWith('image/') || row.mime === 'application/pdf' || row.mime === 'video/mp4';
      const name = encodeURIComponent(
        row.originalName ?? `${row.sha256}.${EVIDENCE_TYPES[row.mime as keyof typeof EVIDENCE_TYPES]}`,
      );
      return reply
        .header('content-type', row.mime)
        .header('content-length', row.size)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(store.open(row.sha256) as never);
    },
  });
}
