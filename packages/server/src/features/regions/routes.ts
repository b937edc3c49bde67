import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findRegion, insertRegion, listRegions, updateRegion, writeAudit, type RegionRow } from '@rectify/db';
import {
  AppError,
  conflict,
  createRegionBody,
  errorResponse,
  errorResponses,
  forbidden,
  notFound,
  regionCode,
  regionDetailView,
  regionLevelOf,
  regionListQuery,
  regionPrefix,
  updateRegionBody,
  type RegionLevel,
} from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';

const tags = ['regions'];
const errors = errorResponses;

const presentRegion = (r: RegionRow) => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parentCode,
  population: r.population,
  timeZone: r.timeZone,
});

/** Region changes go to the audit log under the region itself. */
const auditRegion = (request: FastifyRequest, action: string, regionCode: string, details: Record<string, unknown>) =>
  writeAudit(request.server.ctx.database.db, {
    actorUserId: request.actor!.userId,
    actorUsername: request.actor!.username,
    viaToken: request.auth?.kind === 'token',
    ip: request.ip,
    action,
    outcome: 'success',
    regionCode,
    details,
  });

/** The level directly above each level a region may be created at. */
const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  province: null,
  city: 'province',
  county: 'city',
  town: 'county',
};

/** GB/T 2260: a child's code is read as its level and extends its parent's prefix (county 6 digits, town 9). */
function codeProblem(code: string, level: RegionLevel, parent: RegionRow): string | null {
  if (PARENT_LEVEL[level] !== parent.level) return `${parent.name}下不能新建这一级行政区划`;
  if (regionLevelOf(code) !== level) {
    return level === 'town'
      ? '乡镇（街道）代码应为 9 位数字'
      : '区划代码与所选层级不符（市级以 00 结尾，县级不以 00 结尾）';
  }
  if (!code.startsWith(regionPrefix(parent.code))) return `区划代码应以上级代码 ${regionPrefix(parent.code)} 开头`;
  return null;
}

export function regionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  // Administrative divisions are public reference data: the portal's place picker uses this without signing in.
  r.get('/api/regions', {
    schema: {
      tags,
      summary: '行政区划（parent 的下级；q 按名称搜索；都不给时返回最上级）',
      querystring: regionListQuery,
      response: { 200: z.object({ items: z.array(regionDetailView) }), 400: errorResponse },
    },
    config: { public: true },
    handler: async (request) => ({ items: (await listRegions(db, request.query)).map(presentRegion) }),
  });

  r.post('/api/regions', {
    schema: {
      tags,
      summary: '新建行政区划（县级挂在市下、乡镇挂在县下，代码须延续上级代码）',
      body: createRegionBody,
      response: { 201: regionDetailView, ...errors },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'region.manage');
      const body = request.body;
      const parent = await findRegion(db, body.parentCode);
      if (!parent) throw notFound('上级行政区划');
      if (!scope.coversRegion(parent.code)) throw forbidden('只能在您管辖的行政区划内新建下级区划');
      const problem = codeProblem(body.code, body.level, parent);
      if (problem)
        throw new AppError(422, 'invalid_region_code', problem, { code: body.code, parentCode: parent.code });
      const row = await insertRegion(db, {
        code: body.code,
        name: body.name,
        level: body.level,
        parentCode: parent.code,
        population: body.population ?? null,
        ...(body.timeZone !== undefined && { timeZone: body.timeZone }),
      });
      if (!row) throw conflict(`行政区划 ${body.code} 已存在`, { code: body.code });
      await auditRegion(request, 'region.create', row.code, { region: presentRegion(row) });
      return reply.status(201).send(presentRegion(row));
    },
  });

  r.patch('/api/regions/:code', {
    schema: {
      tags,
      summary: '修改行政区划的名称、人口、时区（最后保存者为准，记入审计日志）',
      params: z.object({ code: regionCode }),
      body: updateRegionBody,
      response: { 200: regionDetailView, ...errors },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'region.manage');
      const current = await findRegion(db, request.params.code);
      if (!current) throw notFound('行政区划');
      if (!scope.coversRegion(current.code)) throw forbidden('该行政区划不在您的权限范围内');
      const { version: _version, ...changes } = request.body;
      const row = Object.keys(changes).length === 0 ? current : await updateRegion(db, current.code, changes);
      if (!row) throw notFound('行政区划');
      await auditRegion(request, 'region.update', row.code, {
        before: presentRegion(current),
        after: presentRegion(row),
      });
      return presentRegion(row);
    },
  });
}
