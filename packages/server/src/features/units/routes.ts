import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appendEvent, findRegion, findUnit, insertUnit, listUnits, updateUnit, type UnitRow } from '@rectify/db';
import {
  badRequest,
  conflict,
  createUnitBody,
  errorResponse,
  forbidden,
  idParams,
  notFound,
  pageOf,
  unitListQuery,
  unitView,
  updateUnitBody,
} from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { pageWindow, sendCsv } from '../../lib/list.ts';

const tags = ['units'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const presentUnit = (u: UnitRow) => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  regionCode: u.regionCode,
  parentId: u.parentId,
  version: u.version,
});

export function unitRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/units', {
    schema: {
      tags,
      summary: '单位列表（format=csv 导出同样筛选的全部行）',
      querystring: unitListQuery,
      response: { 200: pageOf(unitView), ...errors },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'unit.read');
      const q = request.query;
      if (q.format === 'csv') {
        const { items } = await listUnits(db, scope, q);
        return sendCsv(reply, '单位', items, [
          { header: '编号', value: (u) => u.id },
          { header: '名称', value: (u) => u.name },
          { header: '类型', value: (u) => u.kind },
          { header: '行政区划', value: (u) => u.regionCode },
        ]);
      }
      const { items, total } = await listUnits(db, scope, q, pageWindow(q));
      return { items: items.map(presentUnit), total, page: q.page, pageSize: q.pageSize };
    },
  });

  r.get('/api/units/:id', {
    schema: { tags, summary: '单位详情', params: idParams, response: { 200: unitView, ...errors } },
    handler: async (request) => {
      const scope = await authorize(request, 'unit.read');
      const unit = await findUnit(db, scope, request.params.id);
      if (!unit) throw notFound('单位');
      return presentUnit(unit);
    },
  });

  r.post('/api/units', {
    schema: { tags, summary: '新建单位', body: createUnitBody, response: { 201: unitView, ...errors } },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'unit.manage');
      const body = request.body;
      if (!scope.coversRegion(body.regionCode)) throw forbidden('只能在您管辖的行政区划内建立单位');
      if (!(await findRegion(db, body.regionCode))) throw badRequest(`行政区划 ${body.regionCode} 未加载`);
      if (body.parentId && !(await findUnit(db, scope, body.parentId))) throw notFound('上级单位');
      const actor = request.actor!;
      const unit = await db.transaction(async (tx) => {
        const row = await insertUnit(tx, body);
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'unit.created',
          subjectType: 'unit',
          subjectId: row.id,
          regionCode: row.regionCode,
          unitId: row.id,
          payload: { name: row.name, kind: row.kind },
        });
        return row;
      });
      return reply.status(201).send(presentUnit(unit));
    },
  });

  r.patch('/api/units/:id', {
    schema: {
      tags,
      summary: '修改单位（需携带读取时的 version）',
      params: idParams,
      body: updateUnitBody,
      response: { 200: unitView, ...errors },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'unit.manage');
      const { version, ...changes } = request.body;
      const actor = request.actor!;
      return db.transaction(async (tx) => {
        const current = await findUnit(tx, scope, request.params.id);
        if (!current) throw notFound('单位');
        const row = await updateUnit(tx, current.id, version, changes);
        if (!row) throw conflict('单位已被他人修改，请刷新后重试', { currentVersion: current.version });
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'unit.updated',
          subjectType: 'unit',
          subjectId: row.id,
          regionCode: row.regionCode,
          unitId: row.id,
          payload: changes,
        });
        return presentUnit(row);
      });
    },
  });
}
