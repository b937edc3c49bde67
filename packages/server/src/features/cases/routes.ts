import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appendEvent,
  findPolicyItem,
  findProblem,
  insertCase,
  insertPolicyItem,
  listCases,
  listPolicyItems,
  setPolicyItemStatus,
} from '@rectify/db';
import { AppError, errorResponses, forbidden, hasRole, idParams, notFound } from '@rectify/domain';
import { caseBody, policyItemBody } from '@rectify/domain/schemas/follow-up';
import { authorize } from '../../plugins/auth.ts';

const tags = ['cases'];
const POLICY_STATUSES = ['proposed', 'accepted', 'implemented', 'declined'] as const;
const list = z.object({ items: z.array(z.record(z.string(), z.unknown())) });
const iso = <T extends { createdAt: Date }>(r: T) => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Outputs for the case library: typical cases (典型案例) and the policy-optimisation list (政策优化清单). */
export function caseRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.post('/api/cases', {
    schema: {
      tags,
      summary: '由已销号问题形成典型案例',
      body: caseBody,
      response: { 201: z.object({ id: z.string() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'problem.read');
      const actor = request.actor!;
      if (!hasRole(actor, 'cppcc_staff')) throw forbidden('典型案例由评议办整理');
      const problem = await findProblem(db, scope, request.body.problemId);
      if (!problem) throw notFound('问题');
      if (problem.state !== 'closed') throw new AppError(409, 'illegal_transition', '只有已销号的问题才能形成典型案例');
      const row = await db.transaction(async (tx) => {
        const created = await insertCase(tx, {
          ...request.body,
          regionCode: problem.regionCode,
          createdBy: actor.userId,
        });
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'case.created',
          subjectType: 'problem',
          subjectId: problem.id,
          regionCode: problem.regionCode,
          unitId: problem.leadUnitId,
          payload: { caseId: created.id, title: created.title },
        });
        return created;
      });
      return reply.status(201).send({ id: row.id });
    },
  });

  r.get('/api/cases', {
    schema: { tags, summary: '典型案例库', response: { 200: list, ...errorResponses } },
    handler: async (request) => ({ items: (await listCases(db, await authorize(request, 'problem.read'))).map(iso) }),
  });

  r.post('/api/policy-items', {
    schema: {
      tags,
      summary: '提出政策优化事项',
      body: policyItemBody,
      response: { 201: z.object({ id: z.string() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'problem.read');
      const actor = request.actor!;
      if (!hasRole(actor, 'cppcc_staff') && !hasRole(actor, 'member'))
        throw forbidden('政策优化事项由委员或评议办提出');
      const problem = request.body.problemId ? await findProblem(db, scope, request.body.problemId) : undefined;
      if (request.body.problemId && !problem) throw notFound('问题');
      const regionCode = problem?.regionCode ?? actor.regionCode;
      const row = await db.transaction(async (tx) => {
        const created = await insertPolicyItem(tx, {
          ...request.body,
          unitId: request.body.unitId ?? problem?.leadUnitId ?? null,
          regionCode,
          createdBy: actor.userId,
        });
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'policy_item.proposed',
          subjectType: 'policy_item',
          subjectId: created.id,
          regionCode,
          unitId: created.unitId,
          payload: { title: created.title, problemId: created.problemId },
        });
        return created;
      });
      return reply.status(201).send({ id: row.id });
    },
  });

  r.get('/api/policy-items', {
    schema: { tags, summary: '政策优化清单', response: { 200: list, ...errorResponses } },
    handler: async (request) => ({
      items: (await listPolicyItems(db, await authorize(request, 'problem.read'))).map(iso),
    }),
  });

  r.post('/api/policy-items/:id/status', {
    schema: {
      tags,
      summary: '更新政策优化事项状态（评议办）',
      params: idParams,
      body: z.strictObject({ status: z.enum(POLICY_STATUSES) }),
      response: { 200: z.object({ id: z.string(), status: z.string() }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      const actor = request.actor!;
      if (!hasRole(actor, 'cppcc_staff')) throw forbidden('状态由评议办更新');
      const item = await findPolicyItem(db, scope, request.params.id);
      if (!item) throw notFound('政策优化事项');
      const row = await db.transaction(async (tx) => {
        const updated = await setPolicyItemStatus(tx, item.id, request.body.status);
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'policy_item.status_changed',
          subjectType: 'policy_item',
          subjectId: item.id,
          regionCode: item.regionCode,
          unitId: item.unitId,
          payload: { from: item.status, to: request.body.status },
        });
        return updated!;
      });
      return { id: row.id, status: row.status };
    },
  });
}
