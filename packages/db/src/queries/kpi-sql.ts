import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { events, problems } from '../schema/index.ts';
import type { Scope } from '../scope.ts';
import type { KpiSubject } from './kpi-facts.ts';

export interface KpiCounts {
  completion: [number, number];
  threeMonth: [number, number];
  onTime: [number, number];
  resolution: [number, number];
  mechanism: [number, number];
  rebound: [number, number];
  satisfaction: [number, number];
}

function subjectWhere(scope: Scope, s: KpiSubject): SQL {
  return scope.filter(
    problems,
    s.regionPrefix ? sql`${problems.regionCode} like ${`${s.regionPrefix}%`}` : undefined,
    s.unitId ? eq(problems.leadUnitId, s.unitId) : undefined,
    s.campaignId ? eq(problems.campaignId, s.campaignId) : undefined,
  );
}

/**
 * The numerators and denominators of the problem-based KPIs, aggregated in the database (the dashboard must stay fast
 * on 100,000 problems). Each expression mirrors its reference formula in packages/domain/src/kpi, and a test checks
 * the two agree; `fromDay`/`toDay` are the period's bounds as local calendar days in `timeZone`.
 */
export async function kpiCounts(
  db: Executor,
  scope: Scope,
  subject: KpiSubject,
  period: { from: Date; to: Date; fromDay: string; toDay: string },
  timeZone: string,
): Promise<KpiCounts> {
  const { from, to, fromDay, toDay } = period;
  const where = and(subjectWhere(scope, subject), sql`${problems.assignedAt} is not null`);
  const closedIn = sql`closed_at >= ${from} and closed_at < ${to}`;
  const due = sql`d >= ${fromDay}::date and d < ${toDay}::date`;
  const cohort = sql`assigned_at >= ${from} and assigned_at < ${to} and assigned_at + interval '90 days' <= ${to}`;
  // Plain columns only (the deadline in force is kept in `problems.deadline` by every state change): no JSON here.
  const problemQuery = db.execute(sql`
    with p as (
      select ${problems.assignedAt} as assigned_at, ${problems.closedAt} as closed_at, ${problems.outcome} as outcome,
             ${problems.deadline} as d, pm.problem_id is not null as has_mechanism
        from ${problems}
        left join (select distinct problem_id from problem_mechanisms) pm on pm.problem_id = ${problems.id}
       where ${where}
    )
    select
      count(*) filter (where ${due} and closed_at < ${to})::int as completion_num,
      count(*) filter (where ${due})::int as completion_den,
      count(*) filter (where ${cohort} and closed_at <= assigned_at + interval '90 days' and closed_at < ${to})::int as three_num,
      count(*) filter (where ${cohort})::int as three_den,
      count(*) filter (where ${closedIn} and (closed_at at time zone ${timeZone})::date <= d)::int as on_time,
      count(*) filter (where ${closedIn} and outcome = 'resolved')::int as resolved,
      count(*) filter (where ${closedIn} and has_mechanism)::int as with_mechanism,
      count(*) filter (where ${closedIn})::int as closed
    from p`);
  // Events carry their problem's region and lead unit. Without unit grants or a unit/campaign subject, the event
  // table's own scope and region are the problem's, so the join to problems can be skipped.
  const regionOnly = !subject.unitId && !subject.campaignId && scope.grants.every((g) => g.regionCode !== null);
  const eventScope = regionOnly
    ? sql`${scope.where(events)}`
    : sql`exists (select 1 from ${problems} where ${problems.id}::text = events.subject_id and ${subjectWhere(scope, subject)})`;
  const eventQuery = db.execute(sql`
    with e as (
      select events.subject_id, events.actor_user_id, events.at, events.type, events.id, events.payload -> 'input' as input
        from ${events}
       where events.subject_type = 'problem' and events.type in ('problem.looked_back', 'problem.rated')
         and events.at >= ${from} and events.at < ${to} and ${eventScope}
         ${subject.regionPrefix ? sql`and events.region_code like ${`${subject.regionPrefix}%`}` : sql``}
    ), latest as (
      select distinct on (subject_id, actor_user_id) input ->> 'value' as value
        from e where type = 'problem.rated' order by subject_id, actor_user_id, at desc, id desc
    )
    select
      (select count(*) from e where type = 'problem.looked_back' and input ->> 'result' = 'rebounded')::int as rebounded,
      (select count(*) from e where type = 'problem.looked_back')::int as lookbacks,
      (select count(*) from latest where value in ('satisfied', 'basically_satisfied'))::int as satisfied,
      (select count(*) from latest)::int as ratings`);
  // The two aggregates read different tables: on a server they run on two pooled connections at once.
  const [problemRows, eventRows] = (await Promise.all([problemQuery, eventQuery])) as unknown as {
    rows: Record<string, unknown>[];
  }[];
  const p = problemRows?.rows[0] ?? {};
  const e = eventRows?.rows[0] ?? {};
  const n = (v: unknown) => Number(v ?? 0);
  return {
    completion: [n(p.completion_num), n(p.completion_den)],
    threeMonth: [n(p.three_num), n(p.three_den)],
    onTime: [n(p.on_time), n(p.closed)],
    resolution: [n(p.resolved), n(p.closed)],
    mechanism: [n(p.with_mechanism), n(p.closed)],
    rebound: [n(e.rebounded), n(e.lookbacks)],
    satisfaction: [n(e.satisfied), n(e.ratings)],
  };
}
