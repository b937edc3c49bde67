import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerSuggestion,
  appendEvent,
  eventsOfSubject,
  findProblem,
  findSuggestion,
  insertMechanism,
  insertSuggestion,
  linkMechanism,
  listMechanisms,
  mechanismsOfProblem,
  problemsInScope,
  suggestionsOfProblem,
  type SuggestionRow,
} from '@rectify/db';
import { AppError, conflict, errorResponses, forbidden, hasRole, idParams, notFound } from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { describeChange, diffPlans, type PlanVersion } from '@rectify/domain/problem/plan-diff';
import { mechanismBody, suggestionAnswerBody, suggestionBody } from '@rectify/domain/schemas/follow-up';

const tags = ['follow-up'];

const suggestionView = z.object({
  id: z.string(),
  problemId: z.string(),
  memberId: z.string(),
  text: z.string(),
  answer: z.string().nullable(),
  answerReason: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
const presentSuggestion = (s: SuggestionRow) => ({
  id: s.id,
  problemId: s.problemId,
  memberId: s.memberId,
  text: s.text,
  answer: s.answer,
  answerReason: s.answerReason,
  answeredAt: s.answeredAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
  version: s.version,
});

/** Suggestions (意见建议) and their answers, long-term mechanisms (长效机制), and plan versions with their diff. */
export function followUpRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.post('/api/problems/:id/suggestions', {
    schema: {
      tags,
      summary: '委员就问题提出意见建议',
      params: idParams,
      body: suggestionBody,
      response: { 201: suggestionView, ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'problem.read');
      const actor = request.actor!;
      if (!hasRole(actor, 'member')) throw forbidden('意见建议由政协委员提出');
      const problem = await findProblem(db, scope, request.params.id);
      if (!problem) throw notFound('问题');
      const row = await db.transaction(async (tx) => {
        const created = await insertSuggestion(tx, {
          problemId: problem.id,
          regionCode: problem.regionCode,
          unitId: problem.leadUnitId,
          memberId: actor.userId,
          text: request.body.text,
        });
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'suggestion.made',
          subjectType: 'problem',
          subjectId: problem.id,
          regionCode: problem.regionCode,
          unitId: problem.leadUnitId,
          payload: { suggestionId: created.id, text: created.text },
        });
        return created;
      });
      return reply.status(201).send(presentSuggestion(row));
    },
  });

  r.get('/api/problems/:id/suggestions', {
    schema: {
      tags,
      summary: '问题的意见建议及答复',
      params: idParams,
      response: { 200: z.object({ items: z.array(suggestionView) }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      if (!(await findProblem(db, scope, request.params.id))) throw notFound('问题');
      return { items: (await suggestionsOfProblem(db, scope, request.params.id)).map(presentSuggestion) };
    },
  });

  r.post('/api/suggestions/:id/answer', {
    schema: {
      tags,
      summary: '牵头单位答复意见建议（采纳 / 部分采纳 / 不予采纳并说明理由）',
      params: idParams,
      body: suggestionAnswerBody,
      response: { 200: suggestionView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      const actor = request.actor!;
      const s = await findSuggestion(db, scope, request.params.id);
      if (!s) throw notFound('意见建议');
      const isLeadUnit = actor.grants.some(
        (g) => (g.role === 'unit_liaison' || g.role === 'unit_head') && g.unitId === s.unitId,
      );
      if (!isLeadUnit) throw forbidden('意见建议由牵头单位答复');
      if (s.answer) throw new AppError(409, 'already_answered', '该意见建议已答复');
      return db.transaction(async (tx) => {
        const row = await answerSuggestion(tx, s.id, request.body.version, {
          answer: request.body.answer,
          answerReason: request.body.reason ?? null,
          answeredBy: actor.userId,
        });
        if (!row) throw conflict('意见建议已被他人答复或更新，请刷新后重试');
        await appendEvent(tx, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          type: 'suggestion.answered',
          subjectType: 'problem',
          subjectId: s.problemId,
          regionCode: s.regionCode,
          unitId: s.unitId,
          payload: { suggestionId: s.id, answer: row.answer, reason: row.answerReason },
        });
        return presentSuggestion(row);
      });
    },
  });

  r.post('/api/mechanisms', {
    schema: {
      tags,
      summary: '登记长效机制并关联它解决的问题',
      body: mechanismBody,
      response: { 201: z.object({ id: z.string(), linked: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'problem.read');
      const actor = request.actor!;
      const body = request.body;
      const mayRecord =
        hasRole(actor, 'cppcc_staff') || actor.grants.some((g) => g.unitId !== null && g.unitId === body.unitId);
      if (!mayRecord) throw forbidden('长效机制由评议办或牵头单位登记');
      if (!scope.coversRegion(body.regionCode) && !body.unitId) throw forbidden('该行政区划不在您的权限范围内');
      const linkable = await problemsInScope(db, scope, body.problemIds);
      const missing = body.problemIds.filter((id) => !linkable.includes(id));
      if (missing.length > 0)
        throw new AppError(404, 'not_found', `问题不存在或不在您的权限范围内：${missing.join('、')}`);
      const row = await db.transaction(async (tx) => {
        const { problemIds, ...fields } = body;
        const created = await insertMechanism(tx, {
          ...fields,
          unitId: fields.unitId ?? null,
          createdBy: actor.userId,
        });
        await linkMechanism(tx, created.id, problemIds);
        for (const problemId of problemIds) {
          await appendEvent(tx, {
            actorUserId: actor.userId,
            actorUsername: actor.username,
            type: 'mechanism.linked',
            subjectType: 'problem',
            subjectId: problemId,
            regionCode: created.regionCode,
            unitId: created.unitId,
            payload: { mechanismId: created.id, title: created.title, kind: created.kind },
          });
        }
        return created;
      });
      return reply.status(201).send({ id: row.id, linked: body.problemIds.length });
    },
  });

  r.get('/api/mechanisms', {
    schema: {
      tags,
      summary: '长效机制',
      response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      const rows = await listMechanisms(db, scope);
      return {
        items: rows.map((r) => ({ ...r.m, createdAt: r.m.createdAt.toISOString(), problems: Number(r.problems) })),
      };
    },
  });

  r.get('/api/problems/:id/mechanisms', {
    schema: {
      tags,
      summary: '问题关联的长效机制',
      params: idParams,
      response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      if (!(await findProblem(db, scope, request.params.id))) throw notFound('问题');
      return {
        items: (await mechanismsOfProblem(db, request.params.id)).map((m) => ({
          ...m,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  });

  r.get('/api/problems/:id/plans', {
    schema: {
      tags,
      summary: '整改方案各版本及相邻版本之间的差异',
      params: idParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({
              version: z.number().int(),
              submittedAt: z.string(),
              submittedBy: z.string().nullable(),
              plan: z.record(z.string(), z.unknown()),
              review: z.object({
                outcome: z.enum(['approved', 'returned', 'pending']),
                comments: z.string().nullable(),
              }),
              changes: z.array(z.string()),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      if (!(await findProblem(db, scope, request.params.id))) throw notFound('问题');
      const eventScope = await authorize(request, 'event.read');
      const events = await eventsOfSubject(db, eventScope, 'problem', request.params.id);
      const items: {
        version: number;
        submittedAt: string;
        submittedBy: string | null;
        plan: PlanVersion;
        review: { outcome: 'approved' | 'returned' | 'pending'; comments: string | null };
        changes: string[];
      }[] = [];
      for (const e of events) {
        const input = (e.payload as { input?: Record<string, unknown> }).input ?? {};
        if (e.type === 'problem.plan_submitted') {
          const plan = input as unknown as PlanVersion;
          const previous = items.at(-1)?.plan;
          items.push({
            version: items.length + 1,
            submittedAt: e.at.toISOString(),
            submittedBy: e.actorUsername,
            plan,
            review: { outcome: 'pending', comments: null },
            changes: previous ? diffPlans(previous, plan).map(describeChange) : [],
          });
        } else if ((e.type === 'problem.plan_approved' || e.type === 'problem.plan_returned') && items.length > 0) {
          items.at(-1)!.review = {
            outcome: e.type === 'problem.plan_approved' ? 'approved' : 'returned',
            comments: (input.comments as string | undefined) ?? null,
          };
        }
      }
      return { items: items.map((i) => ({ ...i, plan: i.plan as unknown as Record<string, unknown> })) };
    },
  });
}
