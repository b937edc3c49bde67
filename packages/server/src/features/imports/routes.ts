import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden, notFound, regionCode } from '@rectify/domain';
import { authorize, requireActor } from '../../plugins/auth.ts';
import { ImportFileError, MAX_FILE_BYTES, parseSheet } from './parse.ts';
import { findImport, importWorkOrders, parseMappingSpec, suggestMapping } from './service.ts';

const tags = ['clues'];
const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const importQuery = z.object({
  filename: z.string().max(200).default('upload'),
  channel: z.enum(['hotline', 'platform']).default('hotline'),
  region: regionCode,
  map: z.string().max(2000).optional().describe('field=列名,…; omitted → suggested from the headers'),
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  partial: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/**
 * Import of hotline (12345) and platform work orders. The file is the request body (CSV in UTF-8 or GBK, or .xlsx);
 * `preview` returns headers, a suggested column mapping and the first rows (the mapping step); the import itself is a
 * dry run unless `dryRun=false`.
 */
export function importRoutes(app: FastifyInstance): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const { database, config } = app.ctx;

    r.post('/api/clues/imports/preview', {
      bodyLimit: MAX_FILE_BYTES,
      schema: { tags, summary: '导入第一步：读取表头，给出建议的列映射和前 5 行' },
      handler: async (request) => {
        await authorize(request, 'clue.import');
        const sheet = await parseSheet(fileOf(request.body)).catch(rethrow);
        return {
          format: sheet.format,
          encoding: sheet.encoding,
          headers: sheet.headers,
          suggestedMapping: suggestMapping(sheet.headers),
          rows: sheet.rows.length,
          sample: sheet.rows.slice(0, 5),
        };
      },
    });

    r.post('/api/clues/imports', {
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags,
        summary: '导入 12345 热线/平台工单（CSV/GBK CSV/XLSX）：默认试运行；有错误时不导入任何行（partial=true 除外）',
        querystring: importQuery,
      },
      handler: async (request, reply) => {
        const scope = await authorize(request, 'clue.import');
        const actor = requireActor(request);
        const q = request.query;
        if (!scope.coversRegion(q.region)) throw forbidden('只能导入您负责的行政区划的工单');
        const report = await importWorkOrders(database, config, fileOf(request.body), {
          filename: q.filename,
          channel: q.channel,
          regionCode: q.region,
          mapping: q.map ? parseMappingSpec(q.map) : undefined,
          dryRun: q.dryRun,
          partial: q.partial,
          actor: { userId: actor.userId, username: actor.username },
        }).catch(rethrow);
        return reply.status(report.errors.length > 0 && !q.partial ? 422 : 200).send(report);
      },
    });

    r.get('/api/clues/imports/:id', {
      schema: { tags, summary: '一次导入的记录', params: z.object({ id: z.uuid() }) },
      handler: async (request) => {
        await authorize(request, 'clue.import');
        const run = await findImport(database, request.params.id);
        if (!run) throw notFound('导入记录');
        return run;
      },
    });
  });
}

function fileOf(body: unknown): Buffer {
  if (!Buffer.isBuffer(body))
    throw new AppError(415, 'unsupported_media_type', '请以文件内容作为请求体上传（CSV 或 XLSX）');
  return body;
}

function rethrow(err: unknown): never {
  if (err instanceof ImportFileError) throw new AppError(400, 'bad_file', err.message);
  throw err;
}
