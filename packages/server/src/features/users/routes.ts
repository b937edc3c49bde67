import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findUser, listUsers, type UserRow } from '@rectify/db';
import {
  createUserBody,
  errorResponse,
  idParams,
  notFound,
  pageOf,
  updateUserBody,
  userListQuery,
  userView,
  type RoleGrant,
} from '@rectify/domain';
import { audit, authorize } from '../../plugins/auth.ts';
import { pageWindow, sendCsv } from '../../lib/list.ts';
import { createUser, updateUserAccount } from './service.ts';

const tags = ['users'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const presentUser = (u: UserRow & { grants: RoleGrant[] }) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  unitId: u.unitId,
  regionCode: u.regionCode,
  disabled: u.disabled,
  lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
  totpEnabled: u.totpEnabled,
  grants: u.grants,
  version: u.version,
});

export function userRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/users', {
    schema: {
      tags,
      summary: '用户列表（format=csv 导出）',
      querystring: userListQuery,
      response: { 200: pageOf(userView), ...errors },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'user.read');
      const q = request.query;
      if (q.format === 'csv') {
        const { items } = await listUsers(db, scope, q);
        await audit(request, { action: 'user.export', outcome: 'success', details: { rows: items.length } });
        return sendCsv(reply, '用户', items, [
          { header: '用户名', value: (u) => u.username },
          { header: '姓名', value: (u) => u.displayName },
          { header: '单位', value: (u) => u.unitId },
          { header: '行政区划', value: (u) => u.regionCode },
          { header: '角色', value: (u) => u.grants.map((g) => g.role).join(' ') },
          { header: '停用', value: (u) => (u.disabled ? '是' : '否') },
        ]);
      }
      const { items, total } = await listUsers(db, scope, q, pageWindow(q));
      return { items: items.map(presentUser), total, page: q.page, pageSize: q.pageSize };
    },
  });

  r.get('/api/users/:id', {
    schema: { tags, summary: '用户详情', params: idParams, response: { 200: userView, ...errors } },
    handler: async (request) => {
      const scope = await authorize(request, 'user.read');
      const user = await findUser(db, scope, request.params.id);
      if (!user) throw notFound('用户');
      return presentUser(user);
    },
  });

  r.post('/api/users', {
    schema: { tags, summary: '新建用户并授权', body: createUserBody, response: { 201: userView, ...errors } },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'user.manage');
      const actor = request.actor!;
      const user = await createUser(db, scope, actor, request.body).catch(async (err: unknown) => {
        await audit(request, {
          action: 'user.create',
          outcome: 'failure',
          details: { username: request.body.username, reason: (err as Error).message },
        });
        throw err;
      });
      await audit(request, {
        action: 'user.create',
        outcome: 'success',
        details: { userId: user.id, username: user.username, grants: request.body.grants },
      });
      return reply.status(201).send(presentUser({ ...user, grants: request.body.grants }));
    },
  });

  r.patch('/api/users/:id', {
    schema: {
      tags,
      summary: '修改用户：姓名、停用、解锁、重置密码、授权（需携带 version）',
      params: idParams,
      body: updateUserBody,
      response: { 200: userView, ...errors },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'user.manage');
      const user = await updateUserAccount(request, scope, request.params.id, request.body);
      if (!user) throw notFound('用户');
      return presentUser(user);
    },
  });
}
