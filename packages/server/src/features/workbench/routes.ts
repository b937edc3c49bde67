import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inArray } from 'drizzle-orm';
import { listProblems, schema, snapshotFromJson } from '@rectify/db';
import { DUTY_STATES, dutyOf, errorResponses, todoView, type TodoItemView } from '@rectify/domain';
import { authorize, requireActor } from '../../plugins/auth.ts';
import { settingsByRegion } from '../settings/service.ts';

/** One answer examines at most this many candidate problems (deadline first), so a city-wide staff list stays fast. */
const MAX_CANDIDATES = 2000;
const LIGHT_ORDER = { red: 0, yellow: 1, green: 2 } as const;

function byUrgency(a: TodoItemView, b: TodoItemView): number {
  const light = (i: TodoItemView) => (i.warning ? LIGHT_ORDER[i.warning] : 3);
  return (
    light(a) - light(b) ||
    (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
    (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999')
  );
}

export function workbenchRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/workbench/todo', {
    schema: {
      tags: ['workbench'],
      summary: '我的待办：等待本人办理的问题与应办事项（由状态机推导，最紧急的在前）',
      response: { 200: todoView, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'problem.read');
      const actor = requireActor(request);
      const now = new Date();
      const { items: rows, total } = await listProblems(db, scope, { state: [...DUTY_STATES] }, 'deadline', {
        limit: MAX_CANDIDATES,
        offset: 0,
      });
      const campaignIds = [...new Set(rows.flatMap((p) => (p.campaignId ? [p.campaignId] : [])))];
      const lookbackMonths = new Map(
        campaignIds.length === 0
          ? []
          : (
              await db
                .select({ id: schema.campaigns.id, months: schema.campaigns.lookbackMonths })
                .from(schema.campaigns)
                .where(inArray(schema.campaigns.id, campaignIds))
            ).map((c) => [c.id, c.months] as const),
      );
      const settingsOf = await settingsByRegion(
        db,
        rows.map((p) => p.regionCode),
      );
      const items = rows.flatMap((p): TodoItemView[] => {
        const settings = settingsOf(p.regionCode);
        const campaignMonths = p.campaignId ? lookbackMonths.get(p.campaignId) : undefined;
        // The region's dispute window, extension limit and look-back plan, unless the campaign sets its own plan.
        const duty = dutyOf(snapshotFromJson(p.snapshot), actor, now, {
          disputeWindowDays: settings.disputeWindowDays,
          maxExtensions: settings.maxExtensions,
          progressCadenceDays: settings.progressCadenceDays,
          lookbackMonths: campaignMonths?.length ? campaignMonths : settings.lookbackMonths,
        });
        if (!duty) return [];
        return [
          {
            problemId: p.id,
            title: p.title,
            state: p.state as TodoItemView['state'],
            regionCode: p.regionCode,
            leadUnitId: p.leadUnitId,
            deadline: p.deadline,
            warning: p.warning as TodoItemView['warning'],
            overdueDays: p.overdueDays,
            escalation: p.escalation,
            duty: duty.command,
            dutyLabel: duty.label,
            dueOn: duty.dueOn,
          },
        ];
      });
      return { items: items.sort(byUrgency), examined: rows.length, truncated: total > rows.length };
    },
  });
}
