import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { events } from '../schema/index.ts';
import type { Scope } from '../scope.ts';

export interface NewEvent {
  actorUserId: string | null;
  actorUsername: string | null;
  type: string;
  subjectType: string;
  subjectId: string;
  regionCode: string;
  unitId?: string | null;
  payload?: Record<string, unknown>;
  /** SHA-256 hex of evidence files the event refers to. */
  evidence?: string[];
  /** When it happened; defaults to the transaction's clock (set explicitly only by demo seeding and imports). */
  at?: Date;
}

/**
 * Appends one event and queues it for the transparency log. Call it inside the transaction that makes the change it
 * records: the event, its outbox row and the change commit or roll back together.
 */
export async function appendEvent(tx: Executor, event: NewEvent): Promise<number> {
  const [row] = await tx
    .insert(events)
    .values({ ...event, unitId: event.unitId ?? null, payload: event.payload ?? {}, evidence: event.evidence ?? [] })
    .returning({ id: events.id });
  await tx.execute(sql`insert into ledger_outbox (event_id) values (${row!.id})`);
  return row!.id;
}

export interface EventFilters {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  type?: string | undefined;
}

function eventConditions(f: EventFilters): (SQL | undefined)[] {
  return [
    f.subjectType ? eq(events.subjectType, f.subjectType) : undefined,
    f.subjectId ? eq(events.subjectId, f.subjectId) : undefined,
    f.type ? eq(events.type, f.type) : undefined,
  ];
}

export async function listEvents(db: Executor, scope: Scope, f: EventFilters, page: { limit: number; offset: number }) {
  const where = scope.filter(events, ...eventConditions(f));
  const [items, [total]] = await Promise.all([
    db.select().from(events).where(where).orderBy(desc(events.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(events).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function eventsOfSubject(db: Executor, scope: Scope, subjectType: string, subjectId: string) {
  return db
    .select()
    .from(events)
    .where(and(scope.where(events), eq(events.subjectType, subjectType), eq(events.subjectId, subjectId)))
    .orderBy(events.id);
}
