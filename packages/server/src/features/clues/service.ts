import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  appendEvent,
  clueSnapshotFromJson,
  findClue,
  findProblem,
  loadClueForCommand,
  loadProblemForCommand,
  schema,
  snapshotFromJson,
  updateClue,
  updateProblem,
  type ClueRow,
  type Executor,
  type NewClueRow,
} from '@rectify/db';
import {
  AppError,
  CLUE_COMMAND_PAYLOADS,
  conflict,
  decideClue,
  notFound,
  type ClueCommand,
  type ClueCommandType,
  type ClueSnapshot,
  type Principal,
} from '@rectify/domain';
import { maskPersonalData } from '@rectify/nlp';
import type { Config } from '../../config.ts';
import { effectiveSettingsFor } from '../settings/service.ts';
import { authorize } from '../../plugins/auth.ts';
import { createProblem } from '../problems/service.ts';
import { storeReplyQuality } from '../analytics/reply-quality.ts';

/** The columns that mirror the clue snapshot, written with every state change. */
export function clueColumns(s: ClueSnapshot): Partial<NewClueRow> {
  return {
    state: s.state,
    category: s.category,
    handlingUnitId: s.handlingUnitId,
    problemId: s.problemId,
    duplicateOf: s.mergedInto,
    firstReplyAt: s.firstReplyAt,
    rating: s.rating,
    snapshot: s,
  };
}

export function parseClueCommand(type: ClueCommandType, raw: unknown): ClueCommand {
  const parsed = CLUE_COMMAND_PAYLOADS[type].safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: `input/${i.path.join('/')}`, message: i.message }));
    throw new AppError(400, 'validation_failed', `请求内容不符合要求：${issues[0]?.message ?? ''}`, issues);
  }
  return { type, input: parsed.data } as ClueCommand;
}

interface Applied {
  row: ClueRow;
  extra?: Record<string, unknown>;
}

/**
 * Decides and writes one clue command in the caller's transaction: the machine decides; the clue's new state and one
 * event are written together, guarded by `version`. A refusal writes nothing. Side effects of acceptance (a new
 * problem, or the clue linked into an existing one) happen in the same transaction.
 */
export async function applyClueCommand(
  tx: Executor,
  config: Config,
  row: ClueRow,
  command: ClueCommand,
  principal: Principal,
  actor: { userId: string | null; username: string },
  now: Date,
  hooks: { createProblemFor?: (clue: ClueRow) => Promise<string> } = {},
): Promise<Applied> {
  if (command.type === 'reject') {
    // The reasons are the clue's region's (地区配置), inherited from the city when a county sets none.
    const reasons = (await effectiveSettingsFor(tx, row.regionCode)).clueRejectReasons;
    if (!reasons.includes(command.input.reason))
      throw new AppError(422, 'unknown_reason', '请从不予受理理由清单中选择', { reasons });
  }
  const decision = decideClue(clueSnapshotFromJson(row.snapshot), command, principal, now);
  if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message);
  const next = decision.next;
  const changes: Partial<NewClueRow> = {};
  const extra: Record<string, unknown> = {};

  if (command.type === 'accept') {
    const problemId = command.input.problemId ?? (await hooks.createProblemFor?.(row));
    if (!problemId) throw new AppError(422, 'problem_link', '请选择关联已有问题或新建问题');
    const problem = await loadProblemForCommand(tx, problemId);
    if (!problem) throw notFound('问题');
    const snapshot = snapshotFromJson(problem.snapshot);
    if (!snapshot.linkedClueIds.includes(row.id)) {
      snapshot.linkedClueIds = [...snapshot.linkedClueIds, row.id];
      if (!(await updateProblem(tx, problem.id, problem.version, { snapshot })))
        throw conflict('问题已被他人更新，请重试');
    }
    next.problemId = problemId;
    next.handlingUnitId = problem.leadUnitId ?? next.handlingUnitId;
    extra.problemId = problemId;
  }
  if (command.type === 'merge') {
    const [target] = await tx.select().from(schema.clues).where(eq(schema.clues.id, command.input.intoClueId));
    if (!target || target.regionCode.slice(0, 4) !== row.regionCode.slice(0, 4)) throw notFound('目标线索');
    if (target.state === 'merged') throw new AppError(422, 'merge_chain', '目标线索本身已被合并，请合并到其主线索');
  }
  if (command.type === 'rate') {
    changes.ratingComment = command.input.comment ?? null;
    changes.ratedAt = now;
  }

  const updated = await updateClue(tx, row.id, row.version, { ...clueColumns(next), ...changes });
  if (!updated) throw conflict('线索已被他人更新，请刷新后重试');
  const eventId = await appendEvent(tx, {
    at: now,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    type: decision.event.type,
    subjectType: 'clue',
    subjectId: row.id,
    regionCode: updated.regionCode,
    unitId: updated.handlingUnitId,
    payload: { ...decision.event.payload, ...extra },
  });
  if (command.type === 'reply') {
    await storeReplyQuality(
      tx,
      {
        eventId,
        subjectType: 'clue',
        subjectId: row.id,
        regionCode: updated.regionCode,
        unitId: updated.handlingUnitId,
      },
      { subject: row.title, body: row.body, time: row.receivedAt, reply: command.input.text, replyTime: now },
    );
  }
  return { row: updated, extra };
}

/** A staff command through the API: visibility by `clue.read` scope, then the machine decides. */
export async function fireClueCommand(
  request: FastifyRequest,
  id: string,
  type: ClueCommandType,
  version: number,
  rawInput: unknown,
  now = new Date(),
): Promise<ClueRow> {
  const readScope = await authorize(request, 'clue.read');
  const actor = request.actor!;
  const command = parseClueCommand(type, rawInput);
  const { db } = request.server.ctx.database;
  const { config } = request.server.ctx;
  return db.transaction(async (tx) => {
    // Visibility first, so a clue outside the caller's scope is "not found" rather than "forbidden".
    if (!(await findClue(tx, readScope, id))) throw notFound('线索');
    const problemScope =
      command.type === 'accept' && command.input.createProblem ? await authorize(request, 'problem.create') : undefined;
    const problemReadScope =
      command.type === 'accept' && command.input.problemId ? await authorize(request, 'problem.read') : undefined;
    const row = await loadClueForCommand(tx, id);
    if (!row) throw notFound('线索');
    if (row.version !== version) throw conflict('线索已被他人更新，请刷新后重试', { currentVersion: row.version });
    if (command.type === 'accept' && command.input.problemId) {
      if (!(await findProblem(tx, problemReadScope!, command.input.problemId))) throw notFound('问题');
    }
    const { row: updated } = await applyClueCommand(
      tx,
      config,
      row,
      command,
      actor,
      { userId: actor.userId, username: actor.username },
      now,
      {
        createProblemFor: async (clue) => {
          const created = await createProblem(tx, problemScope!, actor, {
            title: problemTitle(clue.title),
            description: problemDescription(clue),
            category: clue.category ?? undefined,
            severity: 'normal',
            source: 'clue',
            regionCode: clue.regionCode,
          });
          return created.id;
        },
      },
    );
    return updated;
  });
}

const problemTitle = (title: string) => (title.length >= 4 ? title : `${title}（群众反映）`).slice(0, 200);

/** A problem made from a clue carries the clue's text with personal data masked (problems may be published). */
function problemDescription(clue: ClueRow): string {
  const text = maskPersonalData(clue.body);
  const padded = text.length >= 10 ? text : `${text}（由群众反映线索转入）`;
  return `${padded}\n\n（来源：民意线索，${clue.channel}，${clue.receivedAt.toISOString().slice(0, 10)}）`.slice(
    0,
    10_000,
  );
}
