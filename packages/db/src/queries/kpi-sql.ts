import { and, sql, type SQL } from 'drizzle-orm';
import { THREE_MONTHS_MS } from '@rectify/domain';
import type { Executor } from '../client.ts';
import { kpiMarks, problems } from '../schema/index.ts';
import type { Scope } from '../scope.ts';
import { markWhere, problemWhere, type KpiSubject } from './kpi-facts.ts';

export interface KpiCounts {
  completion: [number, number];
  threeMonth: [number, number];
  onTime: [number, number];
  resolution: [number, number];
  mechanism: [number, number];
  rebound: [number, number];
  satisfaction: [number, number];
}

const THREE_MONTHS = sql.raw(`interval '${THREE_MONTHS_MS / 3_600_000} hours'`);

/**
 * Runs one aggregate without parallel workers. Measured on the 2-core bench machine under load, the parallel plans of
 * these ~100k-row scans took about twice as long as the plain ones (worker start-up and CPU contention; the two
 * aggregates already run side by side): bench/RESULTS.md, "## kpi".
 */
function serial(db: Executor, query: SQL) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return tx.execute(query);
  });
}

/** A KPI period: instants, and its bounds as local calendar days in the time zone (for deadlines). */
export interface KpiPeriod {
  from: Date;
  to: Date;
  fromDay: string;
  toDay: string;
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
  period: KpiPeriod,
  timeZone: string,
): Promise<KpiCounts> {
  return (await kpiCountsByPeriod(db, scope, subject, [period], timeZone))[0]!;
}

/**
 * `kpiCounts` for several periods at once (a trend): one pass over the problems and one over the KPI marks, grouped
 * by period, with the same expressions. Result i belongs to `periods[i]`.
 */
export async function kpiCountsByPeriod(
  db: Executor,
  scope: Scope,
  subject: KpiSubject,
  periods: readonly KpiPeriod[],
  timeZone: string,
): Promise<KpiCounts[]> {
  if (periods.length === 0) return [];
  // One period (the dashboard): its bounds are plain parameters. Several (a trend): the periods become a table
  // `k(i, from_at, to_at, from_day, to_day)` joined to the rows and grouped by; the expressions are the same. (The
  // join costs about twice the CPU per row, so the single period does without it.)
  const single = periods.length === 1 ? periods[0]! : null;
  const b = single
    ? {
        i: sql`0`,
        from: sql`${single.from}::timestamptz`,
        to: sql`${single.to}::timestamptz`,
        fromDay: sql`${single.fromDay}::date`,
        toDay: sql`${single.toDay}::date`,
      }
    : { i: sql`k.i`, from: sql`k.from_at`, to: sql`k.to_at`, fromDay: sql`k.from_day`, toDay: sql`k.to_day` };
  const k = sql`(values ${sql.join(
    periods.map(
      (p, i) => sql`(${i}::int, ${p.from}::timestamptz, ${p.to}::timestamptz, ${p.fromDay}::date, ${p.toDay}::date)`,
    ),
    sql`, `,
  )}) as k(i, from_at, to_at, from_day, to_day)`;
  const grouped = single ? sql`` : sql`group by k.i`;
  const first = new Date(Math.min(...periods.map((p) => p.from.getTime())));
  const last = new Date(Math.max(...periods.map((p) => p.to.getTime())));
  const where = and(problemWhere(scope, subject), sql`${problems.assignedAt} is not null`);
  const closedIn = sql`closed_at >= ${b.from} and closed_at < ${b.to}`;
  const due = sql`d >= ${b.fromDay} and d < ${b.toDay}`;
  // 90 days are 90 × 24 h, as THREE_MONTHS_MS in the domain: an hours interval is exact arithmetic in any session time
  // zone (a days interval is calendar arithmetic in it), and the cohort's bound is computed once, not per row.
  const cohortEnd = single
    ? sql`${new Date(single.to.getTime() - THREE_MONTHS_MS)}::timestamptz`
    : sql`(k.to_at - ${THREE_MONTHS})`;
  const cohort = sql`assigned_at >= ${b.from} and assigned_at < ${b.to} and assigned_at <= ${cohortEnd}`;
  // Plain columns only (the deadline in force is kept in `problems.deadline` by every state change; the covering
  // index problems_kpi_idx holds them all): no JSON here.
  const problemQuery = serial(
    db,
    sql`
    with p as (
      select ${problems.assignedAt} as assigned_at, ${problems.closedAt} as closed_at, ${problems.outcome} as outcome,
             ${problems.deadline} as d, pm.problem_id is not null as has_mechanism
        from ${problems}
        left join (select distinct problem_id from problem_mechanisms) pm on pm.problem_id = ${problems.id}
       where ${where}
    )
    select ${b.i} as i,
      count(*) filter (where ${due} and closed_at < ${b.to})::int as completion_num,
      count(*) filter (where ${due})::int as completion_den,
      count(*) filter (where ${cohort} and closed_at <= assigned_at + ${THREE_MONTHS} and closed_at < ${b.to})::int as three_num,
      count(*) filter (where ${cohort})::int as three_den,
      count(*) filter (where ${closedIn} and (closed_at at time zone ${timeZone})::date <= d)::int as on_time,
      count(*) filter (where ${closedIn} and outcome = 'resolved')::int as resolved,
      count(*) filter (where ${closedIn} and has_mechanism)::int as with_mechanism,
      count(*) filter (where ${closedIn})::int as closed
    from p ${single ? sql`` : sql`cross join ${k}`}
    ${grouped}`,
  );
  // Ratings and look-backs come from their narrow KPI marks (one per event), not from the events.
  // A rating counts in a period when made in it and not superseded by the same rater before the period's end: that
  // keeps the latest rating per problem and rater, as the reference formula does.
  const counted = sql`(${kpiMarks.supersededAt} is null or ${kpiMarks.supersededAt} >= ${b.to})`;
  const markQuery = serial(
    db,
    sql`
    select ${b.i} as i,
      count(*) filter (where ${kpiMarks.kind} = 'lookback' and ${kpiMarks.value} = 'rebounded')::int as rebounded,
      count(*) filter (where ${kpiMarks.kind} = 'lookback')::int as lookbacks,
      count(*) filter (where ${kpiMarks.kind} = 'rating' and ${counted}
                         and ${kpiMarks.value} in ('satisfied', 'basically_satisfied'))::int as satisfied,
      count(*) filter (where ${kpiMarks.kind} = 'rating' and ${counted})::int as ratings
      from ${kpiMarks} ${single ? sql`` : sql`join ${k} on ${kpiMarks.at} >= k.from_at and ${kpiMarks.at} < k.to_at`}
     where ${kpiMarks.at} >= ${first} and ${kpiMarks.at} < ${last} and ${markWhere(scope, subject)}
     ${grouped}`,
  );
  // The two aggregates read different tables: on a server they run on two pooled connections at once.
  const [problemRows, markRows] = (await Promise.all([problemQuery, markQuery])) as unknown as {
    rows: Record<string, unknown>[];
  }[];
  const byPeriod = (rows: Record<string, unknown>[] | undefined) => new Map(rows?.map((r) => [Number(r.i), r]));
  const ps = byPeriod(problemRows?.rows);
  const ms = byPeriod(markRows?.rows);
  const n = (v: unknown) => Number(v ?? 0);
  return periods.map((_, i) => {
    const p = ps.get(i) ?? {};
    const m = ms.get(i) ?? {};
    return {
      completion: [n(p.completion_num), n(p.completion_den)],
      threeMonth: [n(p.three_num), n(p.three_den)],
      onTime: [n(p.on_time), n(p.closed)],
      resolution: [n(p.resolved), n(p.closed)],
      mechanism: [n(p.with_mechanism), n(p.closed)],
      rebound: [n(m.rebounded), n(m.lookbacks)],
      satisfaction: [n(m.satisfied), n(m.ratings)],
    };
  });
}
