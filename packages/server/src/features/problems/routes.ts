import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eventsOfSubject, evidenceByHashes, findProblem, listProblems, type ProblemRow } from '@rectify/db';
import {
  createProblemBody,
  errorResponses,
  eventView,
  idParams,
  notFound,
  pageOf,
  PROBLEM_COMMANDS,
  PROBLEM_LIST_STATES,
  PROBLEM_LISTS,
  PROBLEM_STATE_LABELS,
  problemCommandEnvelope,
  problemDetailView,
  problemListQuery,
  problemView,
  type ProblemList,
  type ProblemState,
} from '@rectify/domain';
import { authorize, requireActor } from '../../plugins/auth.ts';
import { pageWindow, sendCsv } from '../../lib/list.ts';
import { presentProblem, presentProblemDetail } from './presenter.ts';
import { effectiveSettingsFor } from '../settings/service.ts';
import { eventReplyQualities } from '../analytics/reply-quality.ts';
import { replyQualityView } from '@rectify/domain/schemas/analytics';
import { createProblem, ensureCommand, fireProblemCommand } from './service.ts';

const tags = ['problems'];

/**
 * The three lists (DESIGN §3) are views of the same scoped problem query: 问题清单 every problem, 责任清单 the assigned
 * ones (with lead unit and deadline), 整改清单 those with an approved plan.
 */
const LIST_TITLES: Record<ProblemList, string> = {
  problems: '问题清单',
  responsibility: '责任清单',
  rectification: '整改清单',
};

/** A state no problem is in: filtering on it alone selects no rows. */
const NO_STATE = '-';

const WARNING_LABELS: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

export function problemRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.post('/api/problems', {
    schema: {
      tags,
      summary: '提出问题（草稿，待评议办确认）',
      body: createProblemBody,
      response: { 201: problemDetailView, ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'problem.create');
      const row = await createProblem(db, scope, request.actor!, request.body);
      return reply
        .status(201)
        .send(presentProblemDetail(row, request.actor!, await effectiveSettingsFor(db, row.regionCode)));
    },
  });

  r.get('/api/lists/:list', {
    schema: {
      tags,
      summary:
        '三单：problems 问题清单 / responsibility 责任清单 / rectification 整改清单（format=csv 导出同样筛选的全部行）',
      params: z.object({ list: z.enum(PROBLEM_LISTS) }),
      querystring: problemListQuery,
      response: { 200: pageOf(problemView), ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = await authorize(request, 'problem.read');
      const listStates = PROBLEM_LIST_STATES[request.params.list];
      const q = request.query;
      // Every state asked for must belong to the list; none left (e.g. 责任清单?state=draft) selects nothing.
      const states = q.state ? q.state.filter((s) => listStates.includes(s)) : [...listStates];
      const filters = { ...q, state: states.length > 0 ? states : [NO_STATE] };
      if (q.format === 'csv') {
        const { items } = await listProblems(db, scope, filters, q.sort);
        return sendCsv<ProblemRow>(reply, LIST_TITLES[request.params.list], items, [
          { header: '编号', value: (p) => p.id },
          { header: '问题', value: (p) => p.title },
          { header: '状态', value: (p) => PROBLEM_STATE_LABELS[p.state as ProblemState] },
          { header: '行政区划', value: (p) => p.regionCode },
          { header: '牵头单位', value: (p) => p.leadUnitId },
          { header: '协办单位', value: (p) => p.coUnitIds.join(' ') },
          { header: '整改时限', value: (p) => p.deadline },
          { header: '预警', value: (p) => (p.warning ? WARNING_LABELS[p.warning] : '') },
          { header: '逾期天数', value: (p) => p.overdueDays },
          { header: '督办级别', value: (p) => p.escalation },
          { header: '销号结果', value: (p) => p.outcome },
        ]);
      }
      const { items, total } = await listProblems(db, scope, filters, q.sort, pageWindow(q));
      return { items: items.map(presentProblem), total, page: q.page, pageSize: q.pageSize };
    },
  });

  r.get('/api/problems/:id', {
    schema: {
      tags,
      summary: '问题详情（含当前用户可执行的操作）',
      params: idParams,
      response: { 200: problemDetailView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      const row = await findProblem(db, scope, request.params.id);
      if (!row) throw notFound('问题');
      return presentProblemDetail(row, requireActor(request), await effectiveSettingsFor(db, row.regionCode));
    },
  });

  r.get('/api/problems/:id/events', {
    schema: {
      tags,
      summary: '问题的全过程记录（时间线）',
      params: idParams,
      response: {
        200: z.object({
          items: z.array(eventView.extend({ replyQuality: replyQualityView.optional() })),
          files: z
            .record(
              z.string(),
              z.object({
                mime: z.string(),
                size: z.number().int(),
                originalName: z.string().nullable(),
                exif: z.unknown(),
              }),
            )
            .describe('evidence named by the events, by SHA-256: type, size and, for photos, EXIF time and place'),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      if (!(await findProblem(db, scope, request.params.id))) throw notFound('问题');
      const eventScope = await authorize(request, 'event.read');
      const items = await eventsOfSubject(db, eventScope, 'problem', request.params.id);
      const files = await evidenceByHashes(db, scope, [...new Set(items.flatMap((e) => e.evidence))]);
      const quality = await eventReplyQualities(
        db,
        scope,
        items.map((e) => e.id),
      );
      return {
        files: Object.fromEntries(
          files.map((f) => [f.sha256, { mime: f.mime, size: f.size, originalName: f.originalName, exif: f.exif }]),
        ),
        items: items.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorUsername: e.actorUsername,
          type: e.type,
          subjectType: e.subjectType,
          subjectId: e.subjectId,
          regionCode: e.regionCode,
          payload: e.payload,
          evidence: e.evidence,
          replyQuality: quality.get(e.id),
        })),
      };
    },
  });

  r.post('/api/problems/:id/commands/:command', {
    schema: {
      tags,
      summary: `执行流程操作（${PROBLEM_COMMANDS.join(', ')}）：非法状态 409，无权 403，条件不满足 422`,
      params: z.object({ id: z.uuid(), command: z.string() }),
      body: problemCommandEnvelope,
      response: { 200: problemDetailView, ...errorResponses },
    },
    handler: async (request) => {
      const type = ensureCommand(request.params.command, PROBLEM_COMMANDS);
      const row = await fireProblemCommand(request, request.params.id, type, request.body.version, request.body.input);
      return presentProblemDetail(row, request.actor!, await effectiveSettingsFor(db, row.regionCode));
    },
  });
}
