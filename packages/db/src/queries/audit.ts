import { count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { auditLog } from '../schema/index.ts';
import type { Scope } from '../scope.ts';

export interface AuditEntry {
  actorUserId?: string | null;
  actorUsername?: string | null;
  action: string;
  outcome: 'success' | 'failure';
  ip?: string | null;
  regionCode?: string | null;
  details?: Record<string, unknown>;
  viaToken?: boolean;
}

export async function writeAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}

export async function listAudit(
  db: Executor,
  scope: Scope,
  f: { action?: string | undefined; actor?: string | undefined },
  page: { limit: number; offset: number },
) {
  const where = scope.filter(
    auditLog,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.actor ? eq(auditLog.actorUsername, f.actor) : undefined,
  ) as SQL;
  const [items, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
