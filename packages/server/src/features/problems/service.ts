import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  appendEvent,
  findProblem,
  insertProblem,
  loadProblemForCommand,
  snapshotFromJson,
  updateProblem,
  schema,
  type Scope,
  type Executor,
  type NewProblemRow,
  type ProblemRow,
} from '@rectify/db';
import {
  AppError,
  badRequest,
  conflict,
  decide,
  forbidden,
  hasRole,
  newProblem,
  notFound,
  OPEN_STATES,
  parseProblemCommand,
  problemFlags,
  type Actor,
  type createProblemBody,
  type ProblemCommand,
  type ProblemCommandType,
  type ProblemSnapshot,
  type WarningOptions,
} from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { effectiveSettingsFor, settingsByRegion } from '../settings/service.ts';
import { machineOptions, warningOptions } from './presenter.ts';
import { storeProgressQuality } from '../analytics/reply-quality.ts';

/**
 * The columns that mirror the snapshot and its derived flags, written with every state change; the lights follow
 * the progress cadence of the problem's region when given.
 */
export function derivedColumns(
  s: ProblemSnapshot,
  now: Date,
  warning: Partial<WarningOptions> = {},
): Partial<NewProblemRow> {
  const flags = problemFlags(s, now, warning);
  return {
    state: s.state,
    leadUnitId: s.assignment?.leadUnitId ?? null,
    coUnitIds: s.assignment?.coUnitIds ?? [],
    deadline: flags.deadline,
    assignedAt: s.assignment?.assignedAt ?? null,
    closedAt: s.closedAt,
    outcome: s.outcome,
    warning: flags.warning,
    overdueDays: flags.overdueDays,
    escalation: s.escalation,
    reopened: s.reopened,
    snapshot: s,
  };
}

export async function createProblem(
  db: Executor,
  scope: Scope,
  actor: Actor,
  input: z.infer<typeof createProblemBody>,
  now = new Date(),
): Promise<ProblemRow> {
  if (!scope.coversRegion(input.regionCode)) throw forbidden('只能在您负责的行政区划内提出问题');
  const id = randomUUID();
  const snapshot = newProblem({
    id,
    regionCode: input.regionCode,
    campaignId: input.campaignId ?? null,
    raisedBy: hasRole(actor, 'member') ? actor.userId : null,
  });
  return db.transaction(async (tx) => {
    const row = await insertProblem(tx, {
      id,
      title: input.title,
      description: input.description,
      category: input.category ?? null,
      severity: input.severity,
      source: input.source,
      regionCode: input.regionCode,
      campaignId: input.campaignId ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      ...derivedColumns(snapshot, now),
      state: snapshot.state,
      snapshot,
    });
    await appendEvent(tx, {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      type: 'problem.created',
      subjectType: 'problem',
      subjectId: id,
      regionCode: row.regionCode,
      payload: { title: row.title, source: row.source, severity: row.severity, to: 'draft' },
      at: now,
    });
    return row;
  });
}

/**
 * Fires one lifecycle command: the domain machine decides; the new state, the derived columns and the event are
 * written in one transaction, guarded by the version the caller read (null: the current one, for seeding and jobs).
 * A refusal writes nothing. `readScope` is the caller's problem.read scope: outside it the problem is "not found".
 */
export async function applyProblemCommand(
  db: Executor,
  actor: Actor,
  readScope: Scope,
  id: string,
  command: ProblemCommand,
  version: number | null,
  now = new Date(),
): Promise<ProblemRow> {
  return db.transaction(async (tx) => {
    if (!(await findProblem(tx, readScope, id))) throw notFound('问题');
    const row = await loadProblemForCommand(tx, id);
    if (!row) throw notFound('问题');
    if (version !== null && row.version !== version) {
      throw conflict('问题已被他人更新，请刷新后重试', { currentVersion: row.version });
    }
    // The dispute window, extension limit and progress cadence are those of the problem's region.
    const settings = await effectiveSettingsFor(tx, row.regionCode);
    const decision = decide(snapshotFromJson(row.snapshot), command, actor, now, machineOptions(settings));
    if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message);
    const updated = await updateProblem(
      tx,
      id,
      row.version,
      derivedColumns(decision.next, now, warningOptions(settings)),
    );
    if (!updated) throw conflict('问题已被他人更新，请刷新后重试');
    const input = command.input as { evidence?: string[] };
    const eventId = await appendEvent(tx, {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      type: decision.event.type,
      subjectType: 'problem',
      subjectId: id,
      regionCode: updated.regionCode,
      unitId: updated.leadUnitId,
      payload: decision.event.payload,
      evidence: Array.isArray(input.evidence) ? input.evidence : [],
      at: now,
    });
    if (command.type === 'report_progress') await storeProgressQuality(tx, row, updated, command.input, eventId, now);
    return updated;
  });
}

/** The HTTP entry: validates the payload with the command's schema, then `applyProblemCommand`. */
export async function fireProblemCommand(
  request: FastifyRequest,
  id: string,
  type: ProblemCommandType,
  version: number,
  rawInput: unknown,
): Promise<ProblemRow> {
  const readScope = await authorize(request, 'problem.read');
  const parsed = parseProblemCommand(type, rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: `input/${i.path.join('/')}`, message: i.message }));
    throw new AppError(400, 'validation_failed', `请求内容不符合要求：${issues[0]?.message ?? ''}`, issues);
  }
  return applyProblemCommand(request.server.ctx.database.db, request.actor!, readScope, id, parsed.command, version);
}

export function ensureCommand(type: string, known: readonly string[]): ProblemCommandType {
  if (!known.includes(type)) throw badRequest(`未知的操作：${type}`, { known });
  return type as ProblemCommandType;
}

/** Recomputes the derived flags of every open problem (the scheduled job; safe to run at any time). */
export async function recomputeWarnings(db: Executor, now = new Date()): Promise<number> {
  const rows = await db
    .select()
    .from(schema.problems)
    .where(inArray(schema.problems.state, [...OPEN_STATES]));
  const settingsOf = await settingsByRegion(
    db,
    rows.map((r) => r.regionCode),
  );
  let changed = 0;
  for (const row of rows) {
    const cols = derivedColumns(snapshotFromJson(row.snapshot), now, warningOptions(settingsOf(row.regionCode)));
    if (cols.warning === row.warning && cols.overdueDays === row.overdueDays && cols.deadline === row.deadline)
      continue;
    // Flags are derived from the clock, not an edit by anyone: no version bump and no event.
    await db
      .update(schema.problems)
      .set({ warning: cols.warning, overdueDays: cols.overdueDays ?? 0, deadline: cols.deadline ?? null })
      .where(eq(schema.problems.id, row.id));
    changed++;
  }
  return changed;
}
